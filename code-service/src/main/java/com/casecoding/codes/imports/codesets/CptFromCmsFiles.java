package com.casecoding.codes.imports.codesets;

import com.casecoding.codes.release.CodeKinds;
import com.casecoding.codes.imports.ReleaseDeriver;
import com.casecoding.codes.release.ReleaseCalendar;
import com.casecoding.codes.release.ReleasePeriod;
import com.casecoding.common.codes.CodeSystem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * CPT code numbers from the CMS files, for installations without an AMA licence (and to complete a licensee's
 * list). Every CPT number that the Medicare Physician Fee Schedule RVU file, the NCCI MUE and add-on code files and
 * (when loaded) the NCCI PTP files name is a real code: it becomes an entry of a {@code cpt} release, without any
 * descriptor, with the files that name it, its fee schedule status and, where the add-on edits publish one, its
 * deletion date. The CPT modifier numbers ({@link CptModifiers}) are listed with them.
 * <ul>
 * <li>A year with a fee schedule (RVU) file: one release {@code 2025} for the calendar year, complete for CPT
 * Categories I, II and III (the fee schedule names all of them, with a status code even when Medicare does not pay
 * them) but not for PLA and MAAA codes, which it does not price.</li>
 * <li>A quarter with NCCI files only: a partial release {@code 2026Q2} for that quarter (those files name only
 * codes with edits: a code they leave out may still exist).</li>
 * <li>A year with a licensee's AMA release ({@code CPT2025/LONGULT.txt}): the CMS numbers it lacks are added to
 * it, so the licensed descriptors and the CMS facts describe the same entries.</li>
 * </ul>
 */
@ApplicationScoped
public class CptFromCmsFiles implements ReleaseDeriver {

    static final String MARK = "cms-files";
    private static final Set<String> SOURCES = Set.of("mpfs-rvu", "mue-practitioner", "mue-outpatient-hospital",
            "mue-dme-supplier", "ncci-aoc", "ptp-practitioner", "ptp-outpatient-hospital");
    private static final String FEE_SCHEDULE_KINDS = String.join(",", CodeKinds.CPT_CATEGORY_1,
            CodeKinds.CPT_CATEGORY_2, CodeKinds.CPT_CATEGORY_3, CodeKinds.MODIFIER);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Source(long id, String dataset, String version, ReleasePeriod period, String file) {
        String label() {
            return ReleaseCalendar.label(dataset) + " " + version;
        }
    }

    /** What a derived release is made of. {@code mergeInto}: the id of a licensee's release of the same year. */
    private record Target(String version, int year, ReleasePeriod period, String completeFor, List<Source> sources,
                          Long mergeInto) {
    }

    /** One CPT number as the CMS files name it. */
    private static final class Named {
        final Set<String> namedBy = new TreeSet<>();
        String mpfsStatus;
        LocalDate deleted;
        boolean namedWithoutDeletion;
        String deletionSource;
    }

    @Override
    public boolean dependsOn(Set<String> storedDatasets) {
        return storedDatasets.contains(CodeSystem.CPT.id()) || storedDatasets.stream().anyMatch(SOURCES::contains);
    }

