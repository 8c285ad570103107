package com.casecoding.codes.imports.edits;

import com.casecoding.codes.edits.Fixtures;
import com.casecoding.codes.edits.EditDataset;
import com.casecoding.codes.edits.CareSetting;
import com.casecoding.codes.imports.MalformedFileException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParsersTest {

    private static MalformedFileException refused(Runnable parse) {
        return assertThrows(MalformedFileException.class, parse::run);
    }

    @Test
    void mueReadsQuotedMultiLineBannerAndHeader() {
        List<MueParser.Row> rows = MueParser.parse(Fixtures.reader(Fixtures.MUE_PRACTITIONER), "f.csv",
                CareSetting.PRACTITIONER);
        assertEquals(7, rows.size());
        MueParser.Row first = rows.get(0);
        assertEquals("11042", first.code());
        assertEquals(1, first.value());
        assertEquals(2, first.mai());
        assertEquals("CMS Policy", first.rationale());
        // banner is 5 physical lines, header 2: the first data row is physical line 8
        assertEquals(8, first.line());
        MueParser.Row lineEdit = rows.get(1);
        assertEquals("20610", lineEdit.code());
        assertEquals(1, lineEdit.mai());
    }

    @Test
    void mueRefusesTheWrongSettingsTable() {
        MalformedFileException e = refused(() -> MueParser.parse(Fixtures.reader(Fixtures.MUE_DME), "dme.csv",
                CareSetting.PRACTITIONER));
        assertTrue(e.reason().contains("DME Supplier"), e.getMessage());
    }

    @Test
    void mueRefusesBadRowsWithLineAndReason() {
        String head = Fixtures.text(Fixtures.MUE_PRACTITIONER);
        MalformedFileException e = refused(() -> MueParser.parse(Fixtures.string(head + "99214,two,3 Date,Clinical\n"),
                "bad.csv", CareSetting.PRACTITIONER));
        assertEquals("bad.csv", e.file());
        assertEquals(15, e.line());
        assertTrue(e.reason().contains("MUE value 'two'"), e.reason());

        e = refused(() -> MueParser.parse(Fixtures.string(head + "99214,1,7 Other,Clinical\n"), "bad.csv",
                CareSetting.PRACTITIONER));
        assertTrue(e.reason().contains("1, 2 or 3"), e.reason());

        e = refused(() -> MueParser.parse(Fixtures.string(head + "99213,1,3 Date,Clinical\n"), "bad.csv",
                CareSetting.PRACTITIONER));
        assertTrue(e.reason().contains("already listed on line 14"), e.reason());

        e = refused(() -> MueParser.parse(Fixtures.string(head + "9921,1,3 Date,Clinical\n"), "bad.csv",
                CareSetting.PRACTITIONER));
        assertTrue(e.reason().contains("is not a CPT code"), e.reason());

        e = refused(() -> MueParser.parse(Fixtures.string("code,value\n1,2\n"), "x.csv", null));
        assertTrue(e.reason().contains("HCPCS"), e.reason());
    }

    @Test
    void csvTracksLinesAcrossQuotedLineBreaksAndUnclosedQuotes() {
        MalformedFileException e = refused(() -> MueParser.parse(Fixtures.string("\"open banner\n\nnever closed\n"),
                "q.csv", null));
        assertEquals(1, e.line());
        assertTrue(e.reason().contains("never closed"));
    }

    @Test
    void aocReadsTypesJulianDatesAndQuotedNotes() {
        List<AocParser.Row> rows = AocParser.parse(Fixtures.reader(Fixtures.AOC), "aoc.csv");
        assertEquals(6, rows.size());
        AocParser.Row type2 = rows.get(0);
        assertEquals(2, type2.type());
        assertEquals("CCCCC", type2.primary());
        assertEquals(LocalDate.of(2013, 4, 1), type2.effective());
        AocParser.Row deleted = rows.get(3);
        assertEquals("37225", deleted.primary());
        assertEquals(LocalDate.of(2019, 12, 31), deleted.deleted());
        assertEquals(LocalDate.of(2019, 12, 31), deleted.primaryDeleted());
        assertEquals("Fixture note in quotes, with a comma", rows.get(5).notes());
    }

    @Test
    void aocRefusesBadTypesDatesAndContractorRows() {
        String head = "AOC_Edit_Type,Add-On_Code,AOC_DelDT,Primary_Code,Primary_Code_DelDT,AOC_Edit_EffDT,AOC_Edit_DelDT,Special_Instruction_Notes\n";
        MalformedFileException e = refused(() -> AocParser.parse(Fixtures.string(head + "4,37253,,37252,,2018001,,\n"), "a.csv"));
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("must be 1, 2 or 3"));
        e = refused(() -> AocParser.parse(Fixtures.string(head + "1,37253,,37252,,2018400,,\n"), "a.csv"));
        assertTrue(e.reason().contains("no such day"), e.reason());
        e = refused(() -> AocParser.parse(Fixtures.string(head + "2,37253,,37252,,2018001,,\n"), "a.csv"));
        assertTrue(e.reason().contains("CCCCC"));
        e = refused(() -> AocParser.parse(Fixtures.string(head + "1,37253,,37252,,2018001\n"), "a.csv"));
        assertTrue(e.reason().contains("expected 8 cells"));
    }

    @Test
    void ptpSkipsBannerAndWrappedHeader() {
        List<PtpParser.Row> rows = PtpParser.parse(Fixtures.reader(Fixtures.PTP), "p.txt");
        assertEquals(7, rows.size());
        PtpParser.Row r = rows.get(0);
        assertEquals("11042", r.column1());
        assertEquals("97597", r.column2());
        assertEquals(7, r.line());
        assertFalse(r.before1996());
        assertEquals(LocalDate.of(2020, 1, 1), r.effective());
        assertNull(r.deleted());
        assertEquals(1, r.modifierIndicator());
        assertTrue(rows.get(2).before1996());
        assertEquals(LocalDate.of(2023, 12, 31), rows.get(3).deleted());
        assertEquals(9, rows.get(4).modifierIndicator());
    }

    @Test
    void ptpRefusesBadRows() {
        String head = Fixtures.text(Fixtures.PTP);
        MalformedFileException e = refused(() -> PtpParser.parse(Fixtures.string(head + "99213\t99214\t\t2021011\t*\t1\tx\r\n"), "p.txt"));
        assertEquals(14, e.line());
        assertTrue(e.reason().contains("effective date"));
        e = refused(() -> PtpParser.parse(Fixtures.string(head + "99213\t99214\t\t20210101\t*\t2\tx\r\n"), "p.txt"));
        assertTrue(e.reason().contains("0, 1 or 9"));
        e = refused(() -> PtpParser.parse(Fixtures.string(head + "99213 99214 20210101\r\n"), "p.txt"));
        assertTrue(e.reason().contains("7 tab-separated"));
        e = refused(() -> PtpParser.parse(Fixtures.string("just\ntext\nand\nmore\ntext\nlines\na\nb\nc\nd\ne\nf\ng\n"), "p.txt"));
        assertTrue(e.reason().contains("no edit rows"));
    }

    @Test
    void rvuFindsColumnsByName() {
        List<RvuParser.Row> rows = RvuParser.parse(Fixtures.reader(Fixtures.RVU), "r.csv");
        assertEquals(6, rows.size());
        RvuParser.Row r = rows.get(0);
        assertEquals("99213", r.hcpcs());
        assertEquals(new BigDecimal("1.00"), r.work());
        assertEquals(new BigDecimal("2.00"), r.nonFacilityPe());
        assertEquals(new BigDecimal("0.50"), r.facilityPe());
        assertEquals("XXX", r.globalDays());
        assertEquals(new BigDecimal("30.0000"), r.conversionFactor());
        assertEquals("NA", rows.get(1).nonFacilityNa());
        assertEquals("26", rows.get(4).modifier());
    }

    @Test
    void rvuRefusesBadRows() {
        String text = Fixtures.text(Fixtures.RVU);
        String bad = text.replace("99213,,A,,1.00", "99213,,A,,x.00");
        MalformedFileException e = refused(() -> RvuParser.parse(Fixtures.string(bad), "r.csv"));
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("WORK RVU"));
        String dup = text + text.lines().skip(1).findFirst().orElseThrow() + "\n";
        e = refused(() -> RvuParser.parse(Fixtures.string(dup), "r.csv"));
        assertTrue(e.reason().contains("already listed on line 2"));
        e = refused(() -> RvuParser.parse(Fixtures.string(text.replace(",GLOB DAYS,", ",GLOBAL,")), "r.csv"));
        assertTrue(e.reason().contains("GLOB DAYS"));
    }

    @Test
    void gpciReadsRowsAndSkipsFootnotes() {
        List<GpciParser.Row> rows = GpciParser.parse(Fixtures.reader(Fixtures.GPCI), "g.txt");
        assertEquals(4, rows.size());
        GpciParser.Row bakersfield = rows.get(1);
        assertEquals("01112", bakersfield.mac());
        assertEquals("CA", bakersfield.state());
        assertEquals("54", bakersfield.locality());
        assertEquals("BAKERSFIELD", bakersfield.name());
        assertEquals(new BigDecimal("1.100"), bakersfield.pe());
        assertEquals("LOS ANGELES-LONG BEACH-ANAHEIM (LOS ANGELES CNTY)", rows.get(2).name());
    }

    @Test
    void gpciRefusesABrokenRow() {
        String text = Fixtures.text(Fixtures.GPCI).replace("1.020", "one");
        MalformedFileException e = refused(() -> GpciParser.parse(Fixtures.string(text), "g.txt"));
        assertEquals(5, e.line());
    }

    @Test
    void localityCarriesTheStateDown() {
        List<LocalityParser.Row> rows = LocalityParser.parse(Fixtures.reader(Fixtures.LOCCO), "l.txt");
        assertEquals(4, rows.size());
        LocalityParser.Row kern = rows.get(3);
        assertEquals("01112", kern.mac());
        assertEquals("54", kern.locality());
        assertEquals("CALIFORNIA", kern.state());
        assertEquals("BAKERSFIELD", kern.area());
        assertEquals("KERN", kern.counties());
        MalformedFileException e = refused(() -> LocalityParser.parse(
                Fixtures.string(Fixtures.text(Fixtures.LOCCO).replace("    10112", "    1O112")), "l.txt"));
        assertEquals(5, e.line());
    }

    @Test
    void versionsComeFromOfficialFileNames() {
        assertEquals(new EditDataset.FileVersion("2026Q2", LocalDate.of(2026, 4, 1)),
                EditDataset.MUE_PRACTITIONER.versionFromFileName("MCR_MUE_PractitionerServices_Eff_04-01-2026.csv").orElseThrow());
        assertEquals(new EditDataset.FileVersion("2026Q2", LocalDate.of(2026, 4, 1)),
                EditDataset.NCCI_AOC.versionFromFileName("AOC_V2026Q2-MCR.csv").orElseThrow());
        assertEquals(new EditDataset.FileVersion("v321r0", LocalDate.of(2026, 4, 1)),
                EditDataset.PTP_PRACTITIONER.versionFromFileName("ccipra-v321r0-f1.TXT").orElseThrow());
        assertEquals(new EditDataset.FileVersion("v310r0", LocalDate.of(2025, 1, 1)),
                EditDataset.PTP_PRACTITIONER.versionFromFileName("ccipra-v310r0-f4.txt").orElseThrow());
        assertEquals(new EditDataset.FileVersion("RVU25D", LocalDate.of(2025, 10, 1)),
                EditDataset.MPFS_RVU.versionFromFileName("PPRRVU2025_Oct_nodesc.csv.gz").orElseThrow());
        assertEquals(new EditDataset.FileVersion("2025", LocalDate.of(2025, 1, 1)),
                EditDataset.MPFS_GPCI.versionFromFileName("GPCI2025.txt").orElseThrow());
        assertEquals(new EditDataset.FileVersion("2025", LocalDate.of(2025, 1, 1)),
                EditDataset.MPFS_LOCALITY.versionFromFileName("25LOCCO.txt").orElseThrow());
        assertTrue(EditDataset.NCCI_AOC.versionFromFileName("addons.csv").isEmpty());
    }
}
