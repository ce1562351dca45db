package com.wallet.webhook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Hexagonal layering of webhook-ingest: the application knows no adapter and no transport. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.wallet.webhook");

    @Test
    void applicationDependsOnNoAdapterOrTransport() {
        noClasses().that().resideInAPackage("..stripe.application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..adapter..", "org.springframework.web..", "org.springframework.kafka..",
                        "org.apache.kafka..", "org.redisson..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        slices().matching("com.wallet.webhook.stripe.adapter.(*).(*)..").should().notDependOnEachOther()
                .check(CLASSES);
    }

    @Test
    void adaptersArePackagePrivate() {
        classes().that().resideInAPackage("..stripe.adapter..").should().notBePublic().check(CLASSES);
    }
}
