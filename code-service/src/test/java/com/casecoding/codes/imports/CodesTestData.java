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
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate codes.code_release, codes.import_run, codes.common_language cascade");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        forgetReleases();
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
