package com.casecoding.codes.release;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * CDI event fired (synchronously, after the commit) at the end of every import run that stored at least one release.
 * Observe it to rebuild derived state, e.g. a search index: {@code void onImport(@Observes ImportCompleted e)}.
 * The observer runs on the import thread; do long work asynchronously if the caller should not wait for it.
 */
public record ImportCompleted(List<ImportedRelease> releases) {

    /** One release stored by the run. */
    public record ImportedRelease(long releaseId, String dataset, String version, LocalDate effectiveDate, long rows) {
    }

    public Set<String> datasets() {
        return releases.stream().map(ImportedRelease::dataset).collect(java.util.stream.Collectors.toSet());
    }
}