    @Override
    public List<Derived> derive(Connection c) throws Exception {
        List<Source> sources = sources(c);
        Map<Integer, Long> licensed = licensedByYear(c);
        Map<String, Target> targets = targets(sources, licensed);
        Map<String, Long> existing = new HashMap<>();
        Map<String, String> existingSha = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, version, source_sha256 from codes.code_release where dataset = 'cpt' and derived");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                existing.put(rs.getString(2), rs.getLong(1));
                existingSha.put(rs.getString(2), rs.getString(3));
            }
        }
        List<Derived> out = new ArrayList<>();
        boolean changed = false;
        for (Map.Entry<String, Long> e : existing.entrySet()) {
            Target t = targets.get(e.getKey());
            if (t == null || t.mergeInto() != null) {
                delete(c, e.getValue());
                changed = true;
            }
        }
        for (Target t : targets.values()) {
            Map<String, Named> named = read(c, t.sources());
            if (t.mergeInto() != null) {
                out.add(merge(c, t, named));
                changed = true;
                continue;
            }
            List<String[]> rows = rows(named, t.year());
            String sha = checksum(t, rows);
            if (sha.equals(existingSha.get(t.version())) && existing.containsKey(t.version())) {
                continue; // the same numbers from the same files: unchanged
            }
            if (existing.containsKey(t.version())) {
                delete(c, existing.get(t.version()));
            }
            long id = insertRelease(c, t, sha, rows.size());
            copy(c, id, rows);
            out.add(new Derived(id, CodeSystem.CPT.id(), t.version(), t.period().from(), rows.size(),
                    sourcesText(t)));
            changed = true;
        }
        if (changed) {
            HistoryDeriver.rebuild(c, CodeSystem.CPT.id(), CodeSystem.CPT.id());
            HistoryDeriver.rebuild(c, CodeSystem.MODIFIER.id(), CodeSystem.CPT.id());
        }
        return out;
    }

    /** The loaded releases of the CMS files that name CPT codes. */
    private static List<Source> sources(Connection c) throws SQLException {
        List<Source> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, dataset, version, effective_date, valid_from, "
                + "valid_to, source_file from codes.code_release where dataset = any(?) order by effective_date, id")) {
            ps.setArray(1, c.createArrayOf("varchar", SOURCES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate from = rs.getObject(5, LocalDate.class);
                    ReleasePeriod period = from == null
                            ? ReleaseCalendar.periodOf(rs.getString(2), rs.getObject(4, LocalDate.class))
                            : new ReleasePeriod(from, rs.getObject(6, LocalDate.class));
                    out.add(new Source(rs.getLong(1), rs.getString(2), rs.getString(3), period, rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** A licensee's (or our numbers-only list's) CPT release per year: the version is the year. */
    private static Map<Integer, Long> licensedByYear(Connection c) throws SQLException {
        Map<Integer, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, version from codes.code_release where dataset = 'cpt' and not derived order by id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String v = rs.getString(2);
                if (v.matches("(19|20)\\d\\d")) {
                    out.put(Integer.parseInt(v), rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static Map<String, Target> targets(List<Source> sources, Map<Integer, Long> licensed) {
        Map<String, Target> out = new TreeMap<>();
        Map<Integer, List<Source>> byYear = sources.stream().collect(Collectors.groupingBy(
                s -> s.period().from().getYear(), TreeMap::new, Collectors.toList()));
        // a licensee's year without any CMS file still gets the modifier numbers
        licensed.keySet().forEach(year -> byYear.putIfAbsent(year, List.of()));
        for (Map.Entry<Integer, List<Source>> y : byYear.entrySet()) {
            int year = y.getKey();
            List<Source> ofYear = y.getValue();
            ReleasePeriod calendarYear = ReleaseCalendar.periodOf(CodeSystem.CPT.id(), LocalDate.of(year, 1, 1));
            if (licensed.containsKey(year)) {
                out.put(String.valueOf(year), new Target(String.valueOf(year), year, calendarYear, null, ofYear,
                        licensed.get(year)));
            } else if (ofYear.stream().anyMatch(s -> s.dataset().equals("mpfs-rvu"))) {
                out.put(String.valueOf(year), new Target(String.valueOf(year), year, calendarYear,
                        FEE_SCHEDULE_KINDS, ofYear, null));
            } else {
                Map<Integer, List<Source>> byQuarter = ofYear.stream().collect(Collectors.groupingBy(
                        s -> s.period().from().get(IsoFields.QUARTER_OF_YEAR), TreeMap::new, Collectors.toList()));
                for (Map.Entry<Integer, List<Source>> q : byQuarter.entrySet()) {
                    LocalDate from = q.getValue().stream().map(s -> s.period().from()).min(Comparator.naturalOrder())
                            .orElseThrow();
                    LocalDate to = q.getValue().stream().map(s -> s.period().to()).filter(d -> d != null)
                            .max(Comparator.naturalOrder()).orElse(null);
                    String version = year + "Q" + q.getKey();
                    out.put(version, new Target(version, year, new ReleasePeriod(from, to), CodeKinds.MODIFIER,
                            q.getValue(), null));
                }
            }
        }
        return out;
    }

    /** Every CPT number the sources name, with what they say about it. */
    private static Map<String, Named> read(Connection c, List<Source> sources) throws SQLException {
        Map<String, Named> out = new TreeMap<>();
        Map<Long, Source> byId = new HashMap<>();
        sources.forEach(s -> byId.put(s.id(), s));
        Map<String, List<Long>> ids = new HashMap<>();
        sources.forEach(s -> ids.computeIfAbsent(s.dataset(), k -> new ArrayList<>()).add(s.id()));
        // newest fee schedule revision first: its status code is the one kept
        List<Long> rvu = ids.getOrDefault("mpfs-rvu", List.of()).stream()
                .sorted(Comparator.comparing((Long id) -> byId.get(id).period().from()).reversed()).toList();
        for (Long id : rvu) {
            each(c, "select hcpcs, modifier, status_code from codes.mpfs_rvu where release_id = ? "
                    + "order by hcpcs, modifier", id, rs -> {
                Named n = named(out, rs.getString(1));
                if (n != null) {
                    n.namedBy.add(byId.get(id).label());
                    n.namedWithoutDeletion = true;
                    if (n.mpfsStatus == null) { // the row without modifier sorts first
                        n.mpfsStatus = rs.getString(3);
                    }
                }
            });
        }
        for (String mue : List.of("mue-practitioner", "mue-outpatient-hospital", "mue-dme-supplier")) {
            for (Long id : ids.getOrDefault(mue, List.of())) {
                each(c, "select code from codes.ncci_mue where release_id = ?", id, rs -> {
                    Named n = named(out, rs.getString(1));
                    if (n != null) {
                        n.namedBy.add(byId.get(id).label());
                        n.namedWithoutDeletion = true;
                    }
                });
            }
        }
        for (Long id : ids.getOrDefault("ncci-aoc", List.of())) {
            String label = byId.get(id).label();
            each(c, "select addon_code, addon_deleted, primary_code, primary_deleted from codes.ncci_aoc "
                    + "where release_id = ?", id, rs -> {
                aocCode(out, rs.getString(1), rs.getObject(2, LocalDate.class), label, "add-on code");
                aocCode(out, rs.getString(3), rs.getObject(4, LocalDate.class), label, "primary code");
            });
        }
        for (String ptp : List.of("ptp-practitioner", "ptp-outpatient-hospital")) {
            for (Long id : ids.getOrDefault(ptp, List.of())) {
                each(c, "select column1 from codes.ncci_ptp where release_id = ? union "
                        + "select column2 from codes.ncci_ptp where release_id = ?", id, rs -> {
                    Named n = named(out, rs.getString(1));
                    if (n != null) {
                        n.namedBy.add(byId.get(id).label());
                        n.namedWithoutDeletion = true;
                    }
                });
            }
        }
        return out;
    }

    private static void aocCode(Map<String, Named> out, String code, LocalDate deleted, String label, String role) {
        Named n = named(out, code);
        if (n == null) {
            return;
        }
        n.namedBy.add(label);
        if (deleted == null) {
            n.namedWithoutDeletion = true;
        } else if (n.deleted == null || deleted.isAfter(n.deleted)) {
            n.deleted = deleted;
            n.deletionSource = label + ": deletion date of the " + role + " (" + deleted + ")";
        }
    }

    /** The entry of a CPT number (null for anything else the files list: HCPCS Level II codes, CCCCC). */
    private static Named named(Map<String, Named> out, String code) {
        if (code == null || !CodeSystem.CPT.accepts(code)) {
            return null;
        }
        return out.computeIfAbsent(code, k -> new Named());
    }

    /** The rows of a release: {system, code, parent, attrs}, CPT numbers then modifiers, sorted. */
    private static List<String[]> rows(Map<String, Named> named, int year) {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, Named> e : named.entrySet()) {
            Named n = e.getValue();
            ObjectNode a = JSON.createObjectNode();
            a.put("derivedBy", MARK);
            n.namedBy.forEach(a.putArray("namedBy")::add);
            if (n.mpfsStatus != null) {
                a.put("mpfsStatus", n.mpfsStatus);
            }
            if (n.deleted != null && !n.namedWithoutDeletion) {
                // every row of the files that names it carries a deletion date: the code is deleted
                a.put("terminationDate", n.deleted.toString());
                a.put("terminationSource", n.deletionSource);
            }
            rows.add(new String[]{CodeSystem.CPT.id(), e.getKey(), e.getKey().substring(0, 3), a.toString()});
        }
        for (String m : CptModifiers.inYear(year)) {
            rows.add(new String[]{CodeSystem.MODIFIER.id(), m, null, "{\"derivedBy\":\"" + MARK + "\"}"});
        }
        return rows;
    }

    private static String checksum(Target t, List<String[]> rows) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((t.version() + "|" + t.period() + "|" + t.completeFor() + "\n").getBytes(StandardCharsets.UTF_8));
            for (String[] r : rows) {
                d.update(String.join("|", r[0], r[1], r[3]).getBytes(StandardCharsets.UTF_8));
                d.update((byte) '\n');
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sourcesText(Target t) {
        return "CPT numbers named by " + t.sources().stream().map(Source::label).distinct()
                .collect(Collectors.joining(", "));
    }

    private static long insertRelease(Connection c, Target t, String sha, int rows) throws SQLException {
        String files = "CMS files: " + t.sources().stream().map(Source::file).distinct()
                .collect(Collectors.joining(", "));
        String note = (t.completeFor().equals(CodeKinds.MODIFIER)
                ? "a partial list: the CPT numbers that " : "the CPT numbers that ")
                + t.sources().stream().map(Source::label).distinct().collect(Collectors.joining(", "))
                + " name; no AMA licence, so no descriptors"
                + (t.completeFor().equals(CodeKinds.MODIFIER) ? ""
                : "; complete for CPT Categories I, II and III, not for PLA and MAAA codes");
        try (PreparedStatement ps = c.prepareStatement("""
                insert into codes.code_release (dataset, version, effective_date, source_file, source_sha256,
                    row_count, imported_at, note, valid_from, valid_to, complete_for, derived)
                values ('cpt', ?, ?, ?, ?, ?, now(), ?, ?, ?, ?, true) returning id""")) {
            ps.setString(1, t.version());
            ps.setObject(2, t.period().from());
            ps.setString(3, files.length() > 400 ? files.substring(0, 397) + "..." : files);
            ps.setString(4, sha);
            ps.setInt(5, rows);
            ps.setString(6, note);
            ps.setObject(7, t.period().from());
            ps.setObject(8, t.period().to());
            ps.setString(9, t.completeFor());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Adds to a licensee's release the CMS numbers (and modifiers) it lacks; earlier additions are replaced. */
    private Derived merge(Connection c, Target t, Map<String, Named> named) throws SQLException {
        long id = t.mergeInto();
        try (PreparedStatement ps = c.prepareStatement(
                "delete from codes.code_entry where release_id = ? and attrs ->> 'derivedBy' = ?")) {
            ps.setLong(1, id);
            ps.setString(2, MARK);
            ps.executeUpdate();
        }
        Set<String> present = new HashSet<>();
        each(c, "select system || '|' || code from codes.code_entry where release_id = ?", id,
                rs -> present.add(rs.getString(1)));
        List<String[]> missing = rows(named, t.year()).stream()
                .filter(r -> !present.contains(r[0] + "|" + r[1])).toList();
        copy(c, id, missing);
        return new Derived(id, CodeSystem.CPT.id(), t.version(), t.period().from(), missing.size(),
                sourcesText(t) + ", added to the licensed CPT " + t.version());
    }

    private static void delete(Connection c, long releaseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from codes.code_release where id = ?")) {
            ps.setLong(1, releaseId);
            ps.executeUpdate();
        }
    }

    private static void copy(Connection c, long releaseId, List<String[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY codes.code_entry (release_id, system, "
                + "code, header, parent_code, seq, attrs) FROM STDIN");
        try {
            StringBuilder b = new StringBuilder(rows.size() * 96);
            int seq = 0;
            for (String[] r : rows) {
                b.append(releaseId).append('\t').append(r[0]).append('\t').append(r[1]).append("\tf\t")
                        .append(r[2] == null ? "\\N" : r[2]).append('\t').append(++seq).append('\t')
                        .append(r[3].replace("\\", "\\\\")).append('\n');
            }
            byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void each(Connection c, String sql, long id, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            if (sql.chars().filter(ch -> ch == '?').count() > 1) {
                ps.setLong(2, id);
            }
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }
}
