package com.casecoding.codes.imports;

import java.net.URI;
import com.casecoding.common.list.Paging;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.web.AfterStart;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Starts imports: from the admin endpoint, from {@code CODES_IMPORT_DIR} at start, and the demo set. */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    @Inject
    ImportRunner runner;

    @Inject
    ImportConfig config;

    @Inject
    ImportRoots roots;

    @Inject
    DemoData demoData;

    @Inject
    AfterStart afterStart;

    @Inject
    DataSource dataSource;

    public record ImportRunView(long id, Instant startedAt, String startedBy, String file, String dataset,
                                String version, LocalDate effectiveDate, String status, long rows, long millis,
                                Long releaseId, Long line, String reason) {
    }

    void onStart(@Observes StartupEvent event) {
        if (config.importAndExit()) {
            Thread thread = new Thread(() -> {
                boolean ok = importAtStart();
                LOG.infof("import command finished: %s", ok ? "every recognized file imported or unchanged"
                        : "some files were refused or failed (see above)");
                Quarkus.asyncExit(ok ? 0 : 1);
            }, "codes-import-command");
            thread.start();
            return;
        }
        if (config.importDir().isEmpty() && !config.demoData()) {
            return;
        }
        // reading and check-summing the folder waits until the service is up, so it does not slow the start down
        afterStart.run("codes-import-at-start", this::importAtStart);
    }

    /**
     * {@code CODES_IMPORT_DIR} first, then the demo set if still nothing is imported and it is enabled.
     *
     * @return false when a file was refused or failed, or the folder does not exist
     */
    public boolean importAtStart() {
        boolean ok = true;
        try {
            Optional<String> dir = config.importDir().filter(d -> !d.isBlank());
            if (dir.isPresent()) {
                Path path = Path.of(dir.get());
                if (!Files.exists(path)) {
                    LOG.warnf("CODES_IMPORT_DIR %s does not exist: nothing imported from it", path.toAbsolutePath());
                    ok = false;
                } else {
                    ok = runner.importPaths(List.of(path), "startup:CODES_IMPORT_DIR").failed() == 0;
                }
            }
            if (config.demoData() && !config.importAndExit() && runner.nothingImported()) {
                demoData.load();
            }
        } catch (RuntimeException e) {
            LOG.error("import at start failed", e);
            ok = false;
        }
        return ok;
    }

    /** Imports what the admin endpoint names: only inside the configured import roots ({@link ImportRoots}). */
    public ImportSummary importFromAdmin(String rawPath, String startedBy) {
        Path path = roots.resolve(rawPath);
        ImportSummary summary = runner.importPaths(List.of(path), startedBy);
        // whatever a folder inside a root links to, the answer never lists anything outside the roots
        List<String> unrecognized = summary.unrecognized().stream().filter(f -> roots.contains(Path.of(f))).toList();
        return unrecognized.size() == summary.unrecognized().size() ? summary
                : new ImportSummary(summary.files(), unrecognized, summary.millis(), summary.derived());
    }

    /** Past import attempts, newest first: the page {@code paging} asks for and how many there are in all. */
    public ListPage<ImportRunView> history(Paging paging, URI request) {
        List<ImportRunView> out = new ArrayList<>();
        long total;
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("select count(*) from codes.import_run");
             PreparedStatement ps = c.prepareStatement("""
                     select id, started_at, started_by, file, dataset, version, effective_date, status, row_count,
                            millis, release_id, line, reason
                     from codes.import_run order by started_at desc, id desc limit ? offset ?""")) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            ps.setInt(1, paging.limit());
            ps.setInt(2, paging.offset());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ImportRunView(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                            rs.getString(8), rs.getLong(9), rs.getLong(10), (Long) rs.getObject(11),
                            (Long) rs.getObject(12), rs.getString(13)));
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read import_run", e);
        }
        return ListPage.of(out, total, paging, request);
    }
}
