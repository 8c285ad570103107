package com.casecoding.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server started from the binaries that zonky ships in Maven jars. Used by {@code ./run} when no
 * database is configured (persistent data folder) and by the test suites (throwaway folder).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "casecoding";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server. With {@code dataDir} set the cluster lives there and survives restarts; with {@code null} it lives
     * in a temporary folder removed at close. {@code port} 0 picks a free port.
     */
    public static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("fsync", dataDir == null ? "off" : "on")
                .setServerConfig("synchronous_commit", dataDir == null ? "off" : "on")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            Path work = dataDir.resolveSibling(dataDir.getFileName() + "-binaries");
            Files.createDirectories(work);
            builder.setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(work.toFile());
        }
        EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
        db.createDatabaseIfMissing();
        return db;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates another empty database on this server (tests give each suite its own). */
    public void createDatabase(String name) throws IOException {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _");
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IOException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    private void createDatabaseIfMissing() throws IOException {
        createDatabase(DATABASE);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
