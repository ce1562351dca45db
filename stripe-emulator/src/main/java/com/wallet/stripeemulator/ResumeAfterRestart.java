package com.wallet.stripeemulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The delayed work a restart dropped, taken up again from the restored state: bank debits still
 * {@code processing} and payouts still {@code pending} settle (overdue ones now), and events not
 * yet delivered are sent again (Stripe keeps retrying them too). Nothing to do on an empty state.
 */
@Component
class ResumeAfterRestart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ResumeAfterRestart.class);

    private final PaymentIntents paymentIntents;
    private final Payouts payouts;
    private final Webhooks webhooks;

    ResumeAfterRestart(PaymentIntents paymentIntents, Payouts payouts, Webhooks webhooks) {
        this.paymentIntents = paymentIntents;
        this.payouts = payouts;
        this.webhooks = webhooks;
    }

    @Override
    public void run(ApplicationArguments args) {
        int settlements = paymentIntents.resumeSettlements();
        int payments = payouts.resumePayments();
        int events = webhooks.resendPending();
        if (settlements + payments + events > 0) {
            log.info("resumed after restart: {} bank debits to settle, {} payouts to pay, {} events to send",
                    settlements, payments, events);
        }
    }
}
