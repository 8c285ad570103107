package com.casecoding.codes.imports.edits;

import com.casecoding.codes.imports.CsvRecords;
import com.casecoding.codes.edits.Fixtures;
import com.casecoding.codes.imports.MalformedFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The add-on code edits as CMS publishes them (an .xlsx workbook): workbooks written here in the OOXML layout, with
 * our own rows (the AOC fixture's), a banner row, shared strings and the empty trailing cells a workbook leaves out.
 */
class XlsxSheetTest {

    @TempDir
    Path dir;

    /** A minimal workbook: row 1 a banner, then the given rows; text cells as shared strings, empty cells left out. */
    static Path workbook(Path dir, String name, List<List<String>> rows) throws IOException {
        Map<String, Integer> strings = new LinkedHashMap<>();
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        sheet.append("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>").append(index(strings, "Banner: our test notice"))
                .append("</v></c></row>");
        for (int i = 0; i < rows.size(); i++) {
            int r = i + 2;
            sheet.append("<row r=\"").append(r).append("\">");
            List<String> cells = rows.get(i);
            for (int c = 0; c < cells.size(); c++) {
                String value = cells.get(c);
                if (value.isEmpty()) {
                    continue;
                }
                String ref = (char) ('A' + c) + Integer.toString(r);
                if (value.matches("\\d+") && c == 0) {
                    sheet.append("<c r=\"").append(ref).append("\"><v>").append(value).append("</v></c>");
                } else {
                    sheet.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(index(strings, value))
                            .append("</v></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        StringBuilder shared = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (String s : strings.keySet()) {
            shared.append("<si><t xml:space=\"preserve\">").append(escape(s)).append("</t></si>");
        }
        shared.append("</sst>");
        Path file = dir.resolve(name);
        write(file, Map.of("xl/sharedStrings.xml", shared.toString(), "xl/worksheets/sheet1.xml", sheet.toString()));
        return file;
    }

    private static int index(Map<String, Integer> strings, String s) {
        return strings.computeIfAbsent(s, k -> strings.size());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static void write(Path file, Map<String, String> parts) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private static List<List<String>> csvRows(String fixture) {
        List<List<String>> rows = new ArrayList<>();
        CsvRecords records = new CsvRecords(new StringReader(Fixtures.text(fixture)), fixture);
        CsvRecords.Record r;
        while ((r = records.nextData()) != null) {
            rows.add(new ArrayList<>(r.cells()));
        }
        return rows;
    }

    @Test
    void workbookGivesTheSameEditsAsItsCsvExportWithSheetRowsAsLines() throws IOException {
        List<List<String>> rows = csvRows(Fixtures.AOC);
        Path xlsx = workbook(dir, "AOC_V2026Q1-MCR.xlsx", rows);
        List<AocParser.Row> fromCsv = AocParser.parse(Fixtures.reader(Fixtures.AOC), Fixtures.AOC);
        List<AocParser.Row> fromXlsx = AocParser.parse(XlsxSheet.firstSheet(xlsx), "w.xlsx");
        assertEquals(fromCsv.size(), fromXlsx.size());
        for (int i = 0; i < fromCsv.size(); i++) {
            AocParser.Row a = fromCsv.get(i);
            AocParser.Row b = fromXlsx.get(i);
            // the workbook has the banner row the CSV export drops: each row sits one line further down
            assertEquals(a.line() + 1, b.line());
            assertEquals(List.of(a.type(), a.addOn(), String.valueOf(a.primary()), String.valueOf(a.effective()),
                    String.valueOf(a.deleted()), a.notes()), List.of(b.type(), b.addOn(), String.valueOf(b.primary()),
                    String.valueOf(b.effective()), String.valueOf(b.deleted()), b.notes()));
        }
    }

    @Test
    void leftOutCellsAndRowsKeepColumnsAndLineNumbers() throws IOException {
        Path file = dir.resolve("gaps.xlsx");
        write(file, Map.of("xl/worksheets/sheet1.xml", "<worksheet><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a, \"quoted\"</t></is></c><c r=\"C1\"><v>3</v></c></row>"
                + "<row r=\"4\"><c r=\"B4\" t=\"b\"><v>1</v></c></row>"
                + "</sheetData></worksheet>"));
        CsvRecords rows = XlsxSheet.firstSheet(file);
        assertEquals(new CsvRecords.Record(1, List.of("a, \"quoted\"", "", "3")), rows.next());
        assertEquals(new CsvRecords.Record(4, List.of("", "TRUE", "")), rows.next(), "row 4 keeps its number");
        assertEquals(null, rows.next());
        assertEquals(27, XlsxSheet.column("AB7", "x", 7));
    }

    @Test
    void brokenWorkbooksAreRefusedWithFileLineAndReason() throws IOException {
        Path notZip = Files.writeString(dir.resolve("AOC_V2026Q1-MCR.xlsx"), "AOC_Edit_Type,Add-On_Code\n");
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> XlsxSheet.firstSheet(notZip));
        assertEquals("AOC_V2026Q1-MCR.xlsx", e.file());
        assertTrue(e.reason().contains("not an .xlsx workbook"), e.reason());

        Path noSheet = dir.resolve("empty.xlsx");
        write(noSheet, Map.of("xl/workbook.xml", "<workbook/>"));
        assertTrue(assertThrows(MalformedFileException.class, () -> XlsxSheet.firstSheet(noSheet)).reason()
                .contains("no worksheet"));

        Path badShared = dir.resolve("shared.xlsx");
        write(badShared, Map.of("xl/sharedStrings.xml", "<sst><si><t>only</t></si></sst>",
                "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>5</v></c></row></sheetData></worksheet>"));
        MalformedFileException shared = assertThrows(MalformedFileException.class, () -> XlsxSheet.firstSheet(badShared));
        assertEquals(2, shared.line());

        Path brokenXml = dir.resolve("xml.xlsx");
        write(brokenXml, Map.of("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\">"));
        assertTrue(assertThrows(MalformedFileException.class, () -> XlsxSheet.firstSheet(brokenXml)).reason()
                .contains("broken workbook XML"));
    }

    @Test
    void externalEntitiesAreNeverRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        Path file = dir.resolve("xxe.xlsx");
        write(file, Map.of("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]><worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t>"
                + "</is></c></row></sheetData></worksheet>"));
        String csv;
        try {
            csv = XlsxSheet.firstSheet(file).next().cells().toString();
        } catch (MalformedFileException refused) {
            csv = refused.getMessage();
        }
        assertFalse(csv.contains("TOP-SECRET-CONTENT"), csv);
    }

    @Test
    void theImporterReadsTheWorkbookAndNotItsExportBesideIt() throws IOException {
        Path csv = Files.write(dir.resolve("AOC_V2026Q1-MCR.csv"), Fixtures.bytes(Fixtures.AOC));
        EditImporter importer = new EditImporter();
        assertEquals("ncci-aoc", importer.recognize(csv).orElseThrow().dataset());
        Path xlsx = workbook(dir, "AOC_V2026Q1-MCR.xlsx", csvRows(Fixtures.AOC));
        assertTrue(importer.recognize(csv).isEmpty(), "the CSV export is skipped when its workbook is there");
        assertEquals("2026Q1", importer.recognize(xlsx).orElseThrow().version());
    }
}
