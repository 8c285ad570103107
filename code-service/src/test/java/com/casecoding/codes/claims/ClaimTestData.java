package com.casecoding.codes.claims;

import com.casecoding.codes.catalog.CodeCatalog;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Small code-set releases written for the claim tests (our own rows, invented descriptors), inserted straight into
 * the code tables: release A (2026-01-01 to 2026-02-28), release B (2026-03-01 to 2026-06-30) without the codes that
 * were "deleted", release C (2026-07-01 to 2026-12-31) with a code not yet effective on the test dates.
 */
public final class ClaimTestData {

    static final String MARK = "claims-test";
    static final List<String> CPT = List.of("99213", "99214", "11042", "97597", "20610", "20604", "36415", "97110",
            "37253", "36221", "27447", "99291", "99292", "0984T", "29881", "29880", "93000", "93010", "93005", "99215",
            "99417", "99381", "36416", "80053", "71046", "3044F");
    static final List<String> HCPCS = List.of("G0008", "J1885", "E0110", "A4206", "A6460", "G2212");
    static final List<String> ICD = List.of("E119", "I10", "M1711", "Z0000");
    static final List<String> ICD_HEADERS = List.of("E11", "M17");
    /** CPT modifiers (two digits) come with the CPT release. */
    static final List<String> CPT_MODIFIERS = List.of("24", "25", "26", "50", "51", "57", "58", "59", "62", "66", "78",
            "79", "80", "81", "82");
    static final List<String> MODIFIERS = List.of("RT", "LT", "XE", "XS", "XP", "XU", "GA", "F1", "F2", "TC", "AS");

    private ClaimTestData() {
    }

    public static void install(DataSource ds, CodeCatalog catalog) {
        remove(ds);
        try (Connection c = ds.getConnection()) {
            for (String system : List.of("cpt", "hcpcs", "icd10cm")) {
                long a = release(c, system, "A", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28));
                long b = release(c, system, "B", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 30));
                long cc = release(c, system, "C", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31));
                List<String> codes = switch (system) {
                    case "cpt" -> CPT;
                    case "hcpcs" -> HCPCS;
                    default -> ICD;
                };
                for (long r : List.of(a, b, cc)) {
                    for (String code : codes) {
                        entry(c, r, system, code, false);
                    }
                    if (system.equals("icd10cm")) {
                        for (String code : ICD_HEADERS) {
                            entry(c, r, system, code, true);
                        }
                    }
                    if (system.equals("cpt")) {
                        for (String code : CPT_MODIFIERS) {
                            entry(c, r, "modifier", code, false);
                        }
                    }
                    if (system.equals("hcpcs")) { // Level II modifiers come with the HCPCS release
                        for (String code : MODIFIERS) {
                            entry(c, r, "modifier", code, false);
                        }
                    }
                }
                switch (system) {
                    case "cpt" -> {
                        // numbers no real NCCI 2026Q2 file names, so the CPT list derived from those files agrees
                        entry(c, a, system, "0042T", false);   // deleted effective 2026-03-01
                        entry(c, cc, system, "0104T", false);  // effective 2026-07-01
                    }
                    case "hcpcs" -> entry(c, a, "modifier", "SF", false); // terminated effective 2026-03-01
                    default -> { }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        catalog.invalidate();
    }

    public static void remove(DataSource ds, CodeCatalog catalog) {
        remove(ds);
        catalog.invalidate();
    }

    public static void remove(DataSource ds) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from codes.code_release where source_file = ?")) {
            ps.setString(1, MARK);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A release applying from {@code effective} to {@code until}: the next one follows without a gap. */
    private static long release(Connection c, String system, String version, LocalDate effective, LocalDate until)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into codes.code_release (dataset, version, effective_date, "
                + "source_file, source_sha256, row_count, valid_from, valid_to) values (?, ?, ?, ?, ?, 0, ?, ?) "
                + "returning id")) {
            ps.setDate(6, Date.valueOf(effective));
            ps.setDate(7, Date.valueOf(until));
            ps.setString(1, system);
            ps.setString(2, MARK + "-" + version);
            ps.setDate(3, Date.valueOf(effective));
            ps.setString(4, MARK);
            ps.setString(5, (MARK + system + version).repeat(3).substring(0, 40));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void entry(Connection c, long release, String system, String code, boolean header) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into codes.code_entry (release_id, system, code, header, "
                + "short_title, long_title, seq) values (?, ?, ?, ?, ?, ?, 0)")) {
            ps.setLong(1, release);
            ps.setString(2, system);
            ps.setString(3, code);
            ps.setBoolean(4, header);
            ps.setString(5, "Test descriptor for code " + code);
            ps.setString(6, "Test descriptor for code " + code);
            ps.executeUpdate();
        }
    }
}
