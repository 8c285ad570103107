package com.casecoding.codes.reference.imports;

import com.casecoding.codes.reference.MsDrgVersion;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReleaseCalendarTest {

    @Test
    void hccFormatFileNamesGiveModelAndPaymentYear() {
        var v24 = ReleaseCalendar.hccFormatFile(Path.of("hcc/F2422P1M.TXT")).orElseThrow();
        assertEquals(24, v24.model());
        assertEquals(2022, v24.paymentYear());
        assertEquals("cms-hcc-v24", v24.dataset());
        assertEquals("PY2022-P1M", v24.version());
        assertEquals(LocalDate.of(2022, 1, 1), v24.effectiveDate());
        var v28 = ReleaseCalendar.hccFormatFile(Path.of("f2825t2n.txt.gz")).orElseThrow();
        assertEquals("cms-hcc-v28", v28.dataset());
        assertEquals("PY2025-T2N", v28.version());
        assertEquals("PY2023-T2N_FY22FY23",
                ReleaseCalendar.hccFormatFile(Path.of("F2823T2N_FY22FY23.TXT")).orElseThrow().version());
        assertTrue(ReleaseCalendar.hccFormatFile(Path.of("F2422P1M.csv")).isEmpty());
        assertTrue(ReleaseCalendar.hccFormatFile(Path.of("V2422P1M.TXT")).isEmpty(), "coefficients, not a format file");
        assertTrue(ReleaseCalendar.hccFormatFile(Path.of("FORMATS.TXT")).isEmpty());
    }

    @Test
    void msDrgVersionsFollowTheFiscalYear() {
        MsDrgVersion v40 = ReleaseCalendar.drgVersionInTitle("|  Appendix A List of MS-DRGs Version 40.0  |").orElseThrow();
        assertEquals("v40", v40.version());
        assertEquals(2023, v40.fiscalYear());
        assertEquals(LocalDate.of(2022, 10, 1), v40.effectiveDate());
        MsDrgVersion april = ReleaseCalendar.drgVersionInTitle("Version 40.1").orElseThrow();
        assertEquals("v40.1", april.version());
        assertEquals(LocalDate.of(2023, 4, 1), april.effectiveDate());
        assertEquals("v33", ReleaseCalendar.drgVersionInFolders(Path.of("/data/msdrg/v33/appendix_A.txt"))
                .orElseThrow().version());
        assertEquals(2016, MsDrgVersion.parse("v33").orElseThrow().fiscalYear(), "v33 is the first ICD-10 grouper");
        assertTrue(MsDrgVersion.parse("40").isEmpty());
    }

    @Test
    void cdcXmlFileNames() {
        var t = CdcXmlFile.of(Path.of("icd10cm_tabular_2025.xml")).orElseThrow();
        assertEquals("icd10cm-tabular", t.dataset());
        assertEquals("FY2025", t.version());
        assertEquals(LocalDate.of(2024, 10, 1), t.effectiveDate());
        var april = CdcXmlFile.of(Path.of("icd10cm-tabular-April-2024.xml")).orElseThrow();
        assertEquals("FY2024-APR", april.version());
        assertEquals(LocalDate.of(2024, 4, 1), april.effectiveDate());
        assertEquals("icd10cm-neoplasm", CdcXmlFile.of(Path.of("icd10cm-neoplasm-2025.xml")).orElseThrow().dataset());
        assertEquals("icd10cm-eindex", CdcXmlFile.of(Path.of("icd10cm_eindex_2025.xml.gz")).orElseThrow().dataset());
        assertTrue(CdcXmlFile.of(Path.of("icd10pcs_tables_2025.xml")).isEmpty());
    }

    @Test
    void posListDates() {
        assertEquals(LocalDate.of(2026, 1, 1), ReleaseCalendar.dateInNameOrFolder(Path.of("pos/2026-01/place_of_service_codes.csv")).orElseThrow());
        assertEquals(LocalDate.of(2024, 7, 1), ReleaseCalendar.dateInNameOrFolder(Path.of("pos_202407.csv")).orElseThrow());
        assertTrue(ReleaseCalendar.dateInNameOrFolder(Path.of("pos/place_of_service_codes.csv")).isEmpty());
    }
}
