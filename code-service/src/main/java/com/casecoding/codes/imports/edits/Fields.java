package com.casecoding.codes.imports.edits;

import com.casecoding.codes.imports.MalformedFileException;
import com.casecoding.common.codes.CodeSystem;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

/** Field checks shared by the parsers; each failure names the file, line and what was wrong. */
final class Fields {

    private Fields() {
    }

    /** A CPT or HCPCS Level II code ({@link CodeSystem} grammar), or the AOC files' contractor-defined {@code CCCCC}. */
    static String code(String value, String file, int line, String column) {
        String v = CodeSystem.compact(value);
        if (v == null || !(CodeSystem.CPT.accepts(v) || CodeSystem.HCPCS.accepts(v)
                || v.equals(AocParser.CONTRACTOR_DEFINED))) {
            throw new MalformedFileException(file, line, column + " '" + value + "' is not a CPT code (99213, 0001F, "
                    + "0042T, 0001U) or a HCPCS Level II code (J1885)");
        }
        return v;
    }

    static int integer(String value, String file, int line, String column) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new MalformedFileException(file, line, column + " '" + value + "' is not a whole number >= 0");
        }
    }

    static BigDecimal decimal(String value, String file, int line, String column) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new MalformedFileException(file, line, column + " '" + value + "' is not a number");
        }
    }

    /** NCCI add-on dates: Julian YYYYDDD (2013091 = 2013-04-01); blank = none. */
    static LocalDate julian(String value, String file, int line, String column) {
        String v = value.trim();
        if (v.isEmpty()) {
            return null;
        }
        if (!v.matches("\\d{7}")) {
            throw new MalformedFileException(file, line, column + " '" + value + "' is not a Julian date YYYYDDD");
        }
        try {
            return LocalDate.ofYearDay(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4)));
        } catch (DateTimeException e) {
            throw new MalformedFileException(file, line, column + " '" + value + "' has no such day of the year");
        }
    }

    /** NCCI PTP dates: YYYYMMDD; {@code *} or blank = none. */
    static LocalDate yyyymmdd(String value, String file, int line, String column) {
        String v = value.trim();
        if (v.isEmpty() || v.equals("*")) {
            return null;
        }
        if (!v.matches("\\d{8}")) {
            throw new MalformedFileException(file, line, column + " '" + value + "' is not a date YYYYMMDD");
        }
        try {
            return LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4, 6)),
                    Integer.parseInt(v.substring(6)));
        } catch (DateTimeException e) {
            throw new MalformedFileException(file, line, column + " '" + value + "' is not a calendar date");
        }
    }
}
