package com.wallet.processor.wallet.adapter.in.kafka;

import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.Topics;
import com.wallet.common.observability.RequestId;
import com.wallet.processor.wallet.application.batch.CommandBatchException;
import com.wallet.processor.wallet.application.batch.CommandRecord;
import com.wallet.processor.wallet.application.batch.ProcessCommandBatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;

/**
 * wallet.commands, a poll at a time -> one application call; the offsets are committed after it
 * returns (after the database commits). A failure names its record: the error handler commits the
 * ones before it, retries or dead-letters that one alone, and polls the rest again.
 */
class WalletCommandListener {

    private final ProcessCommandBatchService commands;

    WalletCommandListener(ProcessCommandBatchService commands) {
        this.commands = commands;
    }

    @KafkaListener(id = "wallet-commands", topics = Topics.WALLET_COMMANDS, groupId = KafkaConfiguration.GROUP,
            containerFactory = KafkaConfiguration.COMMANDS_FACTORY, batch = "true")
    public void onCommands(List<ConsumerRecord<String, CommandEnvelope>> records, Acknowledgment ack) {
        List<CommandRecord> batch = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, CommandEnvelope> r = records.get(i);
            batch.add(new CommandRecord(i, r.key(), r.value(), RequestId.from(r.headers())));
        }
        try {
            int handled = commands.process(batch).size();
            if (handled < records.size()) {
                ack.nack(handled, Duration.ZERO);   // out of time: commit the first ones, poll the rest again
            } else {
                ack.acknowledge();
            }
        } catch (CommandBatchException e) {
            throw new BatchListenerFailedException(e.getMessage(), e.getCause(), e.index());
        }
    }
}
