package com.casecoding.codes.imports;

import com.casecoding.codes.release.ImportCompleted;
import java.sql.Connection;
import java.util.List;
import java.util.Set;

/**
 * Builds releases from other loaded releases rather than from one file: for example the CPT code numbers that the
 * CMS fee schedule and NCCI files name, when no AMA licensee file is loaded. A CDI bean; the {@link ImportRunner}
 * calls every one after the files of a run that stored something, each in its own transaction under the run's lock,
 * and adds what they stored to the run's {@link ImportCompleted} event and to the import log.
 */
public interface ReleaseDeriver {

    /** What a deriver stored: the release row it wrote and how many code rows it holds. */
    record Derived(long releaseId, String dataset, String version, java.time.LocalDate effectiveDate, long rows,
                   String sources) {
    }

    /** True when a run that stored releases of these datasets can change what this deriver builds. */
    boolean dependsOn(Set<String> storedDatasets);

    /**
     * Rebuilds the derived releases on the run's connection (a transaction is open; do not commit, roll back or
     * close it). Returns the releases written or replaced; an unchanged derived release is not returned.
     */
    List<Derived> derive(Connection connection) throws Exception;
}
