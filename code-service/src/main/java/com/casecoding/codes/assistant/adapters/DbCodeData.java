package com.casecoding.codes.assistant.adapters;

import com.casecoding.codes.assistant.data.CodeHistory;
import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.codes.assistant.data.Crosswalk;
import com.casecoding.codes.assistant.data.ReleaseRef;
import com.casecoding.codes.catalog.CodeCatalog;
import com.casecoding.codes.catalog.CodeStatus;
import com.casecoding.codes.catalog.Sql;
import com.casecoding.codes.plain.PlainLanguage;
import com.casecoding.codes.plain.PlainText;
import com.casecoding.codes.release.Currency;
import com.casecoding.codes.release.DerivedCache;
import com.casecoding.codes.release.LoadedRelease;
import com.casecoding.codes.release.ReleaseCatalog;
import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.codes.CodeSystem;
import io.agroal.api.AgroalDataSource;

import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the code tables that {@code com.casecoding.codes.imports} fills ({@code code_release}, {@code code_entry},
 * {@code code_change}, {@code code_addendum}, {@code gem_mapping}) with plain indexed
 * queries; the plain-language text of a code comes from {@link PlainLanguage}. Records are cached until the next import ({@link #invalidate()}).
 */
public class DbCodeData implements CodeHistory, Crosswalk {

    private static final int CACHE_LIMIT = 100_000;

    record Release(long id, ReleaseRef ref) {
    }

    private final AgroalDataSource dataSource;
    private final CodeCatalog catalog;
    private final ReleaseCatalog releaseCatalog;
    private final PlainLanguage plainLanguage;
    private volatile Map<String, List<Release>> releases;
    private final DerivedCache<String, Optional<CodeRecord>> records = DerivedCache.ofSize(CACHE_LIMIT);
    /** The day the cached records' "deleted" flags were decided for. */
    private volatile LocalDate recordsDay;

    public DbCodeData(AgroalDataSource dataSource, CodeCatalog catalog, ReleaseCatalog releaseCatalog,
                      PlainLanguage plainLanguage) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.releaseCatalog = releaseCatalog;
        this.plainLanguage = plainLanguage;
    }

    public void invalidate() {
        releases = null;
        records.invalidateAll();
    }

    Map<String, List<Release>> releases() {
        Map<String, List<Release>> r = releases;
        if (r == null) {
            r = loadReleases();
            releases = r;
        }
        return r;
    }

    /** The loaded releases per dataset, oldest first (by the first day each applies). */
    private Map<String, List<Release>> loadReleases() {
        Map<String, List<Release>> map = new HashMap<>();
        for (LoadedRelease r : releaseCatalog.all()) {
            map.computeIfAbsent(r.dataset(), k -> new ArrayList<>()).add(new Release(r.id(),
                    new ReleaseRef(r.dataset(), r.version(), r.effectiveDate())));
        }
        return map;
    }

    private List<Release> releasesOf(String dataset) {
        return releases().getOrDefault(dataset, List.of());
    }

    /**
     * The newest release of the system that holds the code; marked deleted when the code catalog says it is deleted
     * or terminated today.
     */
    public Optional<CodeRecord> lookup(CodeSystem system, String code) {
        LocalDate today = catalog.today();
        if (!today.equals(recordsDay)) {
            records.invalidateAll();
            recordsDay = today;
        }
        return records.get(system.id() + ":" + code, key -> load(system, code));
    }

    private Optional<CodeRecord> load(CodeSystem system, String code) {
        CodeStatus status = system.accepts(code) ? catalog.status(new CodeKey(system, code))
                : catalog.nodeStatus(system, code, null);
        if (!status.exists()) {
            return Optional.empty();
        }
        LoadedRelease shown = status.record();
        ReleaseRef ref = new ReleaseRef(shown.dataset(), shown.version(), shown.effectiveDate());
        boolean deleted = status.state() == CodeStatus.State.TERMINATED;
        List<CodeRecord> out = new ArrayList<>(1);
        query("""
                select e.header, e.short_title, e.long_title, e.parent_code
                from codes.code_entry e
                where e.release_id = ? and e.system = ? and e.code = ?""", ps -> {
            ps.setLong(1, shown.id());
            ps.setString(2, system.id());
            ps.setString(3, code);
        }, rs -> {
            String title = rs.getString(3) != null && !rs.getString(3).isBlank() ? rs.getString(3) : rs.getString(2);
            String plain = plainLanguage.text(system, code, title, rs.getBoolean(1), shown.version())
                    .map(PlainText::text).orElse(null);
            out.add(record(system, code, rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    plain, deleted, ref));
        });
        return out.stream().findFirst();
    }

    @Override
    public Optional<Validity> validity(CodeSystem system, String code, LocalDate date) {
        if (!system.accepts(code)) {
            return Optional.empty();
        }
        CodeStatus s = catalog.status(new CodeKey(system, code), date);
        LoadedRelease r = s.release() != null ? s.release() : s.record();
        String state = switch (s.state()) {
            case VALID -> "valid";
            case NOT_YET_VALID -> "not-yet-valid";
            case TERMINATED -> "deleted";
            case UNKNOWN -> "unknown";
            default -> "unverified";
        };
        return Optional.of(new Validity(state, s.message(),
                r == null ? null : new ReleaseRef(r.dataset(), r.version(), r.effectiveDate())));
    }

    @Override
    public Map<CodeSystem, String> notCovered(LocalDate date) {
        Map<CodeSystem, String> out = new LinkedHashMap<>();
        for (CodeSystem s : CodeSystem.values()) {
            Currency c = catalog.currency(s, date);
            if (!c.covered() && c.state() != Currency.State.NOT_LOADED) {
                out.put(s, c.notice());
            }
        }
        return out;
    }

    static CodeRecord record(CodeSystem system, String code, boolean header, String shortTitle, String longTitle,
                             String parent, String commonLanguage, boolean deleted, ReleaseRef release) {
        String title = system == CodeSystem.CPT ? null : longTitle != null && !longTitle.isBlank() ? longTitle : shortTitle;
        return new CodeRecord(system, code, title, !header, parent, commonLanguage, deleted, release);
    }

    /** Our own plain-language text of a code, whether or not a code set holds the code. */
    public Optional<String> commonLanguage(CodeSystem system, String code) {
        return plainLanguage.text(system, code).map(PlainText::text);
    }

    public List<CodeRecord> children(CodeSystem system, String code, int limit) {
        List<Release> rel = releasesOf(system.id());
        if (rel.isEmpty()) {
            return List.of();
        }
        Release newest = rel.get(rel.size() - 1);
        List<CodeRecord> out = new ArrayList<>();
        query("""
                select e.code, e.header, e.short_title, e.long_title, e.parent_code
                from codes.code_entry e where e.release_id = ? and e.system = ? and e.parent_code = ?
                order by e.seq limit ?""", ps -> {
            ps.setLong(1, newest.id());
            ps.setString(2, system.id());
            ps.setString(3, code);
            ps.setInt(4, limit);
        }, rs -> out.add(record(system, rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                rs.getString(5), null, false, newest.ref())));
        return out;
    }

    public List<CodeRecord> ancestors(CodeSystem system, String code) {
        List<CodeRecord> up = new ArrayList<>();
        Optional<CodeRecord> r = lookup(system, code);
        int guard = 0;
        while (r.isPresent() && r.get().parentCode() != null && guard++ < 10) {
            r = lookup(system, r.get().parentCode());
            r.ifPresent(x -> up.add(0, x));
        }
        return up;
    }

    @Override
    public List<ReleaseRef> releases(CodeSystem system) {
        return releasesOf(system.id()).stream().map(Release::ref).toList();
    }

    /**
     * Changes derived between consecutive loaded releases ({@code code_change}), and for the oldest loaded release,
     * whose predecessor is not loaded, the changes its official addenda list.
     */
    @Override
    public List<Change> changes(CodeSystem system, String prefix) {
        List<Release> rel = releasesOf(system.id());
        if (rel.isEmpty()) {
            return List.of();
        }
        Map<Long, Release> byId = new HashMap<>();
        rel.forEach(r -> byId.put(r.id(), r));
        List<Change> out = new ArrayList<>();
        query("""
                select c.code, c.change, c.old_header, c.new_header, coalesce(c.old_long_title, c.old_short_title),
                       coalesce(c.new_long_title, c.new_short_title), c.release_id, c.previous_release_id
                from codes.code_change c where c.system = ? and c.code like ? order by c.code""", ps -> {
            ps.setString(1, system.id());
            ps.setString(2, prefix + "%");
        }, rs -> {
            Release r = byId.get(rs.getLong(7));
            Release p = byId.get(rs.getLong(8));
            if (r != null) {
                out.add(new Change(system, rs.getString(1), rs.getString(2), rs.getString(5), rs.getString(6),
                        (Boolean) rs.getObject(3), (Boolean) rs.getObject(4), r.ref(), p == null ? null : p.ref()));
            }
        });
        out.addAll(addendaChanges(system, prefix, rel.get(0)));
        out.sort(java.util.Comparator.comparing((Change c) -> c.release().effectiveDate()).thenComparing(Change::code));
        return out;
    }

    private List<Change> addendaChanges(CodeSystem system, String prefix, Release oldest) {
        Optional<Release> addenda = releasesOf(system.id() + "-addenda").stream()
                .filter(a -> a.ref().effectiveDate().equals(oldest.ref().effectiveDate())).reduce((a, b) -> b);
        if (addenda.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String[]>> byCode = new LinkedHashMap<>();
        query("""
                select a.code, a.action, a.header, coalesce(a.long_title, a.short_title)
                from codes.code_addendum a where a.release_id = ? and a.system = ? and a.code like ? order by a.line""", ps -> {
            ps.setLong(1, addenda.get().id());
            ps.setString(2, system.id());
            ps.setString(3, prefix + "%");
        }, rs -> byCode.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                .put(rs.getString(2), new String[]{String.valueOf(rs.getObject(3)), rs.getString(4)}));
        List<Change> out = new ArrayList<>();
        byCode.forEach((code, actions) -> {
            String[] add = actions.get("add");
            String[] del = actions.get("delete");
            String[] from = actions.get("revise_from");
            String[] to = actions.get("revise_to");
            if (add != null && del != null) {
                out.add(new Change(system, code, "revised", del[1], add[1], bool(del[0]), bool(add[0]), oldest.ref(), null));
            } else if (add != null) {
                out.add(new Change(system, code, "added", null, add[1], null, bool(add[0]), oldest.ref(), null));
            } else if (del != null) {
                out.add(new Change(system, code, "deleted", del[1], null, bool(del[0]), null, oldest.ref(), null));
            } else if (from != null || to != null) {
                out.add(new Change(system, code, "revised", from == null ? null : from[1], to == null ? null : to[1],
                        from == null ? null : bool(from[0]), to == null ? null : bool(to[0]), oldest.ref(), null));
            }
        });
        return out;
    }

    private static Boolean bool(String s) {
        return s == null || "null".equals(s) ? null : Boolean.valueOf(s);
    }

    /** The code's row in the release the code catalog finds valid on the date (none when it is not valid then). */
    @Override
    public Optional<CodeRecord> inEffectOn(CodeSystem system, String code, LocalDate date) {
        if (!system.accepts(code)) {
            return Optional.empty();
        }
        CodeStatus status = catalog.status(new CodeKey(system, code), date);
        if (status.state() != CodeStatus.State.VALID || status.release() == null) {
            return Optional.empty();
        }
        LoadedRelease release = status.release();
        List<CodeRecord> out = new ArrayList<>(1);
        query("""
                select e.header, e.short_title, e.long_title, e.parent_code from codes.code_entry e
                where e.release_id = ? and e.system = ? and e.code = ?""", ps -> {
            ps.setLong(1, release.id());
            ps.setString(2, system.id());
            ps.setString(3, code);
        }, rs -> out.add(record(system, code, rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getString(4),
                null, false, new ReleaseRef(release.dataset(), release.version(), release.effectiveDate()))));
        return out.stream().findFirst();
    }

    @Override
    public List<Mapping> from(CodeSystem system, String code) {
        List<Mapping> out = new ArrayList<>();
        Map<Long, ReleaseRef> refs = new HashMap<>();
        releases().values().forEach(list -> list.forEach(r -> refs.put(r.id(), r.ref())));
        query("""
                select g.target_system, g.target_code, g.approximate, g.no_map, g.combination, g.scenario,
                       g.choice_list, g.release_id
                from codes.gem_mapping g where g.source_system = ? and g.source_code = ?
                  and g.release_id = (select max(release_id) from codes.gem_mapping where source_system = ? and source_code = ?)
                order by g.scenario, g.choice_list, g.target_code""", ps -> {
            ps.setString(1, system.id());
            ps.setString(2, code);
            ps.setString(3, system.id());
            ps.setString(4, code);
        }, rs -> CodeSystem.fromId(rs.getString(1)).ifPresent(target -> {
            try {
                out.add(new Mapping(system, code, target, rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getInt(6), rs.getInt(7), refs.get(rs.getLong(8))));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
        return out;
    }

    private void query(String sql, Sql.Binder binder, Sql.RowReader reader) {
        Sql.query(dataSource, "reading the code tables", sql, binder, reader);
    }

    static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
