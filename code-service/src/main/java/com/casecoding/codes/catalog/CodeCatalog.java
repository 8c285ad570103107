package com.casecoding.codes.catalog;

import com.casecoding.codes.catalog.StatusJudge.Holding;
import com.casecoding.codes.catalog.StatusJudge.Official;
import com.casecoding.codes.release.CodeKinds;
import com.casecoding.codes.release.Currency;
import com.casecoding.codes.release.DerivedCache;
import com.casecoding.codes.release.ImportCompleted;
import com.casecoding.codes.release.LoadedRelease;
import com.casecoding.codes.release.ReleaseCatalog;
import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.codes.CodeSystem;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The one answer to "does this code exist, what is its status on date D, and from which release": code pages,
 * claim checks, search and the assistant all ask here. The status follows the releases' validity periods
 * ({@link ReleaseCatalog}) and the code's official dates (HCPCS added and termination dates, ICD-10 addenda,
 * NCCI add-on deletion dates), never merely which files happen to be loaded; see {@link StatusJudge} for the rules.
 * What the tables say about each code (which releases hold it, its official dates) is read with two indexed
 * queries for any number of codes and kept, up to a bound, until the next import.
 */
@ApplicationScoped
public class CodeCatalog {

    private static final int CACHE_CODES = 200_000;

    @Inject
    DataSource dataSource;

    @Inject
    ReleaseCatalog releases;

    private record Evidence(Map<Long, Raw> holdings, List<long[]> addenda) {
        static final Evidence NONE = new Evidence(Map.of(), List.of());
    }

    /** A row of {@code code_entry} as far as the status needs it. */
    private record Raw(boolean header, String added, String terminated, String terminationSource) {
    }

    /** What the tables say of each code read so far. */
    private final DerivedCache<String, Evidence> evidence = DerivedCache.ofSize(CACHE_CODES);
    /** Statuses already judged, per code and date (claims of one day ask for the same codes again and again). */
    private final DerivedCache<String, CodeStatus> judged = DerivedCache.ofSize(CACHE_CODES);

    void onImport(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ImportCompleted event) {
        invalidate();
    }

    /** Forgets what was read about codes (after an import, or when a test writes the tables directly). */
    public void invalidate() {
        evidence.invalidateAll();
        judged.invalidateAll();
        releases.invalidate();
    }

    /** Today's date by the service clock. */
    public LocalDate today() {
        return releases.today();
    }

    /** The code's status today. */
    public CodeStatus status(CodeKey key) {
        return status(key, null);
    }

    /** The code's status on {@code date} (today when null). */
    public CodeStatus status(CodeKey key, LocalDate date) {
        return statuses(List.of(key), date).get(key);
    }

    /** The status of a hierarchy node that is not a code of its own (an ICD-10-PCS table such as {@code 0DT}). */
    public CodeStatus nodeStatus(CodeSystem system, String stored, LocalDate date) {
        LocalDate day = date == null ? today() : date;
        Map<String, Evidence> found = evidence(List.<String[]>of(new String[]{system.id(), stored}));
        return judge(system, stored, found.getOrDefault(mapKey(system.id(), stored), Evidence.NONE), day,
                new HashMap<>());
    }

