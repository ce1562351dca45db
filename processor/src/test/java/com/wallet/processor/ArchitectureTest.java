package com.wallet.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.wallet.common.messaging.TransactionEvent;
import com.wallet.processor.outbox.RelayLeadership;
import com.wallet.processor.wallet.application.TransactionEventFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;

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
     * An adapter is reached through the port it implements, wired by its package's configuration:
     * only the configuration and its properties are public.
     */
    @Test
    void adaptersArePackagePrivate() {
        classes().that().resideInAnyPackage("..wallet.adapter..", "..processor.outbox..").and().arePublic()
                .and().doNotHaveFullyQualifiedName(RelayLeadership.class.getName()) // the reconciler's leadership too
                .should().beAnnotatedWith(Configuration.class).orShould().beAnnotatedWith(ConfigurationProperties.class)
                .check(CLASSES);
    }

    /** Analytics publishes its aggregates' records (read by analytics consumers); the rest stays inside. */
    @Test
    void analyticsExposesOnlyItsConfigurationAndRecords() {
        classes().that().resideInAPackage("..processor.analytics..").and().arePublic()
                .should().beAnnotatedWith(Configuration.class).orShould().beRecords().orShould().beEnums()
                .check(CLASSES);
    }

    /** Analytics reads only the topics, and the outbox relay only moves rows: neither knows the money path. */
    @Test
    void outboxAndAnalyticsStayOffTheMoneyPath() {
        noClasses().that().resideInAnyPackage("..processor.outbox..", "..processor.analytics..")
                .should().dependOnClassesThat().resideInAPackage("..processor.wallet..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..processor.wallet..")
                .should().dependOnClassesThat().resideInAPackage("..processor.analytics..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("..wallet.domain..", "..wallet.application..")
                .should().dependOnClassesThat().resideInAPackage("..processor.outbox..")
                .check(CLASSES);
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
