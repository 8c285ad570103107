package com.casecoding.codes.assistant.data;

import com.casecoding.codes.release.CodeSystem;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Honest stand-ins used only when no real implementation of a port is deployed: they hold nothing, so the
 * assistant says the data is not loaded instead of guessing. Real implementations replace them (CDI default beans).
 */
@ApplicationScoped
public class NoDataPorts {

    @Produces
    @DefaultBean
    @ApplicationScoped
    CodeSearch noSearch() {
        return (words, system, limit) -> List.of();
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    Crosswalk noCrosswalk() {
        return (system, code) -> List.of();
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    CodeHistory noHistory() {
        return new CodeHistory() {
            @Override
            public List<ReleaseRef> releases(CodeSystem system) {
                return List.of();
            }

            @Override
            public List<Change> changes(CodeSystem system, String codeOrPrefix) {
                return List.of();
            }

            @Override
            public Optional<CodeRecord> inEffectOn(CodeSystem system, String code, LocalDate date) {
                return Optional.empty();
            }
        };
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    CodeCatalog noCatalog() {
        return new CodeCatalog() {
            @Override
            public Optional<CodeRecord> lookup(CodeSystem system, String code) {
                return Optional.empty();
            }

            @Override
            public List<CodeRecord> children(CodeSystem system, String code, int limit) {
                return List.of();
            }

            @Override
            public List<CodeRecord> ancestors(CodeSystem system, String code) {
                return List.of();
            }
        };
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    EditFacts noEdits() {
        return new EditFacts() {
            @Override
            public Optional<ReleaseRef> ptpRelease() {
                return Optional.empty();
            }

            @Override
            public List<Ptp> ptp(String codeA, String codeB, LocalDate date) {
                return List.of();
            }

            @Override
            public List<Mue> mue(String code) {
                return List.of();
            }

            @Override
            public Optional<ReleaseRef> mueRelease() {
                return Optional.empty();
            }

            @Override
            public List<AddOn> addOnPrimaries(String addOnCode) {
                return List.of();
            }

            @Override
            public List<String> addOnsOf(String primaryCode) {
                return List.of();
            }

            @Override
            public Optional<ReleaseRef> addOnRelease() {
                return Optional.empty();
            }

            @Override
            public Optional<Payment> payment(String code, Optional<String> localityId) {
                return Optional.empty();
            }

            @Override
            public List<Locality> localities() {
                return List.of();
            }
        };
    }
}
