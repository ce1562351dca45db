package com.wallet.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void sameSeedGivesTheSameSchedule() {
        assertThat(Schedule.plan(42, 600_000, 2)).isEqualTo(Schedule.plan(42, 600_000, 2));
        assertThat(Schedule.plan(42, 600_000, 2)).isNotEqualTo(Schedule.plan(43, 600_000, 2));
    }

    @Test
    void sameSeedGivesTheSameOperationsWhateverTheOrderTheyAreTaken() {
        OperationStream inOrder = new OperationStream(7, 16);
        OperationStream backwards = new OperationStream(7, 16);
        backwards.get(99);
        assertThat(IntStream.range(0, 100).mapToObj(inOrder::get))
                .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(backwards::get).toList());
    }

    @Test
    void aLongRunInjectsEveryKindOfFault() {
        Schedule schedule = Schedule.plan(1, 600_000, 2);
        assertThat(schedule.faults().stream().map(p -> p.fault().getClass().getSimpleName()).distinct())
                .containsExactlyInAnyOrder("KillProcessor", "RebalanceProcessor", "RestartRedis", "RestartKafka",
                        "RestartPostgres", "PauseLockHolder", "StripeApiFault", "WebhookFault");
        assertThat(schedule.faults()).isSortedAccordingTo(java.util.Comparator.comparingLong(Schedule.Planned::atMillis));
    }

    @Test
    void everyOperationKindAndPaymentMethodComesUp() {
        OperationStream stream = new OperationStream(3, 16);
        var kinds = IntStream.range(0, 500).mapToObj(stream::get).map(Operation::kind).distinct().toList();
        assertThat(kinds).contains("transfer", "withdrawal");
        OperationStream.PAYMENT_METHODS.forEach(m -> assertThat(kinds).contains("deposit/" + m));
        assertThat(IntStream.range(0, 500).mapToObj(stream::get).filter(Operation::duplicate)).isNotEmpty();
    }
}
