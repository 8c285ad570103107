package com.casecoding.codes.assistant.data;

import java.time.LocalDate;

/** The loaded release a fact comes from: dataset (code system or edit table), version and effective date. */
public record ReleaseRef(String dataset, String version, LocalDate effectiveDate) {

    public String label() {
        return version + " (effective " + effectiveDate + ")";
    }
}
