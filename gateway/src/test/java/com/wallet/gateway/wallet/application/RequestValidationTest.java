package com.wallet.gateway.wallet.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wallet.common.idempotency.RequestFingerprint;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestValidationTest {

    private static final String WALLET = UUID.randomUUID().toString();

    private static void assertRejected(Runnable action, RejectionCode code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(RequestRejected.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void amountMustBePositiveAndAtMostTheMaximum() {
        assertRejected(() -> Inputs.amount(0L, 100), RejectionCode.INVALID_AMOUNT);
        assertRejected(() -> Inputs.amount(-1L, 100), RejectionCode.INVALID_AMOUNT);
        assertRejected(() -> Inputs.amount(101L, 100), RejectionCode.INVALID_AMOUNT);
        assertRejected(() -> Inputs.amount(null, 100), RejectionCode.INVALID_AMOUNT);
        assertThat(Inputs.amount(1L, 100)).isEqualTo(1);
        assertThat(Inputs.amount(100L, 100)).isEqualTo(100);
    }

    @Test
    void idsMustBeCanonicalUuids() {
        assertRejected(() -> DepositRequest.of("42", 1L, null, null, null), RejectionCode.INVALID_ARGUMENT);
        assertRejected(() -> DepositRequest.of("1-1-1-1-1", 1L, null, null, null), RejectionCode.INVALID_ARGUMENT);
        assertRejected(() -> DepositRequest.of(null, 1L, null, null, null), RejectionCode.INVALID_ARGUMENT);
        assertRejected(() -> TransferRequest.of(WALLET, "x", 1L, null, null), RejectionCode.INVALID_ARGUMENT);
        assertThat(DepositRequest.of(WALLET.toUpperCase(), 1L, null, null, null).walletId())
                .isEqualTo(UUID.fromString(WALLET));
    }

    @Test
    void depositDefaultsThePaymentMethodAndChecksItsFormat() {
        assertThat(DepositRequest.of(WALLET, 1L, null, null, null).paymentMethodId()).isEqualTo("pm_card_visa");
        assertThat(DepositRequest.of(WALLET, 1L, "pm_card_chargeDeclined", null, null).paymentMethodId())
                .isEqualTo("pm_card_chargeDeclined");
        assertRejected(() -> DepositRequest.of(WALLET, 1L, "card 4242", null, null), RejectionCode.INVALID_ARGUMENT);
    }

    @Test
    void overLongStringsAreRejectedAndBlankOnesDropped() {
        assertRejected(() -> WithdrawRequest.of(WALLET, 1L, "d".repeat(501), null), RejectionCode.INVALID_ARGUMENT);
        assertRejected(() -> WithdrawRequest.of(WALLET, 1L, null, "k".repeat(256)), RejectionCode.INVALID_ARGUMENT);
        WithdrawRequest blank = WithdrawRequest.of(WALLET, 1L, "  ", "");
        assertThat(blank.description()).isNull();
        assertThat(blank.idempotencyKey()).isNull();
        assertThat(WithdrawRequest.of(WALLET, 1L, "d".repeat(500), "k".repeat(255)).description()).hasSize(500);
    }

    @Test
    void walletCurrencyDefaultsToUsdAndMustBeIso4217() {
        assertThat(CreateWalletRequest.of(null, null, null, null).currency().value()).isEqualTo("USD");
        assertThat(CreateWalletRequest.of("eur", null, null, null).currency().value()).isEqualTo("EUR");
        assertRejected(() -> CreateWalletRequest.of("XYZ", null, null, null), RejectionCode.INVALID_ARGUMENT);
        assertRejected(() -> CreateWalletRequest.of("EURO", null, null, null), RejectionCode.INVALID_ARGUMENT);
    }

    @Test
    void walletLabelStripeAccountAndBankDetailsAreChecked() {
        assertRejected(() -> CreateWalletRequest.of("USD", "l".repeat(101), null, null),
                RejectionCode.INVALID_ARGUMENT);
        assertRejected(() -> CreateWalletRequest.of("USD", null, null, "acc_1"), RejectionCode.INVALID_ARGUMENT);
        assertRejected(() -> CreateWalletRequest.of("USD", null, null, "acct_"), RejectionCode.INVALID_ARGUMENT);
        assertThat(CreateWalletRequest.of("USD", null, null, "acct_1Nv0FGQ9RKHgCVdK").stripeAccountId())
                .isEqualTo("acct_1Nv0FGQ9RKHgCVdK");
        assertRejected(() -> CreateWalletRequest.BankDetails.of(null, "", "123", null), RejectionCode.INVALID_ARGUMENT);
        assertRejected(() -> CreateWalletRequest.BankDetails.of(null, "Alice", null, null),
                RejectionCode.INVALID_ARGUMENT);
        assertThat(CreateWalletRequest.BankDetails.of(null, "Alice", "123", null).toString())
                .doesNotContain("Alice").doesNotContain("123");
    }

    @Test
    void fingerprintsDifferForAnyChangedField() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String base = RequestFingerprint.of(com.wallet.common.messaging.TransactionType.TRANSFER, a, b, 10, "USD",
                "memo", null);
        assertThat(base).hasSize(64).isEqualTo(RequestFingerprint.of(
                com.wallet.common.messaging.TransactionType.TRANSFER, a, b, 10, "USD", "memo", null));
        assertThat(RequestFingerprint.of(com.wallet.common.messaging.TransactionType.TRANSFER, a, b, 11, "USD",
                "memo", null)).isNotEqualTo(base);
        assertThat(RequestFingerprint.of(com.wallet.common.messaging.TransactionType.TRANSFER, a, b, 10, "USD",
                null, null)).isNotEqualTo(base);
        assertThat(RequestFingerprint.of(com.wallet.common.messaging.TransactionType.TRANSFER, a, b, 10, "USD",
                "", null)).isNotEqualTo(RequestFingerprint.of(com.wallet.common.messaging.TransactionType.TRANSFER,
                a, b, 10, "USD", null, null));
    }
}
