package com.wallet.processor.wallet.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The deposit and withdrawal reconcilers (contract 6.4: a deposit answered PENDING always reaches a final status).
 *
 * @param enabled               run the scheduled reconciler in this instance (one instance reconciles at a time)
 * @param reconcileInterval     pause between two rounds
 * @param reconcileAfter        a PROCESSING deposit is looked at once it has not changed for this long
 * @param batchSize             deposits per round, least recently updated first
 * @param requiresActionTimeout a PaymentIntent still requires_action (3-D Secure) this long after the
 *                              transaction was created is canceled and the deposit FAILED PAYMENT_FAILED
 * @param ambiguousGiveUpAfter  a deposit whose PaymentIntent could still not be created with certainty
 *                              (no answer, 5xx, 409, 429) this long after the transaction was created ends
 *                              FAILED PAYMENT_FAILED
 * @param missingObjectTimeout  a deposit whose recorded PaymentIntent Stripe says does not exist (404) this
 *                              long after the transaction was created ends FAILED PAYMENT_FAILED; a
 *                              withdrawal whose recorded Transfer does not exist, nor any for its
 *                              transfer_group, gets its funds back (FAILED PAYOUT_FAILED). Either way an
 *                              operator record is written (stripe_disagreements, field existence)
 * @param lockKey               the pg advisory lock key that elects the one deposit-reconciling instance
 * @param withdrawalLockKey     the pg advisory lock key that elects the one withdrawal-reconciling instance
 *                              (reconcile-interval, reconcile-after and batch-size apply to both)
 */
@Validated
@ConfigurationProperties("wallet.reconciler")
public record ReconcilerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("15s") @NotNull Duration reconcileInterval,
        @DefaultValue("30s") @NotNull Duration reconcileAfter,
        @DefaultValue("50") @Min(1) @Max(1_000) int batchSize,
        @DefaultValue("10m") @NotNull Duration requiresActionTimeout,
        @DefaultValue("10m") @NotNull Duration ambiguousGiveUpAfter,
        @DefaultValue("10m") @NotNull Duration missingObjectTimeout,
        @DefaultValue("7262632") long lockKey,
        @DefaultValue("7262633") long withdrawalLockKey) {
}
