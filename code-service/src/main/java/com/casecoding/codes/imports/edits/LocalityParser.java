package com.casecoding.codes.imports.edits;

import com.casecoding.codes.imports.MalformedFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CMS locality/county file (e.g. 25LOCCO.txt), fixed width: MAC at columns 5-9, locality 17-18, state 23-45 (blank
 * = same state as the row above), fee schedule area 46-143, counties from 144 (1-based). Header lines first, rows
 * separated by blank lines, a footnote starting with '*' at the end.
 */
final class LocalityParser {

    record Row(int line, String mac, String locality, String state, String area, String counties) {
    }

    private LocalityParser() {
    }

    static List<Row> parse(Reader reader, String file) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String text;
            int line = 0;
            boolean header = false;
            String state = "";
            while ((text = in.readLine()) != null) {
                line++;
                if (!header) {
                    header = text.contains("Locality") && text.contains("Counties");
                    if (!header && line > 10) {
                        throw new MalformedFileException(file, line, "no header line naming Locality and Counties");
                    }
                    continue;
                }
                if (text.isBlank() || text.trim().startsWith("*")) {
                    continue;
                }
                if (text.length() < 144) {
                    throw new MalformedFileException(file, line,
                            "row is " + text.length() + " characters, counties start at column 144");
                }
                String mac = text.substring(4, 9);
                String locality = text.substring(16, 18);
                if (!mac.matches("\\d{5}") || !locality.matches("\\d{2}") || !text.substring(0, 4).isBlank()) {
                    throw new MalformedFileException(file, line,
                            "expected a 5-digit MAC at columns 5-9 and a 2-digit locality at 17-18");
                }
                String rowState = text.substring(22, 45).trim();
                if (!rowState.isEmpty()) {
                    state = rowState;
                } else if (state.isEmpty()) {
                    throw new MalformedFileException(file, line, "first row has no state");
                }
                rows.add(new Row(line, mac, locality, state, text.substring(45, 143).trim(),
                        text.substring(143).trim()));
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
