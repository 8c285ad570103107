package com.casecoding.codes.imports.edits;

import com.casecoding.codes.imports.CsvRecords;
import com.casecoding.codes.edits.CareSetting;
import com.casecoding.codes.imports.MalformedFileException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CMS MUE table CSV (practitioner, outpatient hospital or DME supplier): a quoted multi-line copyright banner record,
 * a header record whose first cell is the two-line "HCPCS/ CPT Code", then one unquoted row per code:
 * code, MUE value, adjudication indicator ("2 Date of Service Edit: Policy"), rationale. Files are Latin-1.
 */
final class MueParser {

    record Row(int line, String code, int value, int mai, String rationale) {
    }

    private MueParser() {
    }

    static List<Row> parse(Reader in, String file, CareSetting expected) {
        CsvRecords records = new CsvRecords(in, file);
        CsvRecords.Record r = records.header(c -> c.toUpperCase(Locale.ROOT).startsWith("HCPCS"), 3, "'HCPCS/CPT Code'");
        String valueHeader = r.cell(1).trim();
        if (r.cells().size() < 4 || !valueHeader.toLowerCase(Locale.ROOT).contains("mue values")
                || !r.cell(2).toLowerCase(Locale.ROOT).contains("adjudication")) {
            throw new MalformedFileException(file, r.line(),
                    "header must be code, '... MUE Values', 'MUE Adjudication Indicator', 'MUE Rationale'");
        }
        if (expected != null && !valueHeader.toLowerCase(Locale.ROOT).startsWith(expected.mueHeaderPrefix())) {
            throw new MalformedFileException(file, r.line(), "this is a '" + valueHeader + "' table, expected "
                    + expected.label() + " MUE values");
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        while ((r = records.nextData()) != null) {
            int line = r.line();
            if (r.cells().size() != 4) {
                throw new MalformedFileException(file, line, "expected 4 cells, found " + r.cells().size());
            }
            String code = Fields.code(r.cell(0), file, line, "code");
            int value = Fields.integer(r.cell(1), file, line, "MUE value");
            String mai = r.cell(2).trim();
            if (mai.isEmpty() || mai.charAt(0) < '1' || mai.charAt(0) > '3'
                    || (mai.length() > 1 && mai.charAt(1) != ' ')) {
                throw new MalformedFileException(file, line,
                        "adjudication indicator '" + r.cell(2) + "' must start with 1, 2 or 3");
            }
            Integer previous = firstLine.putIfAbsent(code, line);
            if (previous != null) {
                throw new MalformedFileException(file, line, "code " + code + " already listed on line " + previous);
            }
            rows.add(new Row(line, code, value, mai.charAt(0) - '0', r.cell(3).trim()));
        }
        if (rows.isEmpty()) {
            throw new MalformedFileException(file, 1, "no data rows after the header");
        }
        return rows;
    }
}
