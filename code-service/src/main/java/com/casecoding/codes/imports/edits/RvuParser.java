package com.casecoding.codes.imports.edits;

import com.casecoding.codes.imports.CsvRecords;
import com.casecoding.codes.imports.MalformedFileException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Medicare Physician Fee Schedule PPRRVU CSV with a one-row header (the CMS column names, e.g. "WORK RVU",
 * "NON-FAC PE RVU", "GLOB DAYS"; the descriptor column may be absent). Columns are found by name, so banner lines
 * before the header and extra columns are tolerated.
 */
public final class RvuParser {

    public record Row(int line, String hcpcs, String modifier, String status, String notUsedForMedicare, BigDecimal work,
               BigDecimal nonFacilityPe, String nonFacilityNa, BigDecimal facilityPe, String facilityNa, BigDecimal mp,
               String pctc, String globalDays, BigDecimal preOp, BigDecimal intraOp, BigDecimal postOp,
               String multipleProcedure, String bilateral, String assistant, String coSurgeon, String team,
               String endoBase, BigDecimal conversionFactor, String physicianSupervision) {
    }

    private static final String[] REQUIRED = {"HCPCS", "MOD", "STATUS CODE", "NOT USED FOR MEDICARE PAYMENT",
            "WORK RVU", "NON-FAC PE RVU", "NON-FAC NA INDICATOR", "FACILITY PE RVU", "FACILITY NA INDICATOR", "MP RVU",
            "PCTC IND", "GLOB DAYS", "PRE OP", "INTRA OP", "POST OP", "MULT PROC", "BILAT SURG", "ASST SURG",
            "CO-SURG", "TEAM SURG", "ENDO BASE", "CONV FACTOR", "PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES"};

    private RvuParser() {
    }

    public static List<Row> parse(Reader in, String file) {
        CsvRecords records = new CsvRecords(in, file);
        CsvRecords.Record r = records.header(c -> c.equalsIgnoreCase("HCPCS"), 12, "'HCPCS'");
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < r.cells().size(); i++) {
            col.putIfAbsent(r.cell(i).trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT), i);
        }
        for (String name : REQUIRED) {
            if (!col.containsKey(name)) {
                throw new MalformedFileException(file, r.line(), "header lacks the column '" + name + "'");
            }
        }
        int width = r.cells().size();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        while ((r = records.nextData()) != null) {
            int line = r.line();
            if (r.cells().size() != width) {
                throw new MalformedFileException(file, line, "expected " + width + " cells, found " + r.cells().size());
            }
            Cells c = new Cells(r, col, file, line);
            String hcpcs = Fields.code(c.text("HCPCS"), file, line, "HCPCS");
            String mod = c.text("MOD").toUpperCase(Locale.ROOT);
            if (mod.length() > 2) {
                throw new MalformedFileException(file, line, "modifier '" + mod + "' is longer than 2 characters");
            }
            String status = c.text("STATUS CODE");
            if (status.length() != 1) {
                throw new MalformedFileException(file, line, "status code '" + status + "' must be one character");
            }
            String glob = c.text("GLOB DAYS");
            if (!glob.matches("\\d{3}|XXX|YYY|ZZZ|MMM")) {
                throw new MalformedFileException(file, line, "global days '" + glob + "' must be 000, 010, 090, XXX, YYY, ZZZ or MMM");
            }
            Integer previous = firstLine.putIfAbsent(hcpcs + "|" + mod, line);
            if (previous != null) {
                throw new MalformedFileException(file, line, hcpcs + (mod.isEmpty() ? "" : "-" + mod)
                        + " already listed on line " + previous);
            }
            rows.add(new Row(line, hcpcs, mod, status, c.text("NOT USED FOR MEDICARE PAYMENT"), c.num("WORK RVU"),
                    c.num("NON-FAC PE RVU"), c.text("NON-FAC NA INDICATOR"), c.num("FACILITY PE RVU"),
                    c.text("FACILITY NA INDICATOR"), c.num("MP RVU"), c.flag("PCTC IND"), glob, c.num("PRE OP"),
                    c.num("INTRA OP"), c.num("POST OP"), c.flag("MULT PROC"), c.flag("BILAT SURG"),
                    c.flag("ASST SURG"), c.flag("CO-SURG"), c.flag("TEAM SURG"), c.text("ENDO BASE"),
                    c.num("CONV FACTOR"), c.text("PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES")));
        }
        if (rows.isEmpty()) {
            throw new MalformedFileException(file, 1, "no data rows after the header");
        }
        return rows;
    }

    private record Cells(CsvRecords.Record r, Map<String, Integer> col, String file, int line) {
        String text(String name) {
            return r.cell(col.get(name)).trim();
        }

        BigDecimal num(String name) {
            return Fields.decimal(text(name), file, line, name);
        }

        String flag(String name) {
            String v = text(name);
            if (!v.matches("\\d")) {
                throw new MalformedFileException(file, line, name + " '" + v + "' must be one digit");
            }
            return v;
        }
    }
}
