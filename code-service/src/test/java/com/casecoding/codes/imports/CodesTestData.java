package com.casecoding.codes.imports;

import org.junit.jupiter.api.Assumptions;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Test helpers: wipe the imported data (tests share one database per JVM) and find the real release files. */
public final class CodesTestData {

    private CodesTestData() {
    }

    /** Removes every release (and through the cascades every row that came with one), import log and edited text. */
    public static void reset(DataSource dataSource) {
        awaitSearchIndexer();
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                // a truncate waits for every reader of the tables; never longer than the driver's socket timeout
                s.execute("set lock_timeout = '20s'");
                s.execute("truncate codes.code_release, codes.import_run, codes.common_language, codes.common_language_submission cascade");
                s.execute("reset lock_timeout");
                break;
            } catch (SQLException e) {
                if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || attempt == 2) {
                    throw new IllegalStateException(e);
                }
                // a session left behind by an earlier test (or an earlier application of this JVM) holds the
                // tables: say which, end it, try once more
                endSessionsHoldingCodeTables(dataSource);
            }
        }
        forgetReleases();
    }

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private static void awaitSearchIndexer() {
        try {
            io.quarkus.arc.Arc.container().instance(com.casecoding.codes.search.SearchEngine.class).get()
                    .awaitIdle(java.time.Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void endSessionsHoldingCodeTables(DataSource dataSource) {
        String holders = """
                select a.pid, a.state, a.xact_start, a.application_name, left(a.query, 300)
                from pg_stat_activity a
                where a.pid <> pg_backend_pid() and exists (
                    select 1 from pg_locks l join pg_class r on r.oid = l.relation
                    join pg_namespace n on n.oid = r.relnamespace
                    where l.pid = a.pid and l.granted and n.nspname = 'codes')""";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            java.util.List<Integer> pids = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery(holders)) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                    System.err.printf("WARNING: CodesTestData.reset: session %d (%s since %s, %s) holds codes "
                            + "tables: %s%n", rs.getInt(1), rs.getString(2), rs.getObject(3), rs.getString(4),
                            rs.getString(5));
                }
            }
            for (int pid : pids) {
                s.execute("select pg_terminate_backend(" + pid + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the sessions holding the codes tables", e);
        }
    }

    /** The code catalog and the release list keep what they read until an import: drop it after a direct write. */
    public static void forgetReleases() {
        io.quarkus.arc.Arc.container().instance(com.casecoding.codes.catalog.CodeCatalog.class).get().invalidate();
    }

    public static long count(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * {@code ../shared/data} next to the repository (system property {@code casecoding.repo.root}, else env
     * {@code CASECODING_SHARED_DATA}); skips the calling test when it is absent.
     */
    public static Path sharedDataOrSkip() {
        String env = System.getenv("CASECODING_SHARED_DATA");
        String root = System.getProperty("casecoding.repo.root");
        Path dir = null;
        if (root != null && Files.isDirectory(Path.of(root).resolve("../shared/data"))) {
            dir = Path.of(root).resolve("../shared/data").normalize();
        } else if (env != null && Files.isDirectory(Path.of(env))) {
            dir = Path.of(env);
        }
        String message = "the real CMS/CDC files (../shared/data or CASECODING_SHARED_DATA) are not present";
        if (dir == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail(message + ": under CI=true the real-data tests must run");
        }
        Assumptions.assumeTrue(dir != null, message + ": real-data test skipped");
        return dir;
    }
}
