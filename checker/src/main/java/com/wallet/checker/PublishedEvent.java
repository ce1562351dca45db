package com.wallet.checker;

import com.wallet.common.messaging.WalletPosting;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A wallet.transactions event as the checker reads it, from the topic or from an outbox row.
 * Read field by field, so events of schema version 1 (no walletSequence, no postings) are read too.
 *
 * @param walletSequence 0 on a version 1 event
 * @param postings       null on a version 1 event (it did not say what it posted)
 */
record PublishedEvent(UUID eventId, int schemaVersion, long walletSequence, UUID transactionId, UUID walletId,
                      String status, List<WalletPosting> postings) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static PublishedEvent parse(String json) {
        JsonNode node = JSON.readTree(json);
        List<WalletPosting> postings = null;
        JsonNode list = node.get("postings");
        if (list != null && list.isArray()) {
            postings = new ArrayList<>();
            for (JsonNode p : list) {
                postings.add(new WalletPosting(UUID.fromString(p.get("walletId").asString()), p.get("amount").asLong()));
            }
        }
        return new PublishedEvent(uuid(node, "eventId"), node.path("schemaVersion").asInt(1),
                node.path("walletSequence").asLong(0), uuid(node, "transactionId"), uuid(node, "walletId"),
                node.path("status").asString(null), postings);
    }

    boolean carriesPostings() {
        return postings != null;
    }

    long postedTo(UUID wallet) {
        long sum = 0;
        for (WalletPosting p : postings) {
            if (p.walletId().equals(wallet)) {
                sum = Math.addExact(sum, p.amount());
            }
        }
        return sum;
    }

    private static UUID uuid(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : UUID.fromString(value.asString());
    }
}
