package com.casecoding.codes.imports;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports every code-set file of {@code ../shared/data} and checks facts read from those files (PROVENANCE.md counts,
 * titles, billable flags) and that the derived history reproduces the FY2025 ICD-10-CM addenda. Skips without the data.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealDataImportTest {

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    ImportSummary first;

    @BeforeAll
    void importEverything() {
        Path data = CodesTestData.sharedDataOrSkip();
        CodesTestData.reset(dataSource);
        first = runner.importPaths(List.of(data), "test");
    }

    @Test
    @Order(1)
    void everyCodeSetFileIsImported() {
        assertEquals(0, first.failed(), () -> "refused or failed: " + first.files());
        Map<String, Long> rows = new HashMap<>();
        first.files().forEach(o -> rows.put(o.dataset() + " " + o.version(), o.rows()));
        // data rows per PROVENANCE.md
        assertEquals(97296L, rows.get("icd10cm FY2024"));
        assertEquals(97584L, rows.get("icd10cm FY2025"));
        assertEquals(78603L, rows.get("icd10pcs FY2024"));
        assertEquals(78948L, rows.get("icd10pcs FY2025"));
        assertEquals(78992L, rows.get("icd10pcs FY2021"));
        assertEquals(603L, rows.get("icd10cm-addenda FY2024"));
        assertEquals(388L, rows.get("icd10cm-addenda FY2025"));
        assertEquals(111L, rows.get("icd10pcs-addenda FY2024"));
        assertEquals(432L, rows.get("icd10pcs-addenda FY2025"));
        assertEquals(553L, rows.get("icd10pcs-addenda FY2021"));
        assertEquals(8259L + 383L, rows.get("hcpcs 2025-JAN"));
        assertEquals(14567L, rows.get("icd9cm v32"));
        assertEquals(3882L, rows.get("icd9pcs v32"));
        assertEquals(81593L, rows.get("gem-dx-i10-i9 FY2018"));
        assertEquals(24860L, rows.get("gem-dx-i9-i10 FY2018"));
        assertEquals(101025L, rows.get("gem-pcs-i10-i9 FY2018"));
        assertEquals(73593L, rows.get("gem-pcs-i9-i10 FY2018"));
    }

    @Test
    @Order(2)
    void billableCountsMatchTheCodesFiles() {
        assertEquals(74044, count("select count(*) from codes.code_entry e join codes.code_release r on r.id = "
                + "e.release_id where r.dataset = 'icd10cm' and r.version = 'FY2024' and not e.header"));
        assertEquals(74260, count("select count(*) from codes.code_entry e join codes.code_release r on r.id = "
                + "e.release_id where r.dataset = 'icd10cm' and r.version = 'FY2025' and not e.header"));
        assertEquals(383, count("select count(*) from codes.code_entry e join codes.code_release r on r.id = "
                + "e.release_id where e.system = 'modifier' and r.dataset = 'hcpcs'"));
        // the CPT modifier numbers come with each CPT release derived from the CMS files (2025 and 2026Q2)
        assertEquals(2 * 39, count("select count(*) from codes.code_entry e join codes.code_release r on r.id = "
                + "e.release_id where e.system = 'modifier' and r.dataset = 'cpt'"));
        assertEquals(97584, count("select count(*) from codes.current_code_entry where system = 'icd10cm'"));
        // the FY2025 PCS codes file's 78,948 codes and the 908 tables they fall into (derived header rows)
        assertEquals(78948, count("select count(*) from codes.current_code_entry where system = 'icd10pcs' "
                + "and not header"));
        assertEquals(908, count("select count(*) from codes.current_code_entry where system = 'icd10pcs' and header"));
    }

    @Test
    @Order(3)
    void titlesAndFlagsFromTheFiles() throws SQLException {
        assertEntry("icd10cm", "FY2025", "E119", false, "Type 2 diabetes mellitus without complications");
        assertEntry("icd10cm", "FY2025", "E11", true, "Type 2 diabetes mellitus");
        assertEntry("icd10cm", "FY2025", "A000", false, "Cholera due to Vibrio cholerae 01, biovar cholerae");
        assertEntry("icd10cm", "FY2024", "A7741", false, "Ehrlichiosis chafeensis [E. chafeensis]");
        assertEntry("icd10cm", "FY2025", "A7741", false, "Ehrlichiosis chaffeensis [E. chaffeensis]");
        assertEntry("icd10pcs", "FY2025", "0016070", false,
                "Bypass Cerebral Ventricle to Nasopharynx with Autologous Tissue Substitute, Open Approach");
        assertEntry("hcpcs", "2025-JAN", "J1885", false, "Injection, ketorolac tromethamine, per 15 mg");
        // a long description continued on a record id 4
        assertEntry("hcpcs", "2025-JAN", "E0110", false, "Crutches, forearm, includes crutches of various "
                + "materials, adjustable or fixed, pair, complete with tips and handgrips");
        assertEntry("icd9cm", "v32", "0010", false, "Cholera due to vibrio cholerae");
        assertEntry("icd9pcs", "v32", "0001", false, "Therapeutic ultrasound of vessels of head and neck");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select short_title, attrs->>'betos', attrs->>'coverageCode', attrs->'pricingIndicators'->>0 "
                        + "from codes.code_entry where system = 'hcpcs' and code = 'J1885'")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("Ketorolac tromethamine inj", rs.getString(1));
                assertEquals("O1E", rs.getString(2));
                assertEquals("D", rs.getString(3));
                assertEquals("51", rs.getString(4));
            }
        }
        assertEquals(1, count("select count(*) from codes.gem_mapping where source_system = 'icd10cm' "
                + "and source_code = 'A000' and target_code = '0010' and not approximate and not no_map"));
    }

    @Test
    @Order(4)
    void derivedHistoryReproducesTheFy2025Addenda() throws SQLException {
        record Change(String change, Boolean oldHeader, Boolean newHeader, String newShort, String newLong) {
        }
        Map<String, Change> changes = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select ch.code, ch.change, ch.old_header, ch.new_header, ch.new_short_title, ch.new_long_title
                from codes.code_change ch join codes.code_release r on r.id = ch.release_id
                where ch.system = 'icd10cm' and r.version = 'FY2025'""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                changes.put(rs.getString(1), new Change(rs.getString(2), (Boolean) rs.getObject(3),
                        (Boolean) rs.getObject(4), rs.getString(5), rs.getString(6)));
            }
        }
        assertFalse(changes.isEmpty());
        Set<String> explained = new HashSet<>();
        int lines = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select a.action, a.code, a.header, a.short_title, a.long_title, a.line
                from codes.code_addendum a join codes.code_release r on r.id = a.release_id
                where r.dataset = 'icd10cm-addenda' and r.version = 'FY2025' order by a.line""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lines++;
                String action = rs.getString(1);
                String code = rs.getString(2);
                boolean header = rs.getBoolean(3);
                Change ch = changes.get(code);
                String where = "addenda line " + rs.getInt(6) + " " + action + " " + code;
                assertTrue(ch != null, where + ": no derived change");
                boolean flip = ch.change().equals("revised") && !ch.oldHeader().equals(ch.newHeader());
                switch (action) {
                    // a code that turned from billable into a header is published as Delete (1) + Add (0)
                    case "add" -> assertTrue(ch.change().equals("added") && ch.newHeader() == header
                            || flip && ch.newHeader() == header, where + " -> " + ch);
                    case "delete" -> assertTrue(ch.change().equals("deleted") && ch.oldHeader() == header
                            || flip && ch.oldHeader() == header, where + " -> " + ch);
                    case "revise_to" -> {
                        assertEquals("revised", ch.change(), where);
                        assertEquals(rs.getString(5), ch.newLong(), where);
                        assertEquals(rs.getString(4), ch.newShort(), where);
                    }
                    default -> assertEquals("revised", ch.change(), where);
                }
                explained.add(code);
            }
        }
        assertEquals(388, lines);
        assertEquals(explained, changes.keySet(), "every derived change is in the addenda and vice versa");
    }

    /**
     * The FY2025 ICD-10-PCS addenda count from the April 2024 update (78,638 codes), while the FY2024 file here is the
     * October 2023 release (78,603): every addenda line must be in the derived history, which also holds the April
     * changes (41 additions, 6 deletions, 3 revisions) that no loaded addenda lists.
     */
    @Test
    @Order(4)
    void derivedPcsHistoryContainsTheFy2025Addenda() {
        String addenda = "from codes.code_addendum a join codes.code_release r on r.id = a.release_id "
                + "where r.dataset = 'icd10pcs-addenda' and r.version = 'FY2025'";
        String changes = "from codes.code_change ch join codes.code_release r on r.id = ch.release_id "
                + "where ch.system = 'icd10pcs' and r.version = 'FY2025'";
        assertEquals(371, count("select count(*) " + addenda + " and a.action = 'add'"));
        assertEquals(61, count("select count(*) " + addenda + " and a.action = 'delete'"));
        String derived = "select 1 from codes.code_change c2 join codes.code_release r2 on r2.id = c2.release_id "
                + "where c2.system = 'icd10pcs' and r2.version = 'FY2025' and c2.code = a.code";
        assertEquals(0, count("select count(*) " + addenda + " and a.action = 'add' and not exists (" + derived
                + " and c2.change = 'added')"));
        assertEquals(0, count("select count(*) " + addenda + " and a.action = 'delete' and not exists (" + derived
                + " and c2.change = 'deleted')"));
        assertEquals(371 + 41, count("select count(*) " + changes + " and ch.change = 'added' and length(ch.code) = 7"));
        assertEquals(61 + 6, count("select count(*) " + changes + " and ch.change = 'deleted'"));
        assertEquals(3, count("select count(*) " + changes + " and ch.change = 'revised'"));
        // three tables gained their first codes in FY2025 (071, X28, XXA): added as tables, none deleted
        assertEquals(3, count("select count(*) " + changes + " and ch.change = 'added' and length(ch.code) = 3"));
    }

    @Test
    @Order(5)
    void importingTheSameFilesAgainChangesNothing() {
        long releases = count("select count(*) from codes.code_release");
        long entries = count("select count(*) from codes.code_entry");
        ImportSummary again = runner.importPaths(List.of(CodesTestData.sharedDataOrSkip()), "test");
        assertEquals(0, again.stored());
        assertTrue(again.files().stream().allMatch(o -> o.status().equals("unchanged")), again.files()::toString);
        assertEquals(releases, count("select count(*) from codes.code_release"));
        assertEquals(entries, count("select count(*) from codes.code_entry"));
    }

    private void assertEntry(String dataset, String version, String code, boolean header, String longTitle)
            throws SQLException {
        String system = dataset;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select e.header, e.long_title from codes.code_entry e join codes.code_release r on r.id = e.release_id
                where r.dataset = ? and r.version = ? and e.system = ? and e.code = ?""")) {
            ps.setString(1, dataset);
            ps.setString(2, version);
            ps.setString(3, system);
            ps.setString(4, code);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), code + " missing in " + dataset + " " + version);
                assertEquals(header, rs.getBoolean(1), code + " header flag");
                assertEquals(longTitle, rs.getString(2), code + " long title");
            }
        }
    }

    private long count(String sql) {
        return CodesTestData.count(dataSource, sql);
    }
}
