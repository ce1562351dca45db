package com.wallet.stripeemulator;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The emulator's own JSON API for tests and operators; see the module README. */
@RestController
@RequestMapping("/_emulator")
class ControlController {

    private final Faults faults;
    private final Webhooks webhooks;
    private final ObjectStore store;
    private final IdempotencyStore idempotency;
    private final PaymentIntents paymentIntents;
    private final Transfers transfers;
    private final Payouts payouts;

    ControlController(Faults faults, Webhooks webhooks, ObjectStore store, IdempotencyStore idempotency,
                      PaymentIntents paymentIntents, Transfers transfers, Payouts payouts) {
        this.faults = faults;
        this.webhooks = webhooks;
        this.store = store;
        this.idempotency = idempotency;
        this.paymentIntents = paymentIntents;
        this.transfers = transfers;
        this.payouts = payouts;
    }

    record Amount(Long amount, String reason, String failureCode) {
    }

    @PostMapping("/faults")
    @ResponseStatus(HttpStatus.CREATED)
    Fault queueFault(@RequestBody Fault fault) {
        faults.add(fault);
        return fault;
    }

    @GetMapping("/faults")
    List<Fault> pendingFaults() {
        return faults.pending();
    }

    @DeleteMapping("/faults")
    ResponseEntity<Void> clearFaults() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/webhooks/faults")
    @ResponseStatus(HttpStatus.CREATED)
    WebhookFault queueWebhookFault(@RequestBody WebhookFault fault) {
        webhooks.addFault(fault);
        return fault;
    }

    @GetMapping("/webhooks")
    List<Map<String, Object>> webhooks() {
        return webhooks.deliveries();
    }

    @GetMapping("/objects")
    List<Map<String, Object>> objects(@RequestParam(required = false) String type) {
        return store.list(type);
    }

    @PostMapping("/payment_intents/{id}/refund")
    Map<String, Object> refund(@PathVariable String id, @RequestBody(required = false) Amount body) {
        return paymentIntents.refund(paymentIntents.chargeOf(id), amount(body), Map.of());
    }

    @PostMapping("/payment_intents/{id}/dispute")
    Map<String, Object> dispute(@PathVariable String id, @RequestBody(required = false) Amount body) {
        return paymentIntents.dispute(paymentIntents.chargeOf(id), amount(body), body == null ? null : body.reason());
    }

    @PostMapping("/payment_intents/{id}/authenticate")
    Map<String, Object> authenticate(@PathVariable String id, @RequestParam(defaultValue = "true") boolean success) {
        return paymentIntents.authenticate(id, success);
    }

    record DisputeOutcome(String status) {
    }

    @PostMapping("/disputes/{id}/close")
    Map<String, Object> closeDispute(@PathVariable String id, @RequestBody DisputeOutcome body) {
        return paymentIntents.closeDispute(id, body.status());
    }

    @PostMapping("/transfers/{id}/reverse")
    Map<String, Object> reverse(@PathVariable String id, @RequestBody(required = false) Amount body) {
        Long amount = amount(body);
        return transfers.reverse(id, new Params(amount == null ? Map.of() : Map.of("amount", amount.toString())));
    }

    @PostMapping("/payouts/{id}/fail")
    Map<String, Object> failPayout(@PathVariable String id, @RequestBody(required = false) Amount body) {
        return payouts.fail(id, body == null ? null : body.failureCode());
    }

    /** Forgets every idempotency key, objects kept: what Stripe does to keys after 24 hours. */
    @PostMapping("/idempotency/expire")
    ResponseEntity<Void> expireIdempotencyKeys() {
        idempotency.clear();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/reset")
    ResponseEntity<Void> reset() {
        faults.clear();
        webhooks.clear();
        idempotency.clear();
        store.clear();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
    }

    private static Long amount(Amount body) {
        return body == null ? null : body.amount();
    }
}
