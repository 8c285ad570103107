package com.casecoding.codes.assistant.data;

import com.casecoding.common.codes.CodeSystem;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Releases of a code system and what changed between them. */
public interface CodeHistory {

    /** {@code change}: added, deleted or revised; the header flags say when a code became (or stopped being) a header. */
    record Change(CodeSystem system, String code, String change, String oldTitle, String newTitle, Boolean oldHeader,
                  Boolean newHeader, ReleaseRef release, ReleaseRef previous) {
        public String display() {
            return system.display(code);
        }
    }

    /** Loaded releases of the system, oldest first. */
    List<ReleaseRef> releases(CodeSystem system);

    /** Changes to the code and every code below it (prefix match) that a release brought, oldest release first. */
    List<Change> changes(CodeSystem system, String codeOrPrefix);

    /** The code's record in the release that was in effect on the date, if the code was in it. */
    Optional<CodeRecord> inEffectOn(CodeSystem system, String code, LocalDate date);

    /**
     * The code's status on a date as the platform's code catalog decides it (the releases' validity periods and the
     * code's official dates), in one sentence: {@code state} is valid, not-yet-valid, deleted, unknown or unverified
     * (no loaded release covers the date). Empty when the implementation cannot say.
     */
    record Validity(String state, String message, ReleaseRef release) {
    }

    default Optional<Validity> validity(CodeSystem system, String code, LocalDate date) {
        return Optional.empty();
    }

    /** For each code set whose loaded releases do not cover the date, the sentence saying so ("The newest ..."). */
    default java.util.Map<CodeSystem, String> notCovered(LocalDate date) {
        return java.util.Map.of();
    }
}
