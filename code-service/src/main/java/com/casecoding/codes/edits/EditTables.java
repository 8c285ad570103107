package com.casecoding.codes.edits;

import com.casecoding.common.codes.CodeSystem;
import com.casecoding.codes.release.ImportCompleted;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The payment and edit tables of the newest release of each dataset, held in memory (maps keyed by code) and
 * reloaded after every import. PTP edits, which run to millions of rows, are read per column 1 code with one indexed
 * query the first time a code is asked for and then kept in memory until the next reload.
 * These are the query methods other features (claim checks, code pages, the assistant) call.
 */
@ApplicationScoped
public class EditTables {

    private static final Logger LOG = Logger.getLogger(EditTables.class);

    @Inject
    AgroalDataSource dataSource;

    private volatile Snapshot snapshot = Snapshot.EMPTY;

    record Snapshot(Map<String, EditRelease> releases, Map<String, List<Long>> releaseIds,
                    Map<String, List<RvuEntry>> rvu, Map<String, GpciEntry> gpci,
                    Map<CareSetting, Map<String, MueEntry>> mue, Map<String, List<AddOnEdit>> addOnsByCode,
                    Map<String, Set<String>> addOnsByPrimary,
                    Map<CareSetting, Map<String, List<PtpEdit>>> ptpByColumn1) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                emptyPtpCache());
    }

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    /** Reloads when an import run stored a payment or edit release. */
    // before the code page drops its cached pages (default observer priority), so no page is rebuilt from old tables
    void onImport(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) ImportCompleted event) {
        if (event.datasets().stream().anyMatch(d -> EditDataset.fromId(d).isPresent())) {
            reload();
        }
    }

    /**
     * Re-reads every table from the newest releases; readers keep the old snapshot until the new one is whole. One load
     * at a time, so a slow load can never replace the tables of a later one.
     */
    public synchronized void reload() {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            Map<String, EditRelease> latest = new HashMap<>();
            Map<String, List<Long>> ids = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select r.id, r.dataset, r.version, r.effective_date, r.source_file
                    from codes.code_release r
                    join (select distinct on (dataset) dataset, version from codes.code_release
                          order by dataset, effective_date desc, id desc) l
                      on l.dataset = r.dataset and l.version = r.version
                    order by r.id""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EditRelease release = new EditRelease(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getDate(4).toLocalDate(), rs.getString(5));
                    if (EditDataset.fromId(release.dataset()).isEmpty()) {
                        continue;
                    }
                    latest.putIfAbsent(release.dataset(), release);
                    ids.computeIfAbsent(release.dataset(), k -> new ArrayList<>()).add(release.id());
                }
            }
            Map<Long, EditRelease> byId = new HashMap<>();
            for (Map.Entry<String, List<Long>> e : ids.entrySet()) {
                for (Long id : e.getValue()) {
                    byId.put(id, latest.get(e.getKey()));
                }
            }
            Map<String, List<AddOnEdit>> addOns = loadAddOns(c, ids, byId);
            snapshot = new Snapshot(Map.copyOf(latest), Map.copyOf(ids), loadRvu(c, ids, byId),
                    loadGpci(c, ids, byId), loadMue(c, ids, byId), addOns, indexByPrimary(addOns), emptyPtpCache());
            modifierRules.clear();
            LOG.infof("edit tables loaded in %d ms: %d RVU codes, %d localities, %d MUE codes, %d add-on codes",
                    (System.nanoTime() - start) / 1_000_000, snapshot.rvu().size(), snapshot.gpci().size(),
                    snapshot.mue().values().stream().mapToInt(Map::size).sum(), snapshot.addOnsByCode().size());
        } catch (SQLException e) {
            throw new IllegalStateException("loading the edit tables failed", e);
        }
    }

    /** Column 1 codes whose PTP edits are kept in memory before the cache starts over. */
    private static final int PTP_CACHE_CODES = 50_000;

    private static Map<CareSetting, Map<String, List<PtpEdit>>> emptyPtpCache() {
        Map<CareSetting, Map<String, List<PtpEdit>>> map = new EnumMap<>(CareSetting.class);
        for (CareSetting s : CareSetting.values()) {
            map.put(s, new ConcurrentHashMap<>());
        }
        return map;
    }

    private static List<Long> idsOf(Map<String, List<Long>> ids, EditDataset dataset) {
        return ids.getOrDefault(dataset.id(), List.of());
    }

    private static ResultSet query(Connection c, String sql, List<Long> releaseIds) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setFetchSize(5000);
        ps.setArray(1, c.createArrayOf("bigint", releaseIds.toArray()));
        ps.closeOnCompletion();
        return ps.executeQuery();
    }

    private static Map<String, List<RvuEntry>> loadRvu(Connection c, Map<String, List<Long>> ids,
                                                       Map<Long, EditRelease> byId) throws SQLException {
        Map<String, List<RvuEntry>> map = new HashMap<>();
        List<Long> rel = idsOf(ids, EditDataset.MPFS_RVU);
        if (rel.isEmpty()) {
            return Map.of();
        }
        try (ResultSet rs = query(c, "select release_id, hcpcs, modifier, status_code, not_used_medicare, work_rvu, "
                + "nonfac_pe_rvu, nonfac_na, fac_pe_rvu, fac_na, mp_rvu, pctc_ind, global_days, pre_op, intra_op, "
                + "post_op, mult_proc, bilat_surg, asst_surg, co_surg, team_surg, endo_base, conv_factor, "
                + "phys_supervision from codes.mpfs_rvu where release_id = any(?) order by hcpcs, modifier", rel)) {
            Interner pool = new Interner();
            while (rs.next()) {
                // the indicator columns and most RVU values repeat across 19,000 rows: one instance of each
                RvuEntry e = new RvuEntry(rs.getString(2), pool.of(rs.getString(3)), pool.of(rs.getString(4)),
                        pool.of(rs.getString(5)), pool.of(rs.getBigDecimal(6)), pool.of(rs.getBigDecimal(7)),
                        !rs.getString(8).isBlank(), pool.of(rs.getBigDecimal(9)), !rs.getString(10).isBlank(),
                        pool.of(rs.getBigDecimal(11)), pool.of(rs.getString(12)), pool.of(rs.getString(13)),
                        pool.of(rs.getBigDecimal(14)), pool.of(rs.getBigDecimal(15)), pool.of(rs.getBigDecimal(16)),
                        pool.of(rs.getString(17)), pool.of(rs.getString(18)), pool.of(rs.getString(19)),
                        pool.of(rs.getString(20)), pool.of(rs.getString(21)), pool.of(rs.getString(22)),
                        pool.of(rs.getBigDecimal(23)), pool.of(rs.getString(24)), byId.get(rs.getLong(1)));
                map.computeIfAbsent(e.hcpcs(), k -> new ArrayList<>(1)).add(e);
            }
        }
        return map;
    }

    /** One shared instance per distinct value while loading a table (values repeat on most rows). */
    private static final class Interner {
        private final Map<Object, Object> seen = new HashMap<>();

        @SuppressWarnings("unchecked")
        <T> T of(T value) {
            return value == null ? null : (T) seen.computeIfAbsent(value, v -> v);
        }
    }

    private static Map<String, GpciEntry> loadGpci(Connection c, Map<String, List<Long>> ids,
                                                   Map<Long, EditRelease> byId) throws SQLException {
        List<Long> rel = idsOf(ids, EditDataset.MPFS_GPCI);
        if (rel.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> counties = new HashMap<>();
        List<Long> loc = idsOf(ids, EditDataset.MPFS_LOCALITY);
        if (!loc.isEmpty()) {
            try (ResultSet rs = query(c, "select mac, locality, fee_schedule_area, counties from codes.mpfs_locality_county "
                    + "where release_id = any(?) order by line_no", loc)) {
                while (rs.next()) {
                    counties.computeIfAbsent(rs.getString(1) + "-" + rs.getString(2), k -> new ArrayList<>())
                            .add(rs.getString(4));
                }
            }
        }
        Map<String, GpciEntry> map = new LinkedHashMap<>();
        try (ResultSet rs = query(c, "select release_id, mac, state, locality, locality_name, work_gpci, pe_gpci, "
                + "mp_gpci from codes.mpfs_gpci where release_id = any(?) order by state, locality_name", rel)) {
            while (rs.next()) {
                String id = rs.getString(2) + "-" + rs.getString(4);
                map.put(id, new GpciEntry(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        List.copyOf(counties.getOrDefault(id, List.of())), byId.get(rs.getLong(1))));
            }
        }
        return map;
    }

    private static Map<CareSetting, Map<String, MueEntry>> loadMue(Connection c, Map<String, List<Long>> ids,
                                                                   Map<Long, EditRelease> byId) throws SQLException {
        Map<CareSetting, Map<String, MueEntry>> all = new EnumMap<>(CareSetting.class);
        for (CareSetting setting : CareSetting.values()) {
            List<Long> rel = idsOf(ids, EditDataset.mue(setting));
            Map<String, MueEntry> map = new HashMap<>();
            if (!rel.isEmpty()) {
                try (ResultSet rs = query(c, "select release_id, code, mue_value, mai, rationale from codes.ncci_mue "
                        + "where release_id = any(?)", rel)) {
                    Interner pool = new Interner();
                    while (rs.next()) {
                        map.put(rs.getString(2), new MueEntry(rs.getString(2), setting, rs.getInt(3), rs.getInt(4),
                                pool.of(rs.getString(5)), byId.get(rs.getLong(1))));
                    }
                }
            }
            all.put(setting, map);
        }
        return all;
    }

    private static Map<String, List<AddOnEdit>> loadAddOns(Connection c, Map<String, List<Long>> ids,
                                                           Map<Long, EditRelease> byId) throws SQLException {
        List<Long> rel = idsOf(ids, EditDataset.NCCI_AOC);
        if (rel.isEmpty()) {
            return Map.of();
        }
        Map<String, List<AddOnEdit>> map = new HashMap<>();
        try (ResultSet rs = query(c, "select release_id, edit_type, addon_code, addon_deleted, primary_code, "
                + "primary_deleted, effective_date, deletion_date, notes from codes.ncci_aoc where release_id = any(?) "
                + "order by addon_code, primary_code, line_no", rel)) {
            while (rs.next()) {
                AddOnEdit e = new AddOnEdit(rs.getInt(2), rs.getString(3), date(rs, 4), rs.getString(5),
                        date(rs, 6), date(rs, 7), date(rs, 8), rs.getString(9), byId.get(rs.getLong(1)));
                map.computeIfAbsent(e.addOnCode(), k -> new ArrayList<>()).add(e);
            }
        }
        return map;
    }

    private static Map<String, Set<String>> indexByPrimary(Map<String, List<AddOnEdit>> byAddOn) {
        Map<String, Set<String>> map = new HashMap<>();
        for (List<AddOnEdit> edits : byAddOn.values()) {
            for (AddOnEdit e : edits) {
                if (!e.contractorDefined()) {
                    map.computeIfAbsent(e.primaryCode(), k -> new LinkedHashSet<>()).add(e.addOnCode());
                }
            }
        }
        return map;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /** A CPT/HCPCS code or modifier as the tables key it (stored form); empty when it cannot be one. */
    static String normalize(String code) {
        String compact = CodeSystem.compact(code);
        return compact == null ? "" : compact;
    }

    // ---- query methods ----

    /** The newest release of a dataset, if one was imported. */
    public Optional<EditRelease> release(EditDataset dataset) {
        return Optional.ofNullable(snapshot.releases().get(dataset.id()));
    }

    /**
     * The MUE of a code in a setting: the most units payable per line (adjudication indicator 1) or per date of
     * service (2, 3). Empty when the code has no MUE in that setting's table.
     */
    public Optional<MueEntry> mue(String code, CareSetting setting) {
        Map<String, MueEntry> table = snapshot.mue().get(setting);
        return table == null ? Optional.empty() : Optional.ofNullable(table.get(normalize(code)));
    }

    /** Whether the code appears as an add-on code in the NCCI add-on edits (any type, any date). */
    public boolean isAddOn(String code) {
        return snapshot.addOnsByCode().containsKey(normalize(code));
    }

    /**
     * Every add-on edit row of an add-on code (all types and dates): for type 1 and 3 each row names one eligible
     * primary code; a type 2 row carries {@code CCCCC} (contractor-defined primaries). Empty for a code that is
     * not an add-on.
     */
    public List<AddOnEdit> addOnPrimaries(String code) {
        return snapshot.addOnsByCode().getOrDefault(normalize(code), List.of());
    }

    /** The add-on edit rows of a code in effect on a date. */
    public List<AddOnEdit> addOnPrimaries(String code, LocalDate date) {
        return addOnPrimaries(code).stream().filter(e -> e.activeOn(date)).toList();
    }

    /** The add-on codes for which CMS lists this code as an eligible primary code (type 1 and 3 edits). */
    public Set<String> addOnsOf(String primaryCode) {
        return snapshot.addOnsByPrimary().getOrDefault(normalize(primaryCode), Set.of());
    }

    /** Fee schedule rows of a code: the global row (no modifier) first, then 26, TC, 53... */
    public List<RvuEntry> rvu(String code) {
        return snapshot.rvu().getOrDefault(normalize(code), List.of());
    }

    /** Modifier rules once read per code, with the rows they were read from (a reload brings new rows). */
    private record CachedRules(List<RvuEntry> rows, ModifierRules rules) {
    }

    /** Bounded by the RVU file's codes: only codes with rows are kept. */
    private final Map<String, CachedRules> modifierRules = new ConcurrentHashMap<>();

    /**
     * The modifier rules the fee schedule gives this code; empty when the RVU file does not list it. Read once per
     * code and kept until the next reload (the claim check asks for them on every line with a modifier).
     */
    public Optional<ModifierRules> modifierRules(String code) {
        String key = normalize(code);
        List<RvuEntry> rows = rvu(key);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        CachedRules cached = modifierRules.get(key);
        if (cached == null || cached.rows() != rows) {
            cached = new CachedRules(rows, ModifierRules.of(key, rows));
            modifierRules.put(key, cached);
        }
        return Optional.of(cached.rules());
    }

    /** Every payment locality, ordered by state and name. */
    public Collection<GpciEntry> localities() {
        return snapshot.gpci().values();
    }

    /**
     * A locality by its id {@code MAC-locality} ("01112-54"); also accepts "01112/54" and "0111254".
     */
    public Optional<GpciEntry> locality(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String digits = id.trim().replaceAll("[-/ ]", "");
        if (!digits.matches("\\d{7}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(snapshot.gpci().get(digits.substring(0, 5) + "-" + digits.substring(5)));
    }

    /**
     * The Medicare payment of a code (the row without modifier): RVUs, indicators explained, national fee and,
     * when {@code locality} is given and known, the fee at that locality. Empty when the code is not in the RVU file.
     *
     * @throws IllegalArgumentException when a locality is given but unknown
     */
    public Optional<Payment> payment(String code, String locality) {
        return payment(code, "", locality);
    }

    /** Same as {@link #payment(String, String)} for a code with a modifier (26, TC, 53) or "" for none. */
    public Optional<Payment> payment(String code, String modifier, String locality) {
        GpciEntry gpci = null;
        if (locality != null && !locality.isBlank()) {
            gpci = locality(locality).orElseThrow(() -> new IllegalArgumentException(
                    "unknown locality '" + locality + "': use MAC-locality, e.g. 01112-54"));
        }
        String mod = modifier == null ? "" : normalize(modifier);
        GpciEntry g = gpci;
        return rvu(code).stream().filter(r -> r.modifier().equals(mod)).findFirst().map(r -> Payment.of(r, g));
    }

    /**
     * The NCCI PTP edit of an ordered pair (column 1, column 2) in the practitioner table in effect on a date.
     */
    public Optional<PtpEdit> ptpEdit(String column1, String column2, LocalDate date) {
        return ptpEdit(column1, column2, date, CareSetting.PRACTITIONER);
    }

    /** The NCCI PTP edit of an ordered pair in the setting's table in effect on a date. */
    public Optional<PtpEdit> ptpEdit(String column1, String column2, LocalDate date, CareSetting setting) {
        return ptpEdits(List.of(column1, column2), date, setting).stream()
                .filter(e -> e.column1().equals(normalize(column1)) && e.column2().equals(normalize(column2)))
                .findFirst();
    }

    /**
     * Every PTP edit in effect on the date whose column 1 and column 2 codes are both among {@code codes}. The edits
     * of each column 1 code are read once (one indexed query for all codes not read yet) and kept until the next
     * reload. DME supplier claims have no PTP table: empty.
     */
    public List<PtpEdit> ptpEdits(Collection<String> codes, LocalDate date, CareSetting setting) {
        EditDataset dataset = switch (setting) {
            case PRACTITIONER -> EditDataset.PTP_PRACTITIONER;
            case OUTPATIENT_HOSPITAL -> EditDataset.PTP_OUTPATIENT_HOSPITAL;
            case DME_SUPPLIER -> null;
        };
        Snapshot snap = snapshot;
        List<Long> rel = dataset == null ? List.of() : idsOf(snap.releaseIds(), dataset);
        if (rel.isEmpty() || codes.size() < 2) {
            return List.of();
        }
        Set<String> wanted = new LinkedHashSet<>();
        codes.forEach(c -> wanted.add(normalize(c)));
        Map<String, List<PtpEdit>> cache = snap.ptpByColumn1().get(setting);
        List<String> missing = wanted.stream().filter(c -> !cache.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            loadPtp(missing, rel, snap.releases().get(dataset.id()), setting, cache);
        }
        List<PtpEdit> out = new ArrayList<>();
        for (String c1 : wanted) {
            for (PtpEdit e : cache.getOrDefault(c1, List.of())) {
                if (wanted.contains(e.column2()) && e.activeOn(date)) {
                    out.add(e);
                }
            }
        }
        out.sort(Comparator.comparing(PtpEdit::column1).thenComparing(PtpEdit::column2));
        return out;
    }

    private void loadPtp(List<String> column1Codes, List<Long> rel, EditRelease release, CareSetting setting,
                         Map<String, List<PtpEdit>> cache) {
        Map<String, List<PtpEdit>> loaded = new HashMap<>();
        column1Codes.forEach(c -> loaded.put(c, new ArrayList<>()));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select column1, column2, before_1996, effective_date, "
                     + "deletion_date, modifier_ind, rationale from codes.ncci_ptp where column1 = any(?) "
                     + "and release_id = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", column1Codes.toArray()));
            ps.setArray(2, c.createArrayOf("bigint", rel.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    loaded.get(rs.getString(1)).add(new PtpEdit(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                            date(rs, 4), date(rs, 5), rs.getInt(6), rs.getString(7), setting, release));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PTP lookup failed", e);
        }
        if (cache.size() > PTP_CACHE_CODES) {
            cache.clear();
        }
        loaded.forEach((k, v) -> cache.put(k, List.copyOf(v)));
    }
}
