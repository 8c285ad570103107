package com.casecoding.codes.imports.edits;

import com.casecoding.codes.imports.MalformedFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * NCCI procedure-to-procedure edits, CMS tab-delimited TXT: a copyright line, a title line, a header whose cells are
 * wrapped over several lines, then rows {@code column1 TAB column2 TAB * TAB effective TAB deletion TAB modifier TAB
 * rationale}; {@code *} in the third cell = in existence before 1996, deletion {@code *} = still active.
 */
final class PtpParser {

    /** At most this many banner/header lines before the first edit. */
    private static final int MAX_PREAMBLE = 12;
    private static final Pattern DATA = Pattern.compile("[A-Za-z0-9]{5}\t[A-Za-z0-9]{5}\t.*");

    record Row(int line, String column1, String column2, boolean before1996, LocalDate effective, LocalDate deleted,
               int modifierIndicator, String rationale) {
    }

    private PtpParser() {
    }

    static List<Row> parse(Reader reader, String file) {
        List<Row> rows = new ArrayList<>();
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        try {
            String text;
            int line = 0;
            boolean inData = false;
            while ((text = in.readLine()) != null) {
                line++;
                if (!inData) {
                    if (!DATA.matcher(text).matches()) {
                        if (line > MAX_PREAMBLE) {
                            throw new MalformedFileException(file, line,
                                    "no edit rows (column 1 TAB column 2 ...) after " + MAX_PREAMBLE + " header lines");
                        }
                        continue;
                    }
                    inData = true;
                }
                if (text.isBlank()) {
                    continue;
                }
                rows.add(row(text, file, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new MalformedFileException(file, 1, "no edit rows");
        }
        return rows;
    }

    private static Row row(String text, String file, int line) {
        String[] c = text.split("\t", -1);
        if (c.length < 6 || c.length > 7) {
            throw new MalformedFileException(file, line, "expected 7 tab-separated cells, found " + c.length);
        }
        String col1 = Fields.code(c[0], file, line, "column 1");
        String col2 = Fields.code(c[1], file, line, "column 2");
        String prior = c[2].trim();
        if (!prior.isEmpty() && !prior.equals("*")) {
            throw new MalformedFileException(file, line, "third cell must be '*' or empty, not '" + c[2] + "'");
        }
        LocalDate effective = Fields.yyyymmdd(c[3], file, line, "effective date");
        if (effective == null) {
            throw new MalformedFileException(file, line, "the effective date is required");
        }
        LocalDate deleted = Fields.yyyymmdd(c[4], file, line, "deletion date");
        String mod = c[5].trim();
        if (!mod.equals("0") && !mod.equals("1") && !mod.equals("9")) {
            throw new MalformedFileException(file, line, "modifier indicator '" + c[5] + "' must be 0, 1 or 9");
        }
        return new Row(line, col1, col2, !prior.isEmpty(), effective, deleted, mod.charAt(0) - '0',
                c.length == 7 ? c[6].trim() : "");
    }
}
