package com.casecoding.codes.edits;

import com.casecoding.codes.imports.ImportOutcome;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.imports.ImportSummary;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Imports the fixture files through the import framework and reads them back through {@link EditTables}. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class EditImportTest {

    @Inject
    ImportRunner runner;

    @Inject
    EditTables tables;

    @Inject
    DataSource dataSource;

    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        EditTestData.clean(dataSource, tables);
    }

    private static ImportOutcome outcome(ImportSummary s, String dataset) {
        return s.files().stream().filter(o -> o.dataset().equals(dataset)).findFirst().orElseThrow();
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyFixtureBecomesAReleaseAndIsQueryable() {
        ImportSummary s = runner.importPaths(List.of(EditTestData.writeFixtures(dir)), "test");
        assertEquals(7, s.stored(), s.toString());
        assertEquals("2026Q1", outcome(s, "mue-practitioner").version());
        assertEquals(LocalDate.of(2026, 1, 1), outcome(s, "ptp-practitioner").effectiveDate());
        assertEquals(7, outcome(s, "ptp-practitioner").rows());

        MueEntry mue = tables.mue("20610", CareSetting.PRACTITIONER).orElseThrow();
        assertEquals(2, mue.value());
        assertEquals(1, mue.adjudicationIndicator());
        assertFalse(mue.perDateOfService());
        assertEquals(0, tables.mue("a4206", CareSetting.DME_SUPPLIER).orElseThrow().value());
        assertTrue(tables.mue("20610", CareSetting.OUTPATIENT_HOSPITAL).isEmpty());

        assertEquals(List.of("37224", "37225"), tables.addOnPrimaries("37252").stream().map(AddOnEdit::primaryCode).toList());
        assertEquals(List.of("37224"), tables.addOnPrimaries("37252", LocalDate.of(2026, 4, 1)).stream()
                .map(AddOnEdit::primaryCode).toList());
        assertTrue(tables.isAddOn("37253"));
        assertTrue(tables.addOnsOf("37252").contains("37253"));

        PtpEdit edit = tables.ptpEdit("11042", "97597", LocalDate.of(2026, 4, 1)).orElseThrow();
        assertEquals(1, edit.modifierIndicator());
        assertTrue(tables.ptpEdit("99213", "36415", LocalDate.of(2024, 1, 1)).isEmpty(), "deleted 2023-12-31");
        assertTrue(tables.ptpEdit("99213", "36415", LocalDate.of(2023, 12, 31)).isPresent(), "deletion date inclusive");
        assertTrue(tables.ptpEdit("29881", "29880", LocalDate.of(2026, 4, 1)).isEmpty(), "not yet effective");

        Payment p = tables.payment("99213", "01112-54").orElseThrow();
        // national: (1.00 + 2.00 + 0.10) x 30 = 93.00; Bakersfield fixture: (1.00 x 1.02 + 2.00 x 1.10 + 0.10 x 0.65) x 30 = 98.55
        assertEquals(new BigDecimal("93.00"), p.nationalFee().nonFacility());
        assertEquals(new BigDecimal("98.55"), p.localityFee().nonFacility());
        assertEquals(List.of("KERN"), tables.locality("01112/54").orElseThrow().counties());
    }

    @Test
    void theSameFileAgainChangesNothing() throws Exception {
        runner.importPaths(List.of(EditTestData.writeFixtures(dir, Fixtures.MUE_PRACTITIONER)), "test");
        long releases = count("select count(*) from codes.code_release where dataset = 'mue-practitioner'");
        long rows = count("select count(*) from codes.ncci_mue");
        ImportSummary again = runner.importPaths(List.of(dir), "test");
        assertEquals("unchanged", again.files().get(0).status());
        assertEquals(releases, count("select count(*) from codes.code_release where dataset = 'mue-practitioner'"));
        assertEquals(rows, count("select count(*) from codes.ncci_mue"));
    }

    @Test
    void aMalformedFileIsRefusedWithLineAndNothingIsKept() throws Exception {
        String good = Fixtures.text(Fixtures.AOC);
        Files.writeString(dir.resolve(Fixtures.AOC), good + "1,37253,,37252,,20180010,,\n");
        ImportSummary s = runner.importPaths(List.of(dir), "test");
        ImportOutcome o = s.files().get(0);
        assertEquals("refused", o.status());
        assertEquals(8L, o.line());
        assertTrue(o.reason().contains("AOC_Edit_EffDT"), o.reason());
        assertEquals(0, count("select count(*) from codes.code_release where dataset = 'ncci-aoc'"));
        assertEquals(0, count("select count(*) from codes.ncci_aoc"));
        assertFalse(tables.isAddOn("37253"));
    }

    @Test
    void ptpPartsFormOneRelease() throws Exception {
        String text = Fixtures.text(Fixtures.PTP);
        Files.writeString(dir.resolve("ccipra-v320r0-f1.TXT"), text, java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("ccipra-v320r0-f2.TXT"), text.replace("11042\t97597", "11043\t97598"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        ImportSummary s = runner.importPaths(List.of(dir), "test");
        assertEquals(1, s.files().size(), s.toString());
        assertEquals(14, s.files().get(0).rows());
        assertTrue(tables.ptpEdit("11043", "97598", LocalDate.of(2026, 1, 2)).isPresent());
        assertTrue(tables.ptpEdit("11042", "97597", LocalDate.of(2026, 1, 2)).isPresent());
    }
}
