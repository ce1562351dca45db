package com.wallet.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
