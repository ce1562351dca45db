package com.wallet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TreasuryTest {

    private static Map<UUID, Long> targets(int count, long each) {
        Map<UUID, Long> targets = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            targets.put(UUID.randomUUID(), each);
        }
        return targets;
    }

    @Test
    void fundsEveryTargetExactlyOnceForItsAmount() {
        Map<UUID, Long> targets = targets(10_000, 10_000);
        targets.put(UUID.randomUUID(), 110_000L);

        List<Treasury.Bin> plan = Treasury.plan(targets, 24, 100_000_000L);

        assertThat(plan).hasSize(24);
        Map<UUID, Long> funded = new LinkedHashMap<>();
        plan.forEach(bin -> bin.targets().forEach(t -> assertThat(funded.put(t.getKey(), t.getValue())).isNull()));
        assertThat(funded).isEqualTo(targets);
        assertThat(plan).allSatisfy(bin ->
                assertThat(bin.total()).isEqualTo(bin.targets().stream().mapToLong(Map.Entry::getValue).sum()));
    }

    @Test
    void takesMoreTreasuriesWhenOneDepositCannotCoverItsShare() {
        Map<UUID, Long> targets = targets(10, 60);

        List<Treasury.Bin> plan = Treasury.plan(targets, 2, 100);

        assertThat(plan).hasSize(10);
        assertThat(plan).allSatisfy(bin -> assertThat(bin.total()).isLessThanOrEqualTo(100));
    }

    @Test
    void neverPlansMoreTreasuriesThanTargetsWhenFewAreNeeded() {
        assertThat(Treasury.plan(targets(3, 5), 24, 1_000)).hasSize(3);
    }

    @Test
    void refusesATargetAboveTheLargestDeposit() {
        assertThatThrownBy(() -> Treasury.plan(targets(1, 101), 1, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-deposit");
    }
}
