package com.casecoding.codes.imports.edits;

import com.casecoding.codes.imports.CsvRecords;
import com.casecoding.codes.imports.MalformedFileException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * NCCI add-on code edits: the CMS workbook's sheet (read by {@link XlsxSheet}, line = sheet row) or its CSV export,
 * header {@code AOC_Edit_Type,Add-On_Code,AOC_DelDT,
 * Primary_Code,Primary_Code_DelDT,AOC_Edit_EffDT,AOC_Edit_DelDT,Special_Instruction_Notes} (an optional banner record
 * before it), dates Julian YYYYDDD, type 2 rows carry {@code CCCCC} (contractor-defined primaries).
 */
final class AocParser {

    static final String CONTRACTOR_DEFINED = "CCCCC";

    record Row(int line, int type, String addOn, LocalDate addOnDeleted, String primary, LocalDate primaryDeleted,
               LocalDate effective, LocalDate deleted, String notes) {
    }

    private AocParser() {
    }

    static List<Row> parse(Reader in, String file) {
        return parse(new CsvRecords(in, file), file);
    }

    /** The edits of a workbook's sheet or a CSV file, read as records. */
    static List<Row> parse(CsvRecords records, String file) {
        CsvRecords.Record r = records.header(c -> c.equalsIgnoreCase("AOC_Edit_Type"), 2, "'AOC_Edit_Type'");
        if (r.cells().size() != 8 || !r.cell(1).trim().equalsIgnoreCase("Add-On_Code")
                || !r.cell(3).trim().equalsIgnoreCase("Primary_Code")) {
            throw new MalformedFileException(file, r.line(), "header must have the 8 CMS AOC columns");
        }
        List<Row> rows = new ArrayList<>();
        while ((r = records.nextData()) != null) {
            int line = r.line();
            if (r.cells().size() != 8) {
                throw new MalformedFileException(file, line, "expected 8 cells, found " + r.cells().size());
            }
            String t = r.cell(0).trim();
            if (!t.equals("1") && !t.equals("2") && !t.equals("3")) {
                throw new MalformedFileException(file, line, "AOC_Edit_Type '" + r.cell(0) + "' must be 1, 2 or 3");
            }
            int type = t.charAt(0) - '0';
            String addOn = Fields.code(r.cell(1), file, line, "Add-On_Code");
            String primary = Fields.code(r.cell(3), file, line, "Primary_Code");
            if (type == 2 && !primary.equals(CONTRACTOR_DEFINED)) {
                throw new MalformedFileException(file, line, "type 2 edits carry CCCCC as primary code, not " + primary);
            }
            LocalDate effective = Fields.julian(r.cell(5), file, line, "AOC_Edit_EffDT");
            if (effective == null) {
                throw new MalformedFileException(file, line, "AOC_Edit_EffDT is required");
            }
            String notes = r.cell(7).trim();
            if (notes.length() >= 2 && notes.startsWith("\"") && notes.endsWith("\"")) {
                notes = notes.substring(1, notes.length() - 1);
            }
            rows.add(new Row(line, type, addOn, Fields.julian(r.cell(2), file, line, "AOC_DelDT"), primary,
                    Fields.julian(r.cell(4), file, line, "Primary_Code_DelDT"), effective,
                    Fields.julian(r.cell(6), file, line, "AOC_Edit_DelDT"), notes));
        }
        if (rows.isEmpty()) {
            throw new MalformedFileException(file, 1, "no data rows after the header");
        }
        return rows;
    }
}
