package com.casecoding.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package graph of the gateway has no cycle: {@code web} (client addresses, CORS) and {@code keys} serve
 * everyone; {@code auth} (tokens, revocations) knows nothing of how {@code accounts} are stored; {@code proxy}
 * (routing, rate limits, the filters in front of the routes) uses {@code auth} and {@code quota}.
 */
class PackageRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.casecoding.gateway");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("com.casecoding.gateway.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
