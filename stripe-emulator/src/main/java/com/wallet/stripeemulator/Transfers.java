package com.wallet.stripeemulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Transfers to connected accounts ({@code acct_...}) and their reversals. */
@Component
class Transfers {

    private final ObjectStore store;
    private final Webhooks webhooks;

    Transfers(ObjectStore store, Webhooks webhooks) {
        this.store = store;
        this.webhooks = webhooks;
    }

    Map<String, Object> create(Params params) {
        long amount = params.requiredAmount("amount");
        String currency = params.currency();
        String destination = params.requiredString("destination");
        if (!destination.startsWith("acct_")) {
            throw StripeException.invalid("resource_missing", "destination",
                    "No such destination: '" + destination + "'");
        }
        Map<String, Object> tr = store.create("transfer", "tr");
        synchronized (tr) {
            tr.put("amount", amount);
            tr.put("amount_reversed", 0L);
            tr.put("currency", currency);
            tr.put("description", params.string("description"));
            tr.put("destination", destination);
            tr.put("metadata", params.metadata());
            tr.put("reversals", reversalList(tr, new ArrayList<>()));
            tr.put("reversed", false);
            tr.put("transfer_group", params.string("transfer_group"));
            webhooks.publish("transfer.created", tr);
            return tr;
        }
    }

    Map<String, Object> retrieve(String id) {
        return store.get("transfer", id);
    }

    /**
     * {@code GET /v1/transfers}: newest first, optionally only those of one {@code transfer_group}
     * or {@code destination}, at most {@code limit} (Stripe's default 10, at most 100).
     */
    Map<String, Object> list(String transferGroup, String destination, Integer limit) {
        int max = limit == null ? 10 : limit;
        if (max < 1 || max > 100) {
            throw StripeException.invalid("parameter_invalid_integer", "limit",
                    "This value must be greater than or equal to 1 and less than or equal to 100.");
        }
        List<Map<String, Object>> matching = new ArrayList<>(store.list("transfer").stream()
                .filter(tr -> transferGroup == null || transferGroup.equals(tr.get("transfer_group")))
                .filter(tr -> destination == null || destination.equals(tr.get("destination")))
                .toList());
        Collections.reverse(matching);
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", matching.subList(0, Math.min(max, matching.size())));
        list.put("has_more", matching.size() > max);
        list.put("url", "/v1/transfers");
        return list;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> reverse(String id, Params params) {
        Map<String, Object> tr = retrieve(id);
        synchronized (tr) {
            long amount = (Long) tr.get("amount");
            long reversed = (Long) tr.get("amount_reversed");
            Long requested = params.optionalAmount("amount");
            long reversal = requested == null ? amount - reversed : requested;
            if (reversal <= 0 || reversed + reversal > amount) {
                throw StripeException.invalid("transfer_already_reversed", "amount",
                        "The amount is greater than the unreversed amount of the transfer.");
            }
            Map<String, Object> trr = store.create("transfer_reversal", "trr");
            trr.put("amount", reversal);
            trr.put("currency", tr.get("currency"));
            trr.put("metadata", params.metadata());
            trr.put("transfer", id);
            List<Object> reversals = new ArrayList<>((List<Object>) ((Map<String, Object>) tr.get("reversals")).get("data"));
            reversals.add(0, trr);
            tr.put("reversals", reversalList(tr, reversals));
            tr.put("amount_reversed", reversed + reversal);
            tr.put("reversed", reversed + reversal == amount);
            webhooks.publish("transfer.reversed", tr);
            return trr;
        }
    }

    private static Map<String, Object> reversalList(Map<String, Object> tr, List<Object> data) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", data);
        list.put("has_more", false);
        list.put("total_count", data.size());
        list.put("url", "/v1/transfers/" + tr.get("id") + "/reversals");
        return list;
    }
}
