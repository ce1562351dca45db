package com.wallet.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.processor.wallet.adapter.in.kafka.KafkaConfiguration;
import com.wallet.processor.wallet.adapter.out.redis.RedisLockProperties;
import com.wallet.processor.wallet.application.TransactionEventFactory;
import com.wallet.processor.wallet.application.transfer.CommandBatchException;
import com.wallet.processor.wallet.application.transfer.CommandRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.wallet.processor");

    @Test
    void domainDependsOnNoFramework() {
        noClasses().that().resideInAPackage("..wallet.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..",
                        "org.redisson..", "com.stripe..", "io.micrometer..", "tools.jackson..")
                .check(CLASSES);
    }

    @Test
    void domainAndApplicationDoNotDependOnAdapters() {
        noClasses().that().resideInAnyPackage("..wallet.domain..", "..wallet.application..")
                .should().dependOnClassesThat().resideInAPackage("..wallet.adapter..")
                .check(CLASSES);
    }

    @Test
    void applicationDoesNotUseKafkaRedissonStripeOrJdbcDirectly() {
        noClasses().that().resideInAPackage("..wallet.application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.kafka..", "org.redisson..", "com.stripe..", "java.sql..",
                        "org.springframework.jdbc..", "org.springframework.kafka..")
                .check(CLASSES);
    }

    /**
     * An adapter is reached through the port it implements, wired by its package's configuration,
     * and the outbox and analytics are reached only through the beans their configurations make:
     * every class there is package-private, configurations and properties too (Spring scans and
     * binds them without that). The public ones, and why each must be:
     * <ul>
     *   <li>{@code KafkaConfiguration}: its consumer group and dead-letter header names are read by
     *       the integration tests (and are what an operator looks for);</li>
     *   <li>{@code RedisLockProperties}: the test hooks' lock pause reads the lock settings from
     *       their own package;</li>
     *   <li>analytics' records and enums: the aggregates it publishes, read by their consumers.</li>
     * </ul>
     */
    @Test
    void adaptersOutboxAndAnalyticsArePackagePrivate() {
        classes().that().resideInAnyPackage("..wallet.adapter..", "..processor.outbox..").and().arePublic()
                .should().haveFullyQualifiedName(KafkaConfiguration.class.getName())
                .orShould().haveFullyQualifiedName(RedisLockProperties.class.getName())
                .check(CLASSES);
        classes().that().resideInAPackage("..processor.analytics..").and().arePublic()
                .should().beRecords().orShould().beEnums()
                .check(CLASSES);
    }

    /** Analytics reads only the topics, and the outbox relay only moves rows: neither knows the money path. */
    @Test
    void outboxAndAnalyticsStayOffTheMoneyPath() {
        noClasses().that().resideInAnyPackage("..processor.outbox..", "..processor.analytics..")
                .should().dependOnClassesThat().resideInAPackage("..processor.wallet..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..processor.wallet..")
                .should().dependOnClassesThat().resideInAnyPackage("..processor.analytics..", "..processor.outbox..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..processor.outbox..")
                .should().dependOnClassesThat().resideInAPackage("..processor.analytics..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..processor.analytics..")
                .should().dependOnClassesThat().resideInAPackage("..processor.outbox..")
                .check(CLASSES);
    }

    /** The outbox is rows to a topic (JDBC, Kafka producer); analytics is a Kafka Streams topology: no lock, no Stripe, no database. */
    @Test
    void outboxAndAnalyticsUseOnlyTheirOwnTechnology() {
        noClasses().that().resideInAPackage("..processor.outbox..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.redisson..", "com.stripe..", "org.apache.kafka.streams..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..processor.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.redisson..", "com.stripe..", "java.sql..", "javax.sql..", "org.springframework.jdbc..")
                .check(CLASSES);
    }

    /**
     * A feature shows its use cases and, for deposits and withdrawals, the one entry the Stripe
     * events use; what those share (payments, outcomes, settlement, charge-backs, payouts) and the
     * configuration wiring them stay package-private. The command batch also hands the listener its
     * record and failure types.
     */
    @Test
    void featuresExposeOnlyTheirUseCases() {
        classes().that().resideInAnyPackage("..wallet.application.deposit..", "..wallet.application.withdrawal..",
                        "..wallet.application.stripe..", "..wallet.application.transfer..")
                .and().arePublic().and().areTopLevelClasses()
                .should().haveSimpleNameEndingWith("Service")
                .orShould().haveSimpleNameEndingWith("StripeEvents")
                .orShould().haveFullyQualifiedName(CommandRecord.class.getName())
                .orShould().haveFullyQualifiedName(CommandBatchException.class.getName())
                .check(CLASSES);
    }

    /**
     * A service reads lock -> decide -> apply with a handful of collaborators (STYLE.md, "one seam
     * for a transaction's life"): at most four, its own settings (a Duration, a String) aside. More
     * means a feature-level collaborator is missing.
     */
    @Test
    void servicesHaveAtMostFourCollaborators() {
        classes().that().resideInAPackage("..wallet.application..").and().haveSimpleNameEndingWith("Service")
                .should(haveAtMostCollaborators(4))
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> haveAtMostCollaborators(int most) {
        return new ArchCondition<>("have at most " + most + " collaborators") {
            @Override
            public void check(JavaClass service, ConditionEvents events) {
                List<String> collaborators = service.getFields().stream()
                        .filter(f -> !f.getModifiers().contains(JavaModifier.STATIC))
                        .filter(f -> !f.getRawType().isPrimitive()
                                && !f.getRawType().isEquivalentTo(String.class)
                                && !f.getRawType().isEquivalentTo(Duration.class))
                        .map(f -> f.getName())
                        .toList();
                if (collaborators.size() > most) {
                    events.add(SimpleConditionEvent.violated(service, service.getName() + " has "
                            + collaborators.size() + " collaborators " + collaborators + ", at most " + most));
                }
            }
        };
    }

    /**
     * One seam for a transaction's life: services decide transitions, and the port that applies them
     * derives each outbox event in one place; no service builds an event itself.
     */
    @Test
    void onlyTheEventFactoryBuildsTransactionEvents() {
        noClasses().that().resideInAPackage("..wallet.application..")
                .and().doNotHaveFullyQualifiedName(TransactionEventFactory.class.getName())
                .should().dependOnClassesThat().haveFullyQualifiedName(TransactionEvent.class.getName())
                .check(CLASSES);
    }

    /**
     * The application is split by feature around shared ports: the ports know no feature, deposits,
     * withdrawals and transfers know none of each other, and only the Stripe events reach into the
     * deposit and withdrawal outcomes they settle.
     */
    @Test
    void featuresDependOnlyOnThePortsAndNotOnEachOther() {
        String deposit = "..wallet.application.deposit..";
        String withdrawal = "..wallet.application.withdrawal..";
        String transfer = "..wallet.application.transfer..";
        String stripe = "..wallet.application.stripe..";
        noClasses().that().resideInAPackage("..wallet.application.port..")
                .should().dependOnClassesThat().resideInAnyPackage(deposit, withdrawal, transfer, stripe)
                .check(CLASSES);
        noClasses().that().resideInAPackage(deposit)
                .should().dependOnClassesThat().resideInAnyPackage(withdrawal, transfer, stripe).check(CLASSES);
        noClasses().that().resideInAPackage(withdrawal)
                .should().dependOnClassesThat().resideInAnyPackage(deposit, transfer, stripe).check(CLASSES);
        noClasses().that().resideInAPackage(transfer)
                .should().dependOnClassesThat().resideInAnyPackage(deposit, withdrawal, stripe).check(CLASSES);
    }
}
