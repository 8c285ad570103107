package com.casecoding.codes.release;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps every code-service replica on the same data. What a process keeps in memory (catalog, edit and reference
 * tables, code pages, the search index, the assistant's code data) is rebuilt on {@link ImportCompleted} and
 * {@link CodeTextsChanged}; those events fire in the process that made the change. Every other replica (and the
 * running service while the import Job stores a release) learns of it here: each poll reads one row, the counter in
 * {@code codes.data_generation} that every import and text edit bumps, and a fingerprint of {@code code_release}
 * (so a release stored by a process that died before bumping the counter is seen too). A change seen fires the same
 * events locally: the releases stored since the last poll, or the texts changed.
 *
 * <p>While this process imports, the poll waits: the import stores one release after the other and announces them all
 * at its end, so reloading on each release it stores would rebuild everything several times for nothing.
 *
 * <p>Poll interval {@code casecoding.data-generation.poll} (default 5 s; {@code off} disables it for a single
 * process). A replica serves the previous data for at most one interval plus its own rebuild time.
 */
@ApplicationScoped
public class DataGeneration {

    private static final Logger LOG = Logger.getLogger(DataGeneration.class);

    private static final String READ = """
            select g.generation, g.what, r.releases, r.newest_id, r.newest_at
            from codes.data_generation g,
                 (select count(*) releases, coalesce(max(id), 0) newest_id, max(imported_at) newest_at
                  from codes.code_release) r""";

    @Inject
    DataSource dataSource;

    @Inject
    Event<ImportCompleted> imported;

    @Inject
    Event<CodeTextsChanged> textsChanged;

    /** What this process last saw or did; null until the first poll. */
    private volatile Seen seen;
    private volatile boolean databaseAway;
    /** Imports running in this process ({@link #importStarted}). */
    private final AtomicInteger localImports = new AtomicInteger();

    /** One reading of the counter and the release fingerprint. */
    record Seen(long generation, String what, long releases, long newestId, Object newestAt) {

        boolean sameReleases(Seen other) {
            return releases == other.releases && newestId == other.newestId
                    && Objects.equals(newestAt, other.newestAt);
        }
    }

    /** Records a change of texts (after its commit): bumps the counter for the other replicas, tells this process. */
    public void textsChanged(String what) {
        bump("texts: " + what);
        textsChanged.fire(new CodeTextsChanged(what));
    }

    /** After every local import (the last observer): the other replicas reload; this one already does. */
    void onImport(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) ImportCompleted event) {
        long before = seen == null ? -1 : seen.generation();
        bump("import of " + event.datasets());
        Seen after = seen;
        if (before >= 0 && after != null && after.generation() > before + 1) {
            // another replica changed texts while this one imported (the poll waited): take those too
            LOG.infof("code data changed in another process during the import (%s): reloading", after.what());
            textsChanged.fire(new CodeTextsChanged("changed in another process during an import"));
        }
    }

    /** An import begins storing releases in this process: the poll waits until {@link #importEnded}. */
    public void importStarted() {
        localImports.incrementAndGet();
    }

    public void importEnded() {
        localImports.decrementAndGet();
    }

    /** One look at the counter (the scheduler calls it every interval; tests call it directly). */
    @Scheduled(every = "${casecoding.data-generation.poll:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "data-generation")
    public void poll() {
        if (localImports.get() > 0) {
            return; // what the import stores is announced by its own ImportCompleted
        }
        Seen now;
        try {
            now = read();
        } catch (SQLException e) {
            if (!databaseAway) {
                LOG.warnf("cannot read the data generation (%s); the data stays as it is until it reads again",
                        e.getMessage());
                databaseAway = true;
            }
            return;
        }
        if (databaseAway) {
            LOG.info("data generation read again");
            databaseAway = false;
        }
        Seen before = seen;
        seen = now;
        if (before == null) {
            return;
        }
        if (!now.sameReleases(before)) {
            List<ImportCompleted.ImportedRelease> added = releasesAfter(before.newestId());
            LOG.infof("releases changed in another process (%d -> %d releases, %s): reloading", before.releases(),
                    now.releases(), now.what());
            imported.fire(new ImportCompleted(added));
        } else if (now.generation() != before.generation()) {
            LOG.infof("code data changed in another process (%s): reloading", now.what());
            textsChanged.fire(new CodeTextsChanged(now.what()));
        }
    }

    private void bump(String what) {
        String note = what.length() > 200 ? what.substring(0, 200) : what;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     update codes.data_generation set generation = generation + 1, changed_at = now(), what = ?""")) {
            ps.setString(1, note);
            ps.executeUpdate();
            // this process has what it changed: the next poll must not reload it once more
            seen = read(c);
        } catch (SQLException e) {
            // the change itself is committed; the other replicas still see a release change by its fingerprint
            LOG.warnf("cannot bump the data generation after '%s': %s", note, e.getMessage());
        }
    }

    private Seen read() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return read(c);
        }
    }

    private static Seen read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(READ); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("codes.data_generation holds no row");
            }
            return new Seen(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getObject(5));
        }
    }

    private List<ImportCompleted.ImportedRelease> releasesAfter(long id) {
        List<ImportCompleted.ImportedRelease> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select id, dataset, version, effective_date, row_count from codes.code_release
                     where id > ? order by id""")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ImportCompleted.ImportedRelease(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getLong(5)));
                }
            }
        } catch (SQLException e) {
            LOG.warnf("cannot list the new releases: %s", e.getMessage());
        }
        return out;
    }
}
