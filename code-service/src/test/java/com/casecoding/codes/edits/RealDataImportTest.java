package com.casecoding.codes.edits;

import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.ImportOutcome;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.imports.ImportSummary;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Imports the real CY2025 RVU/GPCI/locality files and the 2026 Q2 MUE and add-on edit files from ../shared/data and
 * checks facts a coder can verify in the CMS files. Skipped when the data folder is absent.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class RealDataImportTest {

    @Inject
    ImportRunner runner;

    @Inject
    EditTables tables;

    @Inject
    DataSource dataSource;

    @Test
    void realTablesImportOnceAndAnswerWithCmsFacts() {
        CodesTestData.sharedDataOrSkip();
        EditTestData.clean(dataSource, tables);
        ImportSummary s = EditTestData.importReal(runner);
        Map<String, Long> rows = s.files().stream().filter(ImportOutcome::stored)
                .collect(Collectors.toMap(ImportOutcome::dataset, ImportOutcome::rows));
        assertEquals(Map.of("mpfs-rvu", 19090L, "mpfs-gpci", 109L, "mpfs-locality", 110L,
                "mue-practitioner", 15095L, "mue-outpatient-hospital", 15045L, "mue-dme-supplier", 3083L,
                "ncci-aoc", 9000L), rows, s.toString());
        System.out.printf("full import of the real payment and edit files: %d ms%n", s.millis());
        // the add-on edits come from the CMS workbook itself; its CSV export beside it is not read
        assertTrue(s.files().stream().anyMatch(o -> o.dataset().equals("ncci-aoc") && o.stored()
                && o.file().endsWith("AOC_V2026Q2-MCR.xlsx")), s.toString());

        // MUE: 11042 = 1 unit, date-of-service policy edit; 99213 = 2, clinical; 36415 = 2 in outpatient hospital
        MueEntry debridement = tables.mue("11042", CareSetting.PRACTITIONER).orElseThrow();
        assertEquals(1, debridement.value());
        assertEquals(2, debridement.adjudicationIndicator());
        assertEquals(2, tables.mue("99213", CareSetting.PRACTITIONER).orElseThrow().value());
        assertEquals(3, tables.mue("99213", CareSetting.PRACTITIONER).orElseThrow().adjudicationIndicator());
        assertEquals(2, tables.mue("36415", CareSetting.OUTPATIENT_HOSPITAL).orElseThrow().value());
        assertEquals("2026Q2", debridement.release().version());

        // add-on 37253: type 1, 249 rows; 36221 eligible in 2026, 37220 deleted 2025-12-31, 37252 ended 2019-12-31
        LocalDate dos = LocalDate.of(2026, 4, 15);
        List<String> primaries = tables.addOnPrimaries("37253", dos).stream().map(AddOnEdit::primaryCode).toList();
        assertEquals(249, tables.addOnPrimaries("37253").size());
        assertTrue(primaries.contains("36221"));
        assertTrue(primaries.contains("37254"));
        assertFalse(primaries.contains("37220"));
        assertFalse(primaries.contains("37252"));
        assertTrue(tables.addOnPrimaries("37253", LocalDate.of(2019, 6, 1)).stream()
                .anyMatch(e -> e.primaryCode().equals("37252")));
        assertEquals(List.of("99291"), tables.addOnPrimaries("99292").stream().map(AddOnEdit::primaryCode).toList());
        assertTrue(tables.addOnPrimaries("0054T").get(0).contractorDefined());
        assertTrue(tables.addOnsOf("99291").contains("99292"));

        // fee of 99213 (work 1.30, non-facility PE 1.35, facility PE 0.57, MP 0.10, CF 32.3465)
        // national non-facility: 2.75 x 32.3465 = 88.95; facility: 1.97 x 32.3465 = 63.72
        // Bakersfield (01112-54: 1.017 / 1.093 / 0.662): (1.3221 + 1.47555 + 0.0662) x 32.3465 = 92.64,
        //   facility (1.3221 + 0.62301 + 0.0662) x 32.3465 = 65.06
        Payment p = tables.payment("99213", "01112-54").orElseThrow();
        assertEquals(new BigDecimal("88.95"), p.nationalFee().nonFacility());
        assertEquals(new BigDecimal("63.72"), p.nationalFee().facility());
        assertEquals(new BigDecimal("92.64"), p.localityFee().nonFacility());
        assertEquals(new BigDecimal("65.06"), p.localityFee().facility());
        assertEquals("BAKERSFIELD", p.localityFee().name());
        assertEquals("XXX", p.globalDays().value());
        assertTrue(tables.payment("37253", null).orElseThrow().globalDays().meaning().startsWith("Add-on code"));
        assertEquals(List.of("KERN"), tables.locality("0111254").orElseThrow().counties());

        // modifiers from the fee schedule: 71046 has its own 26 and TC rows; 27447 (multiple procedure 2, bilateral 1,
        // assistant 2, co-surgeons 1) takes 51, 50, the assistant modifiers and 62
        List<String> chestXray = ModifierRules.of("71046", tables.rvu("71046")).applies().stream()
                .map(ModifierRules.Use::modifier).toList();
        assertTrue(chestXray.containsAll(List.of("26", "TC")), chestXray.toString());
        List<String> knee = ModifierRules.of("27447", tables.rvu("27447")).applies().stream()
                .map(ModifierRules.Use::modifier).toList();
        assertTrue(knee.containsAll(List.of("51", "50", "80", "AS", "62")), knee.toString());

        // the same files again change nothing
        ImportSummary again = EditTestData.importReal(runner);
        assertTrue(again.files().stream().allMatch(o -> o.status().equals("unchanged")), again.toString());
    }
}
