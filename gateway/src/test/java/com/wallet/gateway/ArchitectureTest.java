package com.wallet.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The gateway's layering: application free of adapters and of web, GraphQL, Kafka and JDBC types. */
class ArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.wallet.gateway");

    @Test
    void applicationDependsOnNoAdapterNorInfrastructure() {
        noClasses().that().resideInAPackage("..wallet.application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..wallet.adapter..", "com.wallet.gateway.auth..",
                        "org.springframework.web..", "org.springframework.graphql..", "org.springframework.kafka..",
                        "org.springframework.jdbc..", "org.apache.kafka..", "graphql..", "jakarta.servlet..",
                        "java.sql..", "io.jsonwebtoken..")
                .check(GATEWAY);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("..adapter.in.graphql..")
                .should().dependOnClassesThat().resideInAnyPackage("..adapter.out..").check(GATEWAY);
        noClasses().that().resideInAPackage("..adapter.out.jdbc..")
                .should().dependOnClassesThat().resideInAnyPackage("..adapter.out.kafka..", "..adapter.in..")
                .check(GATEWAY);
        noClasses().that().resideInAPackage("..adapter.out.kafka..")
                .should().dependOnClassesThat().resideInAnyPackage("..adapter.out.jdbc..", "..adapter.in..")
                .check(GATEWAY);
    }

    @Test
    void authKnowsNothingOfTheAdapters() {
        noClasses().that().resideInAPackage("com.wallet.gateway.auth..")
                .should().dependOnClassesThat().resideInAnyPackage("..wallet.adapter..").check(GATEWAY);
    }

    @Test
    void adaptersArePackagePrivateExceptTheirConfiguration() {
        classes().that().resideInAPackage("..wallet.adapter..")
                .and().areTopLevelClasses()
                .and().haveSimpleNameNotEndingWith("Configuration")
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(GATEWAY);
    }
}
