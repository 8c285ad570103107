package com.casecoding.codes.imports;

import java.util.List;

/**
 * The result of one import run: every recognized file's outcome, the files no importer recognized, and the releases
 * derived from the stored ones afterwards ({@link ReleaseDeriver}: status {@code derived}, or {@code failed}).
 */
public record ImportSummary(List<ImportOutcome> files, List<String> unrecognized, long millis,
                            List<ImportOutcome> derived) {

    public ImportSummary {
        derived = derived == null ? List.of() : List.copyOf(derived);
    }

    public long stored() {
        return files.stream().filter(ImportOutcome::stored).count();
    }

    /** Files refused or failed, and derivations that failed. */
    public long failed() {
        return files.stream().filter(ImportOutcome::failed).count()
                + derived.stream().filter(ImportOutcome::failed).count();
    }

    public long rows() {
        return files.stream().filter(ImportOutcome::stored).mapToLong(ImportOutcome::rows).sum();
    }
}
