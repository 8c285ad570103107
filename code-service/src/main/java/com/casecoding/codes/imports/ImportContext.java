package com.casecoding.codes.imports;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What an importer gets for one file: the run's JDBC connection (one transaction, already open), the id of the
 * {@code code_release} row created for the file, helpers to read lines and COPY rows, and progress reporting.
 */
public final class ImportContext {

    private static final Logger LOG = Logger.getLogger(ImportContext.class);
    private static final long LOG_EVERY_NANOS = 1_000_000_000L;

    private final Connection connection;
    private final long releaseId;
    private final SourceFile source;
    private final long startNanos = System.nanoTime();
    private long lastLogNanos = startNanos;
    private long rows;
    private SourceLines primaryLines;

    ImportContext(Connection connection, long releaseId, SourceFile source) {
        this.connection = connection;
        this.releaseId = releaseId;
        this.source = source;
    }

    /** The transaction's connection. Never commit, roll back or close it. */
    public Connection connection() {
        return connection;
    }

    /** The {@code code_release.id} every stored row must reference. */
    public long releaseId() {
        return releaseId;
    }

    public SourceFile source() {
        return source;
    }

    /** Opens the primary file; its bytes read drive the percentage in the progress log. */
    public SourceLines openPrimary() throws IOException {
        primaryLines = SourceLines.open(source.file());
        return primaryLines;
    }

    /** Opens any file (a companion): not counted in the percentage. */
    public SourceLines open(Path file) throws IOException {
        return SourceLines.open(file);
    }

    /** Starts a COPY into {@code table (columns...)}; close it when done. */
    public CopyWriter copy(String table, String... columns) throws SQLException {
        return new CopyWriter(connection, table, columns);
    }

    /** An exception refusing the primary file at {@code line} (1-based; 0 = the file as a whole). */
    public MalformedFileException malformed(long line, String reason) {
        return new MalformedFileException(source.file(), line, reason);
    }

    /** Reports that {@code rowsSoFar} data rows have been read; logs rows, percent and rows/s every second. */
    public void progress(long rowsSoFar) {
        rows = rowsSoFar;
        if ((rowsSoFar & 1023) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastLogNanos >= LOG_EVERY_NANOS) {
            lastLogNanos = now;
            LOG.infof("import %s: %,d rows, %s, %,.0f rows/s", source.describe(), rowsSoFar, percent(),
                    rowsPerSecond(now));
        }
    }

    long rowsReported() {
        return rows;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private String percent() {
        return primaryLines == null ? "?%" : String.format("%.0f%%", primaryLines.fractionRead() * 100);
    }

    private double rowsPerSecond(long now) {
        double seconds = (now - startNanos) / 1e9;
        return seconds <= 0 ? 0 : rows / seconds;
    }
}
