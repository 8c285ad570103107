package com.casecoding.codes.reference;

import com.casecoding.codes.release.ImportCompleted;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CMS-HCC mappings, the MS-DRG definitions and the Place of Service list of the loaded releases, in memory (a few
 * tens of thousands of rows) and reloaded after every import that stored one of them. Readers get one consistent
 * snapshot; a reload builds a new one and swaps it in whole. "Newest" is the latest effective date, then the highest
 * version (so CMS's second release of a payment year, {@code P2M}, wins over {@code P1M}).
 */
@ApplicationScoped
public class ReferenceTables {

    private static final Logger LOG = Logger.getLogger(ReferenceTables.class);

    @Inject
    DataSource dataSource;

    /** One payment year's table of one CMS-HCC model. */
    public record HccTable(String model, int paymentYear, RefRelease release, Map<String, int[]> hccsByCode) {

        /** The HCCs of the code (empty: the code maps to none in this table). */
        public int[] hccs(String code) {
            return hccsByCode.getOrDefault(code, new int[0]);
        }
    }

    public record Drg(int number, String mdc, Character type, String title) {

        public String display() {
            return DrgNumbers.display(number);
        }

        public String typeLabel() {
            return type == null ? null : type == 'P' ? "surgical" : "medical";
        }
    }

    /** A diagnosis of Appendix G (cc) or H (mcc); {@code aliveOnly}: Appendix H Part 2. */
    public record Severity(String code, String level, boolean aliveOnly, String title) {
    }

    /** One line of a HAC category's criteria lists. */
    public record HacEntry(String hac, String hacTitle, int criterion, String part, String system, String code,
                           String severity, boolean nonOr) {
    }

    public record MsDrg(RefRelease release, String version, int fiscalYear, Map<Integer, Drg> drgs,
                        Map<String, Severity> severity, Map<String, List<HacEntry>> hacByCode,
                        Map<String, List<HacEntry>> hacByCategory) {

        public boolean hasSeverityLists() {
            return !severity.isEmpty();
        }

        public boolean hasHacList() {
            return !hacByCategory.isEmpty();
        }

        public List<HacEntry> hac(String system, String code) {
            return hacByCode.getOrDefault(system + "|" + code, List.of());
        }
    }

    public record Pos(RefRelease release, Map<String, String> names) {
    }

    record Snapshot(Map<String, List<HccTable>> hccByModel, MsDrg msdrg, Pos pos) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), null, null);
    }

    private volatile Snapshot snapshot = Snapshot.EMPTY;

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    // before the code page drops its cached pages (default priority), so no page is rebuilt from the old tables;
    // after any import (a fraction of a second), so a release replaced or removed with another dataset never lingers
    void onImport(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) ImportCompleted event) {
        reload();
    }

    /** CMS-HCC models with a loaded table ({@code V24}, {@code V28}), each with its tables newest first. */
    public Map<String, List<HccTable>> hccModels() {
        return snapshot.hccByModel();
    }

    /** The newest loaded table of a model ({@code V28} or {@code v28}). */
    public Optional<HccTable> hcc(String model) {
        List<HccTable> tables = snapshot.hccByModel().get(model.toUpperCase(java.util.Locale.ROOT));
        return tables == null || tables.isEmpty() ? Optional.empty() : Optional.of(tables.get(0));
    }

    public Optional<MsDrg> msdrg() {
        return Optional.ofNullable(snapshot.msdrg());
    }

    public Optional<Pos> placesOfService() {
        return Optional.ofNullable(snapshot.pos());
    }

    private record ReleaseRow(long id, String dataset, String version, LocalDate effective, String file) {
    }

    /** Re-reads every table of the newest releases; one load at a time. */
    public synchronized void reload() {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            List<ReleaseRow> releases = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select id, dataset, version, effective_date, source_file from codes.code_release
                    where dataset like 'cms-hcc-v%' or dataset in ('msdrg', 'pos')
                    order by dataset, effective_date desc, version desc, id desc""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    releases.add(new ReleaseRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5)));
                }
            }
            // V24 before V28 (by model number)
            Map<String, List<HccTable>> hcc = new TreeMap<>(java.util.Comparator.comparingInt(
                    (String m) -> Integer.parseInt(m.substring(1))));
            MsDrg msdrg = null;
            Pos pos = null;
            for (ReleaseRow r : releases) {
                Optional<String> model = ReferenceDatasets.hccModel(r.dataset());
                if (model.isPresent()) {
                    hcc.computeIfAbsent(model.get(), k -> new ArrayList<>()).add(loadHcc(c, r, model.get()));
                } else if (r.dataset().equals(ReferenceDatasets.MSDRG) && msdrg == null) {
                    msdrg = loadMsDrg(c, r);
                } else if (r.dataset().equals(ReferenceDatasets.POS) && pos == null) {
                    pos = loadPos(c, r);
                }
            }
            hcc.replaceAll((k, v) -> List.copyOf(v));
            snapshot = new Snapshot(java.util.Collections.unmodifiableMap(hcc), msdrg, pos);
            LOG.infof("reference tables loaded in %d ms: HCC models %s, MS-DRG %s, POS %s",
                    (System.nanoTime() - start) / 1_000_000, hcc.keySet(),
                    msdrg == null ? "none" : msdrg.version(), pos == null ? "none" : pos.release().version());
        } catch (SQLException e) {
            throw new IllegalStateException("loading the reference tables failed", e);
        }
    }

    private static HccTable loadHcc(Connection c, ReleaseRow r, String model) throws SQLException {
        int year = r.effective().getYear(); // a payment year starts on January 1
        Map<String, int[]> map = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select code, hcc from codes.hcc_mapping where release_id = ? order by code, hcc")) {
            ps.setLong(1, r.id());
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    map.merge(rs.getString(1), new int[]{rs.getInt(2)}, ReferenceTables::concat);
                }
            }
        }
        RefRelease release = new RefRelease(r.dataset(), r.version(), r.effective(),
                "CMS-HCC " + model + ", payment year " + year, r.file());
        return new HccTable(model, year, release, Map.copyOf(map));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static MsDrg loadMsDrg(Connection c, ReleaseRow r) throws SQLException {
        Map<Integer, Drg> drgs = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select drg, mdc, drg_type, title from codes.msdrg_drg where release_id = ? order by drg")) {
            ps.setLong(1, r.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(3);
                    drgs.put(rs.getInt(1), new Drg(rs.getInt(1), rs.getString(2),
                            type == null ? null : type.charAt(0), rs.getString(4)));
                }
            }
        }
        Map<String, Severity> severity = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select code, level, alive_only, title from codes.msdrg_dx_severity where release_id = ?")) {
            ps.setLong(1, r.id());
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    severity.put(rs.getString(1), new Severity(rs.getString(1), rs.getString(2).intern(),
                            rs.getBoolean(3), rs.getString(4)));
                }
            }
        }
        Map<String, List<HacEntry>> byCode = new HashMap<>();
        Map<String, List<HacEntry>> byCategory = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select hac, hac_title, criterion, part, system, code, severity, non_or from codes.msdrg_hac
                where release_id = ? order by seq""")) {
            ps.setLong(1, r.id());
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    HacEntry e = new HacEntry(rs.getString(1).intern(), rs.getString(2).intern(), rs.getInt(3),
                            rs.getString(4).intern(), rs.getString(5).intern(), rs.getString(6), rs.getString(7),
                            rs.getBoolean(8));
                    byCode.computeIfAbsent(e.system() + "|" + e.code(), k -> new ArrayList<>(1)).add(e);
                    byCategory.computeIfAbsent(e.hac(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        int fiscalYear = MsDrgVersion.parse(r.version()).map(MsDrgVersion::fiscalYear).orElse(0);
        RefRelease release = new RefRelease(r.dataset(), r.version(), r.effective(),
                "MS-DRG " + r.version() + " (fiscal year " + fiscalYear + ")", r.file());
        byCode.replaceAll((k, list) -> List.copyOf(list));
        byCategory.replaceAll((k, list) -> List.copyOf(list));
        return new MsDrg(release, r.version(), fiscalYear, java.util.Collections.unmodifiableMap(drgs),
                Map.copyOf(severity), Map.copyOf(byCode), java.util.Collections.unmodifiableMap(byCategory));
    }

    private static Pos loadPos(Connection c, ReleaseRow r) throws SQLException {
        Map<String, String> names = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select code, name from codes.place_of_service where release_id = ? order by code")) {
            ps.setLong(1, r.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        boolean undated = r.effective().equals(LocalDate.EPOCH);
        RefRelease release = new RefRelease(r.dataset(), r.version(), undated ? null : r.effective(),
                "CMS Place of Service code set" + (undated ? " (the loaded list states no date)"
                        : " as of " + r.version()), r.file());
        return new Pos(release, java.util.Collections.unmodifiableMap(names));
    }
}
