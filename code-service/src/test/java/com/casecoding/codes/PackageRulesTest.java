package com.casecoding.codes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package graph of code-service: features (imports, page, edits, search, claims, assistant, consult, user, ...)
 * never depend on each other in a circle, and nothing calls into a REST resource (resources call services, services
 * call data). A feature that needs to tell another one something fires a CDI event (search fires SearchPerformed,
 * search history observes it).
 */
class PackageRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.casecoding.codes");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.casecoding.codes.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void onlyTheHttpLayerUsesResources() {
        noClasses().that().haveSimpleNameNotEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Resource")
                .check(CLASSES);
    }
}
