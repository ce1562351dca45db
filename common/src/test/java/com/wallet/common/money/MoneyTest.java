package com.wallet.common.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addsAndSubtractsExactly() {
        Money a = Money.of(1_000, "usd");
        assertThat(a.plus(Money.of(250, "USD"))).isEqualTo(Money.of(1_250, "USD"));
        assertThat(a.minus(Money.of(1_001, "USD")).isNegative()).isTrue();
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of(1, "USD").plus(Money.of(1, "EUR")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency mismatch");
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "USD").plus(Money.of(1, "USD")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void currencyCodesAreValidatedAndUpperCased() {
        assertThat(CurrencyCode.of(" eur ").value()).isEqualTo("EUR");
        assertThat(CurrencyCode.of("USD").lowerCase()).isEqualTo("usd");
        assertThatThrownBy(() -> CurrencyCode.of("XYZW")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CurrencyCode.of("QQQ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CurrencyCode.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
