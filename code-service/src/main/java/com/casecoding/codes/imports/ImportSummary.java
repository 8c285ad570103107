package com.casecoding.codes.imports;

import java.util.List;

/** The result of one import run: every recognized file's outcome and the files no importer recognized. */
public record ImportSummary(List<ImportOutcome> files, List<String> unrecognized, long millis) {

    public long stored() {
        return files.stream().filter(ImportOutcome::stored).count();
    }

    public long failed() {
        return files.stream().filter(ImportOutcome::failed).count();
    }

    public long rows() {
        return files.stream().filter(ImportOutcome::stored).mapToLong(ImportOutcome::rows).sum();
    }
}