    /** Statuses of many codes on one date (today when null), with one query per table for the codes not yet read. */
    public Map<CodeKey, CodeStatus> statuses(Collection<CodeKey> keys, LocalDate date) {
        LocalDate day = date == null ? today() : date;
        long generation = judged.generation();
        Map<CodeKey, CodeStatus> out = new LinkedHashMap<>();
        List<CodeKey> missing = new ArrayList<>();
        for (CodeKey k : keys) {
            CodeStatus known = judged.getIfPresent(k.key() + "|" + day);
            if (known != null) {
                out.put(k, known);
            } else {
                out.put(k, null); // keeps the order of the keys
                missing.add(k);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        Map<String, Evidence> found = evidence(missing.stream().map(k -> new String[]{k.system().id(), k.code()})
                .toList());
        Map<String, Currency> currencies = new HashMap<>(); // one per dataset for the whole call
        for (CodeKey k : missing) {
            CodeStatus s = judge(k.system(), k.code(), found.getOrDefault(mapKey(k.system().id(), k.code()),
                    Evidence.NONE), day, currencies);
            judged.put(generation, k.key() + "|" + day, s);
            out.put(k, s);
        }
        return out;
    }

    /** Whether a loaded release of the code's dataset covers the date, and if not why not. */
    public Currency currency(CodeKey key, LocalDate date) {
        return releases.currency(CodeKinds.dataset(key), date == null ? today() : date);
    }

    /** Whether a loaded release of the system's codes covers the date (modifiers: the HCPCS Level II file). */
    public Currency currency(CodeSystem system, LocalDate date) {
        String dataset = system == CodeSystem.MODIFIER ? CodeSystem.HCPCS.id() : system.id();
        return releases.currency(dataset, date == null ? today() : date);
    }

    /** True when any loaded release holds the code. */
    public boolean exists(CodeKey key) {
        return status(key).exists();
    }

    /** One code of a {@link #scan}: its status on the date and its row in the newest release holding it. */
    public record Scanned(CodeStatus status, String shortTitle, String longTitle, String version) {
    }

    /**
     * Every code and hierarchy node of every loaded release, once, with its status on {@code date} (today when
     * null) and its newest row: what search indexes. Streams the table in code order.
     */
    public void scan(LocalDate date, Consumer<Scanned> sink) {
        LocalDate day = date == null ? today() : date;
        Map<String, List<long[]>> addenda = new HashMap<>();
        Map<String, Currency> currencies = new HashMap<>();
        query("select system, code, release_id, action from codes.code_addendum", ps -> {
        }, rs -> addenda.computeIfAbsent(mapKey(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                .add(new long[]{rs.getLong(3), actionId(rs.getString(4))}));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("""
                    select e.system, e.code, e.release_id, e.header, e.attrs ->> 'addedDate',
                           e.attrs ->> 'terminationDate', e.attrs ->> 'terminationSource', e.short_title, e.long_title
                    from codes.code_entry e order by e.system, e.code""")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    String system = null;
                    String code = null;
                    Map<Long, Raw> holdings = new HashMap<>();
                    Map<Long, String[]> titles = new HashMap<>();
                    while (rs.next()) {
                        String s = rs.getString(1);
                        String k = rs.getString(2);
                        if (!s.equals(system) || !k.equals(code)) {
                            emit(system, code, holdings, titles, addenda, day, currencies, sink);
                            system = s;
                            code = k;
                            holdings = new HashMap<>();
                            titles = new HashMap<>();
                        }
                        long release = rs.getLong(3);
                        holdings.put(release, new Raw(rs.getBoolean(4), rs.getString(5), rs.getString(6),
                                rs.getString(7)));
                        titles.put(release, new String[]{rs.getString(8), rs.getString(9)});
                    }
                    emit(system, code, holdings, titles, addenda, day, currencies, sink);
                }
            }
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the code tables", e);
        }
    }

    private void emit(String system, String code, Map<Long, Raw> holdings, Map<Long, String[]> titles,
                      Map<String, List<long[]>> addenda, LocalDate day, Map<String, Currency> currencies,
                      Consumer<Scanned> sink) {
        if (system == null) {
            return;
        }
        CodeSystem s = CodeSystem.fromId(system).orElse(null);
        if (s == null) {
            return;
        }
        CodeStatus status = judge(s, code, new Evidence(holdings, addenda.getOrDefault(mapKey(system, code),
                List.of())), day, currencies);
        LoadedRelease newest = holdings.keySet().stream().map(id -> releases.byId(id).orElse(null))
                .filter(r -> r != null).max(Comparator.comparing((LoadedRelease r) -> r.period().from())
                        .thenComparingLong(LoadedRelease::id)).orElse(null);
        if (newest == null) {
            return;
        }
        String[] t = titles.get(newest.id());
        sink.accept(new Scanned(status, t[0], t[1], newest.version()));
    }

    // ------------------------------------------------------------------------------------------------ judging

    private CodeStatus judge(CodeSystem system, String code, Evidence e, LocalDate date,
                             Map<String, Currency> currencies) {
        String dataset = CodeKinds.dataset(system, code);
        List<LoadedRelease> rel = releases.releases(dataset);
        Map<Long, Holding> holdings = new HashMap<>();
        LoadedRelease newest = null;
        for (Map.Entry<Long, Raw> h : e.holdings().entrySet()) {
            LoadedRelease r = releases.byId(h.getKey()).orElse(null);
            if (r == null || !r.dataset().equals(dataset)) {
                continue;
            }
            Raw raw = h.getValue();
            holdings.put(r.id(), new Holding(raw.header(), date(raw.added()), date(raw.terminated())));
            if (newest == null || r.period().from().isAfter(newest.period().from())) {
                newest = r;
            }
        }
        Official official = official(system, e, newest == null ? null : e.holdings().get(newest.id()));
        Currency currency = currencies.computeIfAbsent(dataset, d -> releases.currency(d, date));
        return StatusJudge.judge(system, code, rel, holdings, official, date, currency);
    }

    /** The code's official dates: from the newest row that holds it (HCPCS, CMS-named CPT) and the ICD addenda. */
    private Official official(CodeSystem system, Evidence e, Raw newest) {
        LocalDate from = null;
        String fromBasis = null;
        LocalDate to = null;
        String toBasis = null;
        if (newest != null) {
            from = date(newest.added());
            fromBasis = from == null ? null : system.label() + " file: code added " + from;
            to = date(newest.terminated());
            toBasis = to == null ? null : newest.terminationSource() != null ? newest.terminationSource()
                    : system.label() + " file: termination date " + to;
        }
        if (!e.addenda().isEmpty()) {
            // per addenda release: Add alone = added that year, Delete alone = deleted; both = a revised flag
            Map<Long, int[]> byRelease = new HashMap<>();
            for (long[] a : e.addenda()) {
                int[] seen = byRelease.computeIfAbsent(a[0], k -> new int[2]);
                if (a[1] == ADD) {
                    seen[0]++;
                } else if (a[1] == DELETE) {
                    seen[1]++;
                }
            }
            LoadedRelease added = null;
            LoadedRelease deleted = null;
            for (Map.Entry<Long, int[]> b : byRelease.entrySet()) {
                LoadedRelease r = releases.byId(b.getKey()).orElse(null);
                if (r == null) {
                    continue;
                }
                boolean add = b.getValue()[0] > 0;
                boolean del = b.getValue()[1] > 0;
                if (add && !del && (added == null || r.period().from().isAfter(added.period().from()))) {
                    added = r;
                }
                if (del && !add && (deleted == null || r.period().from().isAfter(deleted.period().from()))) {
                    deleted = r;
                }
            }
            if (added != null && from == null) {
                from = added.period().from();
                fromBasis = "added by the " + added.label();
            }
            if (deleted != null && (added == null || deleted.period().from().isAfter(added.period().from()))) {
                to = deleted.period().from().minusDays(1);
                toBasis = "deleted by the " + deleted.label();
            }
        }
        return new Official(from, fromBasis, to, toBasis);
    }

    private static final long ADD = 1;
    private static final long DELETE = 2;

    private static long actionId(String action) {
        return switch (action) {
            case "add" -> ADD;
            case "delete" -> DELETE;
            default -> 0;
        };
    }

    private static LocalDate date(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(iso.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    private static String mapKey(String system, String code) {
        return system + "|" + code;
    }

    private Map<String, Evidence> evidence(List<String[]> wanted) {
        long generation = evidence.generation();
        Map<String, Evidence> out = new HashMap<>();
        List<String[]> missing = new ArrayList<>();
        for (String[] w : wanted) {
            Evidence e = evidence.getIfPresent(mapKey(w[0], w[1]));
            if (e != null) {
                out.put(mapKey(w[0], w[1]), e);
            } else {
                missing.add(w);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        Map<String, Map<Long, Raw>> holdings = new HashMap<>();
        Map<String, List<long[]>> addenda = new HashMap<>();
        missing.forEach(w -> {
            holdings.put(mapKey(w[0], w[1]), new HashMap<>());
            addenda.put(mapKey(w[0], w[1]), new ArrayList<>());
        });
        Object[] systems = missing.stream().map(w -> w[0]).distinct().toArray();
        Object[] codes = missing.stream().map(w -> w[1]).distinct().toArray();
        query("""
                select system, code, release_id, header, attrs ->> 'addedDate', attrs ->> 'terminationDate',
                       attrs ->> 'terminationSource'
                from codes.code_entry where system = any(?) and code = any(?)""", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("varchar", systems));
            ps.setArray(2, ps.getConnection().createArrayOf("varchar", codes));
        }, rs -> {
            Map<Long, Raw> in = holdings.get(mapKey(rs.getString(1), rs.getString(2)));
            if (in != null) {
                in.put(rs.getLong(3), new Raw(rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        });
        if (missing.stream().anyMatch(w -> w[0].startsWith("icd10"))) {
            query("select system, code, release_id, action from codes.code_addendum where system = any(?) "
                    + "and code = any(?)", ps -> {
                ps.setArray(1, ps.getConnection().createArrayOf("varchar", systems));
                ps.setArray(2, ps.getConnection().createArrayOf("varchar", codes));
            }, rs -> {
                List<long[]> in = addenda.get(mapKey(rs.getString(1), rs.getString(2)));
                if (in != null) {
                    in.add(new long[]{rs.getLong(3), actionId(rs.getString(4))});
                }
            });
        }
        for (String key : holdings.keySet()) {
            Evidence e = new Evidence(Map.copyOf(holdings.get(key)), List.copyOf(addenda.get(key)));
            evidence.put(generation, key, e);
            out.put(key, e);
        }
        return out;
    }

    private void query(String sql, Sql.Binder binder, Sql.RowReader reader) {
        Sql.query(dataSource, "reading the code tables", sql, binder, reader);
    }
}
