package com.casecoding.codes.imports;

import java.time.LocalDate;

/**
 * What happened to one file of an import run.
 *
 * @param status   {@code imported}, {@code unchanged} (same dataset and checksum already imported), {@code replaced}
 *                 (imported, and an earlier file of the same dataset and version was removed), {@code refused}
 *                 (malformed: nothing kept) or {@code failed} (an unexpected error: nothing kept)
 * @param line     for {@code refused}: the 1-based line at fault (0 = the file as a whole)
 * @param reason   for {@code refused}/{@code failed}: why
 */
public record ImportOutcome(String file, String dataset, String version, LocalDate effectiveDate, String status,
                            long rows, long millis, Long releaseId, Long line, String reason) {

    public boolean stored() {
        return "imported".equals(status) || "replaced".equals(status);
    }

    public boolean failed() {
        return "refused".equals(status) || "failed".equals(status);
    }
}
