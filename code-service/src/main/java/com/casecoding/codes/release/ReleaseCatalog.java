package com.casecoding.codes.release;

import com.casecoding.codes.release.ImportCompleted;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every loaded release with its validity period, and which release is in effect on a date. "Current" always means
 * "in effect on the date asked" (today by default, from the injected {@link Clock}), never "the newest one loaded":
 * when no loaded release covers the date, {@link #currency} says so in words an operator or a coder can act on.
 * The list is read once and again after every import run.
 */
@ApplicationScoped
public class ReleaseCatalog {

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private volatile Snapshot snapshot;

    private record Snapshot(Map<String, List<LoadedRelease>> byDataset, Map<Long, LoadedRelease> byId) {
    }

    // first of all observers: whoever reloads after an import reads the new release list
    void onImport(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ImportCompleted event) {
        invalidate();
    }

    /** Forgets the release list (read again on the next call). */
    public void invalidate() {
        snapshot = null;
    }

    /** Today's date by the service clock (UTC). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Releases of a dataset, oldest first (by the first day they apply, then import order). */
    public List<LoadedRelease> releases(String dataset) {
        return snapshot().byDataset().getOrDefault(dataset, List.of());
    }

    /** Every loaded release, by dataset and then oldest first. */
    public List<LoadedRelease> all() {
        List<LoadedRelease> out = new ArrayList<>();
        snapshot().byDataset().values().forEach(out::addAll);
        return out;
    }

    /** The datasets with at least one release, sorted. */
    public List<String> datasets() {
        return snapshot().byDataset().keySet().stream().sorted().toList();
    }

    public Optional<LoadedRelease> byId(long id) {
        return Optional.ofNullable(snapshot().byId().get(id));
    }

    /**
     * The release of a dataset in effect on a date: among the releases whose period covers it, one that lists its
     * whole code set wins over a partial list, then the one that began last (an April update over its October
     * release, RVU25D over RVU25A).
     */
    public Optional<LoadedRelease> inEffect(String dataset, LocalDate date) {
        return inEffect(releases(dataset), date);
    }

    static Optional<LoadedRelease> inEffect(List<LoadedRelease> releases, LocalDate date) {
        return releases.stream().filter(r -> r.period().covers(date))
                .max(Comparator.comparing((LoadedRelease r) -> r.complete())
                        .thenComparing(r -> r.period().from()).thenComparingLong(LoadedRelease::id));
    }

    /** Whether a loaded release of the dataset covers the date, and if not, why not, in words. */
    public Currency currency(String dataset, LocalDate date) {
        return Currency.of(dataset, releases(dataset), date);
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        Map<String, List<LoadedRelease>> byDataset = new LinkedHashMap<>();
        Map<Long, LoadedRelease> byId = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select id, dataset, version, effective_date, valid_from, valid_to, complete_for, derived,
                       source_file, source_sha256, row_count, imported_at, note
                from codes.code_release order by dataset, coalesce(valid_from, effective_date), id""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String dataset = rs.getString(2);
                LocalDate effective = rs.getObject(4, LocalDate.class);
                LocalDate from = rs.getObject(5, LocalDate.class);
                LocalDate to = rs.getObject(6, LocalDate.class);
                // rows written before the period columns existed (or by hand) are read with the calendar
                ReleasePeriod period = from == null ? ReleaseCalendar.periodOf(dataset, effective)
                        : new ReleasePeriod(from, to);
                LoadedRelease r = new LoadedRelease(rs.getLong(1), dataset, rs.getString(3), effective, period,
                        rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getString(10), rs.getLong(11),
                        rs.getTimestamp(12).toInstant(), rs.getString(13));
                byDataset.computeIfAbsent(dataset, k -> new ArrayList<>()).add(r);
                byId.put(r.id(), r);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the loaded releases", e);
        }
        byDataset.replaceAll((k, v) -> v.stream().sorted(Comparator.comparing((LoadedRelease r) -> r.period().from())
                .thenComparingLong(LoadedRelease::id)).toList());
        return new Snapshot(Map.copyOf(byDataset), Map.copyOf(byId));
    }
}
