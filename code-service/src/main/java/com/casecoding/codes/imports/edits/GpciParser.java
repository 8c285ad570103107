package com.casecoding.codes.imports.edits;

import com.casecoding.codes.imports.MalformedFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CMS GPCI file (PFS Addendum E, e.g. GPCI2025.txt): title lines, a header line naming the "PW GPCI", then one
 * fixed-width row per locality: MAC, state, locality number, locality name, work, PE and MP GPCI; footnotes after a
 * blank line.
 */
final class GpciParser {

    private static final Pattern ROW = Pattern.compile(
            "^\\s*(\\d{5})\\s+([A-Z]{2})\\s+(\\d{2})\\s+(\\S.*?)\\s+(\\d+\\.\\d+)\\s+(\\d+\\.\\d+)\\s+(\\d+\\.\\d+)\\s*$");
    private static final Pattern STARTS_LIKE_ROW = Pattern.compile("^\\s*\\d{5}\\b.*");

    record Row(int line, String mac, String state, String locality, String name, BigDecimal work, BigDecimal pe,
               BigDecimal mp) {
    }

    private GpciParser() {
    }

    static List<Row> parse(Reader reader, String file) {
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String text;
            int line = 0;
            boolean header = false;
            boolean ended = false;
            while ((text = in.readLine()) != null) {
                line++;
                if (!header) {
                    header = text.toUpperCase(java.util.Locale.ROOT).contains("PW GPCI")
                            || text.toUpperCase(java.util.Locale.ROOT).contains("WORK GPCI");
                    if (!header && line > 10) {
                        throw new MalformedFileException(file, line, "no header line naming the work (PW) GPCI");
                    }
                    continue;
                }
                if (text.isBlank()) {
                    ended |= !rows.isEmpty();
                    continue;
                }
                Matcher m = ROW.matcher(text);
                if (!m.matches()) {
                    if (ended || (!rows.isEmpty() && !STARTS_LIKE_ROW.matcher(text).matches())) {
                        ended = true;
                        continue; // footnotes
                    }
                    throw new MalformedFileException(file, line,
                            "expected MAC, state, locality, name and three GPCI values");
                }
                if (ended) {
                    throw new MalformedFileException(file, line, "locality row after the footnotes");
                }
                Row row = new Row(line, m.group(1), m.group(2), m.group(3), m.group(4).trim(),
                        new BigDecimal(m.group(5)), new BigDecimal(m.group(6)), new BigDecimal(m.group(7)));
                Integer previous = seen.putIfAbsent(row.mac() + row.locality(), line);
                if (previous != null) {
                    throw new MalformedFileException(file, line, "MAC " + row.mac() + " locality " + row.locality()
                            + " already listed on line " + previous);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new MalformedFileException(file, 1, "no locality rows");
        }
        return rows;
    }
}
