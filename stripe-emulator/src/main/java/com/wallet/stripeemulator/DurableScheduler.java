package com.wallet.stripeemulator;

import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler of delayed work (bank debits settling, payouts paid): each run of a task is one
 * {@link EmulatorState#change}, so what it does reaches the state file like a request's work.
 * {@code execute} and {@code submit} come through {@code schedule} in the JDK's implementation.
 */
final class DurableScheduler extends ScheduledThreadPoolExecutor {

    private final EmulatorState state;

    DurableScheduler(int threads, EmulatorState state) {
        super(threads, r -> {
            Thread thread = new Thread(r, "emulator-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        this.state = state;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return super.schedule(() -> state.change(command::run), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return super.schedule(() -> {
            Object[] result = new Object[1];
            state.change(() -> result[0] = callable.call());
            @SuppressWarnings("unchecked")
            V value = (V) result[0];
            return value;
        }, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return super.scheduleAtFixedRate(() -> state.change(command::run), initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return super.scheduleWithFixedDelay(() -> state.change(command::run), initialDelay, delay, unit);
    }
}
