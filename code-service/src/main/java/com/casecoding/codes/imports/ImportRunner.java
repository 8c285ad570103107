package com.casecoding.codes.imports;

import com.casecoding.codes.release.DataGeneration;
import com.casecoding.codes.release.ImportCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Imports every recognized file under the given paths, one transaction per file. See {@link DatasetImporter} for how a
 * format plugs in. Only one run at a time (in this process: a lock; across processes: a PostgreSQL advisory lock).
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    private static final long ADVISORY_LOCK_KEY = 0x636f646573L; // "codes"

    @Inject
    DataSource dataSource;

    @Inject
    Instance<DatasetImporter> importers;

    @Inject
    Instance<ReleaseDeriver> derivers;

    @Inject
    Event<ImportCompleted> completed;

    @Inject
    DataGeneration generation;

    private final ReentrantLock lock = new ReentrantLock();

    private record Candidate(DatasetImporter importer, SourceFile source) {
    }

    /** Imports every recognized file under {@code paths} (folders are walked; hidden files skipped). */
    public ImportSummary importPaths(List<Path> paths, String startedBy) {
        lock.lock();
        generation.importStarted();
        try {
            long start = System.nanoTime();
            List<Path> files = listFiles(paths);
            List<Candidate> candidates = new ArrayList<>();
            List<String> unrecognized = new ArrayList<>();
            Set<Path> companions = new HashSet<>();
            for (Path file : files) {
                Optional<Candidate> found = recognize(file);
                if (found.isPresent()) {
                    candidates.add(found.get());
                    found.get().source().companions().forEach(c -> companions.add(c.toAbsolutePath().normalize()));
                } else {
                    unrecognized.add(file.toString());
                }
            }
            candidates.removeIf(c -> companions.contains(c.source().file().toAbsolutePath().normalize()));
            unrecognized.removeIf(f -> companions.contains(Path.of(f).toAbsolutePath().normalize()));
            candidates.sort(Comparator.<Candidate>comparingInt(c -> c.importer().order())
                    .thenComparing(c -> c.source().effectiveDate())
                    .thenComparing(c -> c.source().dataset())
                    .thenComparing(c -> c.source().file().toString()));
            LOG.infof("import run by %s: %d recognized file(s), %d not recognized, under %s", startedBy,
                    candidates.size(), unrecognized.size(), paths);

            List<ImportOutcome> outcomes = new ArrayList<>();
            for (Candidate candidate : candidates) {
                ImportOutcome outcome = importOne(candidate, startedBy);
                outcomes.add(outcome);
            }
            List<ImportCompleted.ImportedRelease> stored = new ArrayList<>(outcomes.stream()
                    .filter(ImportOutcome::stored).map(o -> new ImportCompleted.ImportedRelease(o.releaseId(),
                            o.dataset(), o.version(), o.effectiveDate(), o.rows())).toList());
            List<ImportOutcome> derived = stored.isEmpty() ? List.of() : derive(stored.stream()
                    .map(ImportCompleted.ImportedRelease::dataset).collect(Collectors.toSet()), startedBy, stored);
            ImportSummary summary = new ImportSummary(outcomes, unrecognized, (System.nanoTime() - start) / 1_000_000,
                    derived);
            logSummary(summary);
            if (!stored.isEmpty()) {
                completed.fire(new ImportCompleted(stored));
            }
            return summary;
        } finally {
            generation.importEnded();
            lock.unlock();
        }
    }

    /** True when the codes schema holds no release at all. */
    public boolean nothingImported() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select exists (select 1 from codes.code_release)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return !rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read code_release", e);
        }
    }

    /**
     * Runs every {@link ReleaseDeriver} that depends on what the run stored, each in one transaction under the
     * advisory lock; a failing deriver is logged and recorded, and leaves its earlier releases as they were.
     */
    private List<ImportOutcome> derive(Set<String> storedDatasets, String startedBy,
                                       List<ImportCompleted.ImportedRelease> stored) {
        List<ImportOutcome> out = new ArrayList<>();
        for (ReleaseDeriver deriver : derivers) {
            if (!deriver.dependsOn(storedDatasets)) {
                continue;
            }
            String name = deriver.getClass().getSimpleName().replace("_Subclass", "");
            long start = System.nanoTime();
            Instant startedAt = Instant.now();
            try {
                List<ReleaseDeriver.Derived> derived = locked(deriver::derive);
                for (ReleaseDeriver.Derived d : derived) {
                    ImportOutcome o = new ImportOutcome("derived: " + d.sources(), d.dataset(), d.version(),
                            d.effectiveDate(), "derived", d.rows(), millisSince(start), d.releaseId(), null, null);
                    out.add(o);
                    record(o, startedAt, startedBy);
                    stored.add(new ImportCompleted.ImportedRelease(d.releaseId(), d.dataset(), d.version(),
                            d.effectiveDate(), d.rows()));
                }
            } catch (Exception e) {
                LOG.errorf(e, "deriving releases with %s FAILED (the earlier derived releases are kept)", name);
                ImportOutcome o = new ImportOutcome("derived: " + name, "derived", "-", java.time.LocalDate.now(),
                        "failed", 0, millisSince(start), null, null, e.getClass().getSimpleName() + ": "
                        + e.getMessage());
                out.add(o);
                record(o, startedAt, startedBy);
            }
        }
        return out;
    }

    private Optional<Candidate> recognize(Path file) {
        for (DatasetImporter importer : importers) {
            try {
                Optional<SourceFile> source = importer.recognize(file);
                if (source.isPresent()) {
                    return Optional.of(new Candidate(importer, source.get()));
                }
            } catch (RuntimeException e) {
                LOG.warnf("importer %s failed to look at %s: %s", importer.getClass().getSimpleName(), file, e);
            }
        }
        return Optional.empty();
    }

    private ImportOutcome importOne(Candidate candidate, String startedBy) {
        SourceFile source = candidate.source();
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        ImportOutcome outcome;
        try {
            String checksum = checksum(source);
            outcome = inTransaction(candidate, checksum, start);
        } catch (MalformedFileException e) {
            LOG.errorf("import REFUSED %s: %s, line %d: %s (nothing of it was kept)", source.describe(),
                    e.file(), e.line(), e.reason());
            outcome = new ImportOutcome(source.file().toString(), source.dataset(), source.version(),
                    source.effectiveDate(), "refused", 0, millisSince(start), null, e.line(), e.reason());
        } catch (Exception e) {
            LOG.errorf(e, "import FAILED %s (nothing of it was kept)", source.describe());
            outcome = new ImportOutcome(source.file().toString(), source.dataset(), source.version(),
                    source.effectiveDate(), "failed", 0, millisSince(start), null, null,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        record(outcome, startedAt, startedBy);
        return outcome;
    }

    private ImportOutcome inTransaction(Candidate candidate, String checksum, long start) throws Exception {
        SourceFile source = candidate.source();
        return locked(c -> {
            Long existing = existingRelease(c, source.dataset(), checksum);
            if (existing != null) {
                LOG.infof("import %s: unchanged (same checksum as release %d), skipped", source.describe(), existing);
                return new ImportOutcome(source.file().toString(), source.dataset(), source.version(),
                        source.effectiveDate(), "unchanged", 0, millisSince(start), existing, null, null);
            }
            int replaced;
            try (PreparedStatement ps = c.prepareStatement(
                    "delete from codes.code_release where dataset = ? and version = ?")) {
                ps.setString(1, source.dataset());
                ps.setString(2, source.version());
                replaced = ps.executeUpdate();
            }
            long releaseId = insertRelease(c, source, checksum, candidate.importer().period(source));
            ImportContext context = new ImportContext(c, releaseId, source);
            long rows = candidate.importer().importFile(source, context);
            try (PreparedStatement ps = c.prepareStatement("update codes.code_release set row_count = ? where id = ?")) {
                ps.setLong(1, rows);
                ps.setLong(2, releaseId);
                ps.executeUpdate();
            }
            long millis = millisSince(start);
            LOG.infof("import %s: %,d rows in %.1f s (%,.0f rows/s)%s", source.describe(), rows, millis / 1000.0,
                    millis == 0 ? 0.0 : rows * 1000.0 / millis, replaced > 0 ? ", replacing the earlier file" : "");
            return new ImportOutcome(source.file().toString(), source.dataset(), source.version(),
                    source.effectiveDate(), replaced > 0 ? "replaced" : "imported", rows, millis, releaseId, null, null);
        });
    }

    /** Work inside one transaction of its own connection. */
    private interface Work<T> {
        T run(Connection c) throws Exception;
    }

    /**
     * Runs {@code work} in one transaction holding the import advisory lock (one import in the whole database at a
     * time) and commits it; any exception rolls everything back.
     */
    private <T> T locked(Work<T> work) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    ps.setLong(1, ADVISORY_LOCK_KEY);
                    ps.execute();
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static Long existingRelease(Connection c, String dataset, String checksum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select id from codes.code_release where dataset = ? and source_sha256 = ?")) {
            ps.setString(1, dataset);
            ps.setString(2, checksum);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long insertRelease(Connection c, SourceFile source, String checksum,
                                      com.casecoding.codes.release.ReleasePeriod period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into codes.code_release (dataset, version, effective_date, source_file, source_sha256, row_count,
                                          imported_at, note, valid_from, valid_to)
                values (?, ?, ?, ?, ?, 0, now(), ?, ?, ?) returning id""")) {
            ps.setString(1, source.dataset());
            ps.setString(2, source.version());
            ps.setObject(3, source.effectiveDate());
            ps.setString(4, truncate(source.file().getFileName().toString(), 400));
            ps.setString(5, checksum);
            ps.setString(6, source.note());
            ps.setObject(7, period.from());
            ps.setObject(8, period.to());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void record(ImportOutcome o, Instant startedAt, String startedBy) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into codes.import_run (started_at, started_by, file, dataset, version, effective_date, status,
                                             row_count, millis, release_id, line, reason)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setTimestamp(1, Timestamp.from(startedAt));
            ps.setString(2, truncate(startedBy, 100));
            ps.setString(3, truncate(o.file(), 1000));
            ps.setString(4, o.dataset());
            ps.setString(5, o.version());
            ps.setObject(6, o.effectiveDate());
            ps.setString(7, o.status());
            ps.setLong(8, o.rows());
            ps.setLong(9, o.millis());
            ps.setObject(10, o.status().equals("unchanged") ? null : o.releaseId());
            ps.setObject(11, o.line());
            ps.setString(12, truncate(o.reason(), 2000));
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("could not record the import of %s: %s", o.file(), e.getMessage());
        }
    }

    static String checksum(SourceFile source) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            List<Path> all = new ArrayList<>();
            all.add(source.file());
            all.addAll(source.companions());
            for (Path file : all) {
                try (InputStream in = Files.newInputStream(file)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The regular files under the paths, sorted. Symbolic links are followed, to files and to folders (a data share
     * is often linked in); a link that leads back into a folder already being walked is skipped, not looped.
     */
    static List<Path> listFiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                List<Path> found = new ArrayList<>();
                try {
                    Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                            new SimpleFileVisitor<>() {
                                @Override
                                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                                    return !dir.equals(path) && isHidden(path.relativize(dir))
                                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                                }

                                @Override
                                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                    if (attrs.isRegularFile() && !isHidden(path.relativize(file))) {
                                        found.add(file);
                                    }
                                    return FileVisitResult.CONTINUE;
                                }

                                @Override
                                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                                    if (e instanceof FileSystemLoopException) {
                                        LOG.warnf("%s links back into a folder being imported: skipped", file);
                                        return FileVisitResult.CONTINUE;
                                    }
                                    throw e;
                                }
                            });
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path, e);
                }
                found.stream().sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static void logSummary(ImportSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("import summary: %d file(s) stored, %,d rows, %d refused/failed, %d unchanged, "
                        + "%d not recognized, %.1f s", s.stored(), s.rows(), s.failed(),
                s.files().stream().filter(o -> o.status().equals("unchanged")).count(), s.unrecognized().size(),
                s.millis() / 1000.0));
        for (ImportOutcome o : java.util.stream.Stream.concat(s.files().stream(), s.derived().stream()).toList()) {
            String file = o.file().startsWith("derived: ") ? o.file() : String.valueOf(Path.of(o.file()).getFileName());
            b.append(String.format("%n  %-9s %-18s %-10s %,9d rows %7.1f s  %s%s", o.status(), o.dataset(),
                    o.version(), o.rows(), o.millis() / 1000.0, file,
                    o.reason() == null ? "" : "  -- line " + o.line() + ": " + o.reason()));
        }
        LOG.info(b);
    }
}
