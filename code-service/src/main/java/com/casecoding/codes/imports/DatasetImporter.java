package com.casecoding.codes.imports;

import com.casecoding.codes.release.ImportCompleted;
import com.casecoding.codes.release.ReleaseCalendar;
import com.casecoding.codes.release.ReleasePeriod;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One importer per official file format. Implementations are CDI beans ({@code @ApplicationScoped}); the
 * {@link ImportRunner} discovers every bean of this type, so a new format plugs in by adding one class.
 *
 * <h2>Contract</h2>
 * <ol>
 *   <li>{@link #recognize(Path)} looks at a file (its name, its folder, at most its first line) and, if the file is in
 *       this importer's format, says which dataset, version and effective date it holds, and which sibling files belong
 *       to the same release ({@link SourceFile#companions()}). It must be cheap and must not throw for foreign files.</li>
 *   <li>{@link #importFile(SourceFile, ImportContext)} reads the file in one pass and writes its rows with
 *       {@link ImportContext#copy} (PostgreSQL COPY) or JDBC batches on {@link ImportContext#connection()}. The runner has
 *       already opened ONE transaction and inserted the {@code code_release} row ({@link ImportContext#releaseId()});
 *       every row written must carry that release id (foreign key to {@code code_release(id) on delete cascade}).
 *       Do not commit, roll back or close the connection.</li>
 *   <li>On a line that does not fit the format, throw {@link ImportContext#malformed(long, String)}: the runner rolls
 *       the whole file back, keeps nothing of it and reports file, line and reason.</li>
 *   <li>Call {@link ImportContext#progress(long)} as rows go by (cheap; the runner logs rows, percent and rows/s).</li>
 * </ol>
 * The runner computes the SHA-256 of the file and its companions, skips a file whose dataset already has a release
 * with the same checksum, replaces a release of the same dataset and version that had another checksum, and fires
 * {@link ImportCompleted} after the commit.
 */
public interface DatasetImporter {

    /** The file's dataset, version and effective date if this importer reads it; empty for any other file. */
    Optional<SourceFile> recognize(Path file);

    /**
     * Reads the whole file and writes its rows inside the run's transaction.
     *
     * @return the number of data rows stored (recorded as the release's row count)
     */
    long importFile(SourceFile source, ImportContext context) throws Exception;

    /**
     * Order among files found in one run: lower first. Within the same order, older effective dates go first.
     * Code sets use 100, files that only annotate them (addenda, mappings) 200, edit tables may use 300.
     */
    default int order() {
        return 100;
    }

    /**
     * The days the release applies ({@code code_release.valid_from/valid_to}): by default the publisher's calendar
     * for the dataset ({@link ReleaseCalendar}: ICD-10 fiscal years, HCPCS and NCCI quarters, MPFS and CPT calendar
     * years); open-ended from the effective date for datasets it does not know. Override when the file or its
     * publisher says otherwise (a DRG version for its fiscal year, a payment year).
     */
    default ReleasePeriod period(SourceFile source) {
        return ReleaseCalendar.periodOf(source.dataset(), source.effectiveDate());
    }
}
