package com.wallet.stripeemulator;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The {@code /v1} endpoints; authentication, idempotency and faults are in {@link StripeApiFilter}. */
@RestController
@RequestMapping("/v1")
class StripeApiController {

    private final PaymentIntents paymentIntents;
    private final Transfers transfers;
    private final Payouts payouts;

    StripeApiController(PaymentIntents paymentIntents, Transfers transfers, Payouts payouts) {
        this.paymentIntents = paymentIntents;
        this.transfers = transfers;
        this.payouts = payouts;
    }

    @PostMapping("/payment_intents")
    Map<String, Object> createPaymentIntent(@RequestParam Map<String, String> form) {
        return paymentIntents.create(new Params(form));
    }

    @PostMapping("/payment_intents/{id}/confirm")
    Map<String, Object> confirmPaymentIntent(@PathVariable String id, @RequestParam Map<String, String> form) {
        return paymentIntents.confirm(id, new Params(form));
    }

    @GetMapping("/payment_intents/{id}")
    Map<String, Object> retrievePaymentIntent(@PathVariable String id) {
        return paymentIntents.retrieve(id);
    }

    @PostMapping("/payment_intents/{id}/cancel")
    Map<String, Object> cancelPaymentIntent(@PathVariable String id, @RequestParam Map<String, String> form) {
        return paymentIntents.cancel(id, new Params(form));
    }

    @PostMapping("/refunds")
    Map<String, Object> createRefund(@RequestParam Map<String, String> form) {
        Params params = new Params(form);
        String charge = params.string("charge");
        String paymentIntent = params.string("payment_intent");
        if (charge == null && paymentIntent == null) {
            throw StripeException.invalid("parameter_missing", "charge",
                    "One of the following params should be provided for this request: payment_intent or charge.");
        }
        return paymentIntents.refund(charge != null ? retrieveCharge(charge) : paymentIntents.chargeOf(paymentIntent),
                params.optionalAmount("amount"), params.metadata());
    }

    @GetMapping("/charges/{id}")
    Map<String, Object> retrieveCharge(@PathVariable String id) {
        return paymentIntents.charge(id);
    }

    @PostMapping("/transfers")
    Map<String, Object> createTransfer(@RequestParam Map<String, String> form) {
        return transfers.create(new Params(form));
    }

    @GetMapping("/transfers")
    Map<String, Object> listTransfers(@RequestParam(name = "transfer_group", required = false) String transferGroup,
                                      @RequestParam(required = false) String destination,
                                      @RequestParam(required = false) Integer limit) {
        return transfers.list(transferGroup, destination, limit);
    }

    @GetMapping("/transfers/{id}")
    Map<String, Object> retrieveTransfer(@PathVariable String id) {
        return transfers.retrieve(id);
    }

    @PostMapping("/transfers/{id}/reversals")
    Map<String, Object> reverseTransfer(@PathVariable String id, @RequestParam Map<String, String> form) {
        return transfers.reverse(id, new Params(form));
    }

    @PostMapping("/payouts")
    Map<String, Object> createPayout(@RequestParam Map<String, String> form) {
        return payouts.create(new Params(form));
    }

    @GetMapping("/payouts/{id}")
    Map<String, Object> retrievePayout(@PathVariable String id) {
        return payouts.retrieve(id);
    }
}
