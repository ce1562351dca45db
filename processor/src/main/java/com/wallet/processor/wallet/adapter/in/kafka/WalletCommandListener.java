package com.wallet.processor.wallet.adapter.in.kafka;

import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.Topics;
import com.wallet.processor.wallet.application.ProcessWalletCommandService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** wallet.commands -> one application call; the offset is committed after it returns (after the DB commit). */
class WalletCommandListener {

    private final ProcessWalletCommandService commands;

    WalletCommandListener(ProcessWalletCommandService commands) {
        this.commands = commands;
    }

    @KafkaListener(id = "wallet-commands", topics = Topics.WALLET_COMMANDS, groupId = KafkaConfiguration.GROUP,
            containerFactory = KafkaConfiguration.COMMANDS_FACTORY)
    public void onCommand(ConsumerRecord<String, CommandEnvelope> record) {
        commands.process(record.key(), record.value());
    }
}
