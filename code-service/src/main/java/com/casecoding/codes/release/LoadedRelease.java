package com.casecoding.codes.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One loaded release with its validity period.
 *
 * @param completeFor null when the release lists its whole code set; empty for a partial list; else the kinds of
 *                    code it lists in full (see {@code catalog.CodeKinds})
 * @param derived     built by the platform from other releases (CPT numbers named by the CMS files)
 */
public record LoadedRelease(long id, String dataset, String version, LocalDate effectiveDate, ReleasePeriod period,
                            String completeFor, boolean derived, String sourceFile, String sourceSha256,
                            long rowCount, Instant importedAt, String note) {

    /** Lists its whole code set: a code missing from it is not in force while it applies. */
    public boolean complete() {
        return completeFor == null;
    }

    /** Whether a code of {@code kind} missing from this release is known not to be in force while it applies. */
    public boolean listsAll(String kind) {
        return completeFor == null
                || !completeFor.isEmpty() && Arrays.asList(completeFor.split(",")).contains(kind);
    }

    /** {@code ICD-10-CM FY2025}. */
    public String label() {
        return ReleaseCalendar.label(dataset) + " " + version;
    }
}
