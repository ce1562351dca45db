package com.wallet.processor.wallet.adapter.in.kafka;

import com.wallet.processor.wallet.application.transfer.CommandBatchException;
import com.wallet.processor.wallet.application.transfer.CommandRecord;
import com.wallet.processor.wallet.application.transfer.ProcessCommandBatchService;

import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.Topics;
import com.wallet.common.observability.RequestId;
import com.wallet.processor.wallet.application.transfer.CommandBatchException;
import com.wallet.processor.wallet.application.transfer.CommandRecord;
import com.wallet.processor.wallet.application.transfer.ProcessCommandBatchService;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * wallet.commands, a poll at a time -> one application call; the offsets are committed after it
 * returns (after the database commits). A failure names its record: the error handler commits the
 * ones before it, retries or dead-letters that one alone, and polls the rest again.
 */
class WalletCommandListener {

    private final ProcessCommandBatchService commands;
    private final ObservationRegistry observations;

    WalletCommandListener(ProcessCommandBatchService commands, ObservationRegistry observations) {
        this.commands = commands;
        this.observations = observations;
    }

    @KafkaListener(id = "wallet-commands", topics = Topics.WALLET_COMMANDS, groupId = KafkaConfiguration.GROUP,
            containerFactory = KafkaConfiguration.COMMANDS_FACTORY, batch = "true")
    public void onCommands(List<ConsumerRecord<String, CommandEnvelope>> records, Acknowledgment ack) {
        List<CommandRecord> batch = new ArrayList<>(records.size());
        List<Observation> received = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, CommandEnvelope> r = records.get(i);
            batch.add(new CommandRecord(i, r.key(), r.value(), RequestId.from(r.headers())));
            received.add(received(r).start());
        }
        // Spring Kafka observes record listeners only: each record gets its consumer span here (in the
        // trace its producer started), and the batch's work (SQL, and the Stripe calls handed off with
        // this context to StripeCalls) runs in the first one's.
        try (Observation.Scope ignored = received.get(0).openScope()) {
            int handled = commands.process(batch).size();
            if (handled < records.size()) {
                ack.nack(handled, Duration.ZERO);   // out of time: commit the first ones, poll the rest again
            } else {
                ack.acknowledge();
            }
        } catch (CommandBatchException e) {
            received.get(e.index()).error(e.getCause());
            throw new BatchListenerFailedException(e.getMessage(), e.getCause(), e.index());
        } finally {
            received.forEach(Observation::stop);
        }
    }

    private Observation received(ConsumerRecord<String, CommandEnvelope> record) {
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, "wallet-commands", null, KafkaConfiguration.GROUP,
                        () -> null),
                observations);
    }
}
