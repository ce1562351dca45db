package com.wallet.processor.wallet.application;

import com.wallet.processor.wallet.application.port.TransactionRecord;

import com.wallet.common.observability.RequestId;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Makes the Stripe calls of deposits and withdrawals off the wallet.commands listener thread, on a
 * bounded pool of its own ("stripe-calls-N"), so that a slow Stripe never stalls a partition's
 * transfers (issue 7). The listener hands a {@link StripeCall} over once the command's database
 * transaction has committed PROCESSING, goes on with the next records and acknowledges the offsets.
 *
 * <p>Why that is safe (contract 6.4, 6.7). Once the offset is acknowledged the only durable trace of
 * the call is the PROCESSING row, and that is all the reconcilers need: they re-drive every
 * PROCESSING row left unchanged for {@code wallet.reconciler.reconcile-after} (30 s). A deposit
 * without a PaymentIntent id is created again with its key "deposit-&lt;txId&gt;" and the payment
 * method stored on the row: Stripe replays the first answer, or, for a call that was never made,
 * does the work now. A withdrawal without a Transfer id is looked for by transfer_group and created
 * with "withdrawal-&lt;txId&gt;" only when Stripe holds none. So a call lost with this process
 * (killed while it was queued or in flight, or left over at shutdown) is made by the reconciler, at
 * most once, about half a minute later; and a call that is merely late (queued behind a slow Stripe
 * for longer than reconcile-after) races the reconciler under the same key: Stripe replays the answer
 * or says 409 (ambiguous: the row stays PROCESSING), every recording is conditional on the row
 * still being open, and the call first re-reads the row and gives up when someone else settled it.
 *
 * <p>Back-pressure: when every thread is busy and the queue is full, the listener thread makes the
 * call itself (caller runs). That partition then waits for Stripe, as every partition did before,
 * but only under overload, and consumption slows to the rate Stripe answers instead of piling up
 * PROCESSING rows. Dropping the call for the reconciler instead would never block, but turns an
 * overload into a backlog that one reconciler works off 50 rows a round, each after 30 s.
 *
 * <p>Shutdown: {@link #stop} runs after the listener containers stopped (a later phase) and before
 * the DataSource and the Redis client close (bean destruction): queued and in-flight calls get
 * {@code shutdownWait} to finish; what is left is interrupted and belongs to the reconciler.
 *
 * <p>The task carries the caller's context: its Micrometer observation (the record's consumer span,
 * so the SQL recording the answer is in the command's trace) and its request id in the MDC.
 */
public class StripeCalls implements SmartLifecycle {

    /** After the Kafka listener containers (Integer.MAX_VALUE - 100) stop, before the web server's graceful stop. */
    static final int PHASE = Integer.MAX_VALUE - 200;
    static final String TIMER = "wallet.stripe.calls";

    private static final Logger log = LoggerFactory.getLogger(StripeCalls.class);

    private final ThreadPoolExecutor pool;
    private final StripeCallsProperties properties;
    private final MeterRegistry meters;
    private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
    private final Counter onCaller;
    private volatile boolean running;

    public StripeCalls(StripeCallsProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("stripe-calls-");
        threads.setDaemon(true); // a call left over after shutdownWait must not keep the JVM alive
        this.pool = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()), threads, this::rejected);
        this.onCaller = Counter.builder("wallet.stripe.calls.on.caller")
                .description("Stripe calls made on the listener thread: the pool and its queue were full")
                .register(meters);
        Gauge.builder("wallet.stripe.calls.queued", pool, p -> p.getQueue().size())
                .description("Stripe calls waiting for a thread").register(meters);
        Gauge.builder("wallet.stripe.calls.active", pool, ThreadPoolExecutor::getActiveCount)
                .description("Stripe calls in flight").register(meters);
    }

    /**
     * Hands the call over, after the command's transaction committed.
     *
     * @return PROCESSING when a call was handed over (it ends the transaction later), else the command's outcome
     */
    public Outcome handOff(StripeCall call) {
        if (!call.pending()) {
            return call.outcome();
        }
        String requestId = RequestId.current() != null ? RequestId.current() : call.transaction().requestId();
        pool.execute(new Task(call, requestId, snapshots.captureAll(), System.nanoTime()));
        return call.outcome();
    }

    private void rejected(Runnable runnable, ThreadPoolExecutor executor) {
        Task task = (Task) runnable;
        if (executor.isShutdown()) {
            log.warn("{} {}: Stripe call not made, stopping; left PROCESSING for the reconciler",
                    task.call.transaction().type(), task.call.transaction().id());
            return;
        }
        onCaller.increment();
        task.run();
    }

    private final class Task implements Runnable {

        private final StripeCall call;
        private final String requestId;
        private final ContextSnapshot context;
        private final long handedOff;

        Task(StripeCall call, String requestId, ContextSnapshot context, long handedOff) {
            this.call = call;
            this.requestId = requestId;
            this.context = context;
            this.handedOff = handedOff;
        }

        @Override
        public void run() {
            TransactionRecord tx = call.transaction();
            String outcome = "ERROR";
            try (ContextSnapshot.Scope ignored = context.setThreadLocals();
                 RequestId.Scope alsoIgnored = RequestId.open(requestId)) {
                outcome = call.run().name();
            } catch (RuntimeException e) {
                // e.g. the database or the lock unavailable while recording: the row is still
                // PROCESSING, and the reconciler asks Stripe again under the same key
                log.warn("{} {}: Stripe call or its recording failed, left PROCESSING for the reconciler: {}",
                        tx.type(), tx.id(), e.getClass().getSimpleName());
            } finally {
                Timer.builder(TIMER).tag("type", tx.type().name()).tag("outcome", outcome)
                        .description("a deposit's or withdrawal's Stripe call, from hand-off to its answer recorded")
                        .register(meters).record(System.nanoTime() - handedOff, TimeUnit.NANOSECONDS);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(properties.shutdownWait().toMillis(), TimeUnit.MILLISECONDS)) {
                int queued = pool.shutdownNow().size();
                log.warn("stopping: {} Stripe calls still in flight and {} queued after {}, left PROCESSING for the "
                        + "reconciler", pool.getActiveCount(), queued, properties.shutdownWait());
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
