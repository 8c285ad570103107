package com.casecoding.codes.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 4180 record reader: quoted cells may hold commas, doubled quotes and line breaks (the CMS MUE banner and header
 * are multi-line quoted cells). Each record knows the physical line it starts on, for error messages. The one CSV
 * reader of the importers (NCCI, MPFS, place of service); a workbook's rows ({@link #of}) are read through it too.
 */
public final class CsvRecords {

    public record Record(int line, List<String> cells) {
        public String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private final Reader in;
    private final Iterator<Record> rows;
    private final String file;
    private int line = 1;
    private int pushedBack = -2;

    public CsvRecords(Reader in, String file) {
        this.in = in;
        this.rows = null;
        this.file = file;
    }

    private CsvRecords(List<Record> rows, String file) {
        this.in = null;
        this.rows = rows.iterator();
        this.file = file;
    }

    /**
     * Rows already read from another container (a workbook's sheet, each with its own row number), served through the
     * same {@link #header} and {@link #nextData} as a CSV file's records.
     */
    public static CsvRecords of(List<Record> rows, String file) {
        return new CsvRecords(rows, file);
    }

    /**
     * Skips banner records until the header record whose first cell satisfies {@code isHeader}; refuses the file
     * when it does not come within {@code maxBefore} records.
     */
    public Record header(java.util.function.Predicate<String> isHeader, int maxBefore, String what) {
        Record r;
        int seen = 0;
        while ((r = next()) != null && !isHeader.test(r.cell(0).trim())) {
            if (++seen > maxBefore) {
                throw new MalformedFileException(file, r.line(), "no " + what + " header in the first records");
            }
        }
        if (r == null) {
            throw new MalformedFileException(file, 1, "no " + what + " header");
        }
        return r;
    }

    /** The next non-blank record, or null at the end of the input. */
    public Record nextData() {
        Record r;
        while ((r = next()) != null && r.blank()) {
            // blank lines between or after the rows carry nothing
        }
        return r;
    }

    /** The next record, or null at the end of the input. */
    public Record next() {
        if (rows != null) {
            return rows.hasNext() ? rows.next() : null;
        }
        int c = read();
        if (c == -1) {
            return null;
        }
        int start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new MalformedFileException(file, start, "a quoted cell opened here is never closed");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
                c = read();
                continue;
            }
            if (c == -1 || c == '\n' || c == '\r') {
                cells.add(cell.toString());
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        unread(d);
                    }
                }
                if (c != -1) {
                    line++;
                }
                return new Record(start, cells);
            }
            if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '"') {
                throw new MalformedFileException(file, line, "a double quote inside an unquoted cell");
            } else {
                cell.append((char) c);
            }
            c = read();
        }
    }

    private int read() {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
