package com.wallet.gateway.wallet.adapter.in.graphql;

import com.wallet.gateway.auth.WebSocketAuthentication;
import com.wallet.gateway.wallet.application.Caller;
import com.wallet.gateway.wallet.application.Transaction;
import com.wallet.gateway.wallet.application.TransactionUpdates;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

@Controller
class TransactionSubscriptionController {

    private final TransactionUpdates updates;

    TransactionSubscriptionController(TransactionUpdates updates) {
        this.updates = updates;
    }

    /** Over WebSocket only: the caller is the one authenticated by the connection_init payload. */
    @SubscriptionMapping
    Flux<Transaction> transactionUpdated(@ContextValue(WebSocketAuthentication.CALLER) Caller caller,
                                         @Argument String id) {
        return updates.updates(caller, id);
    }
}
