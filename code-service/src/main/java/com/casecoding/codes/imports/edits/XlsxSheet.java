package com.casecoding.codes.imports.edits;

import com.casecoding.codes.imports.CsvRecords;
import com.casecoding.codes.imports.MalformedFileException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the first worksheet of an Office Open XML workbook ({@code .xlsx}, as CMS publishes the NCCI add-on code
 * edits) into rows, each with the sheet's own row number, served through {@link CsvRecords#of} like a CSV file's
 * records: a parser reads both the same way, and its line numbers are the workbook's row numbers. Cells are read as their stored text (shared strings, inline strings and plain values);
 * formulas are not evaluated (their cached value is used). No DTDs or external entities are read, and each part of the
 * workbook is capped in size, so a hostile file cannot exhaust the importer.
 */
final class XlsxSheet {

    /** Larger unpacked parts are refused: the CMS workbook's largest part is about 2 MB. */
    static final long MAX_PART_BYTES = 256L << 20;

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private XlsxSheet() {
    }

    /** The rows of the first worksheet; throws {@link MalformedFileException} for a broken workbook. */
    static CsvRecords firstSheet(Path file) throws IOException {
        String name = file.getFileName().toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> shared = List.of();
            ZipEntry strings = zip.getEntry("xl/sharedStrings.xml");
            if (strings != null) {
                shared = sharedStrings(zip, strings, name);
            }
            ZipEntry sheet = firstSheet(zip);
            if (sheet == null) {
                throw new MalformedFileException(name, 1, "not a workbook: no worksheet under xl/worksheets/");
            }
            return CsvRecords.of(sheetRows(zip, sheet, shared, name), name);
        } catch (ZipException e) {
            throw new MalformedFileException(name, 1, "not an .xlsx workbook (unreadable ZIP: " + e.getMessage() + ")");
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            throw new MalformedFileException(name, line, "broken workbook XML: " + e.getMessage());
        }
    }

    /** {@code sheet1.xml} when present (the first sheet Excel writes), else the first worksheet part by name. */
    private static ZipEntry firstSheet(ZipFile zip) {
        ZipEntry first = zip.getEntry("xl/worksheets/sheet1.xml");
        if (first != null) {
            return first;
        }
        return zip.stream().filter(e -> e.getName().startsWith("xl/worksheets/") && e.getName().endsWith(".xml"))
                .min(java.util.Comparator.comparing(ZipEntry::getName)).orElse(null);
    }

    private static InputStream open(ZipFile zip, ZipEntry entry, String file) throws IOException {
        if (entry.getSize() > MAX_PART_BYTES) {
            throw new MalformedFileException(file, 1, "workbook part " + entry.getName() + " is larger than "
                    + (MAX_PART_BYTES >> 20) + " MB");
        }
        InputStream in = zip.getInputStream(entry);
        return new InputStream() {
            private long read;

            @Override
            public int read() throws IOException {
                int b = in.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = in.read(buffer, off, len);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > MAX_PART_BYTES) {
                    throw new MalformedFileException(file, 1, "workbook part " + entry.getName() + " unpacks to more than "
                            + (MAX_PART_BYTES >> 20) + " MB");
                }
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** The shared string table: each {@code <si>}'s text, rich-text runs joined. */
    private static List<String> sharedStrings(ZipFile zip, ZipEntry entry, String file)
            throws IOException, XMLStreamException {
        List<String> out = new ArrayList<>();
        try (InputStream in = open(zip, entry, file)) {
            XMLStreamReader r = XML.createXMLStreamReader(in);
            StringBuilder text = null;
            boolean inT = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String tag = r.getLocalName();
                    if (tag.equals("si")) {
                        text = new StringBuilder();
                    } else if (tag.equals("t") && text != null) {
                        inT = true;
                    } else if (tag.equals("rPh")) {
                        skip(r); // phonetic hints are not part of the cell text
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (inT) {
                        text.append(r.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String tag = r.getLocalName();
                    if (tag.equals("t")) {
                        inT = false;
                    } else if (tag.equals("si") && text != null) {
                        out.add(text.toString());
                        text = null;
                    }
                }
            }
            r.close();
        }
        return out;
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** A row as the sheet stores it: its number and its cells up to the last one present. */
    private static List<CsvRecords.Record> sheetRows(ZipFile zip, ZipEntry entry, List<String> shared, String file)
            throws IOException, XMLStreamException {
        List<CsvRecords.Record> rows = new ArrayList<>();
        int width = 0;
        try (InputStream in = open(zip, entry, file)) {
            XMLStreamReader r = XML.createXMLStreamReader(in);
            List<String> row = null;
            int rowNumber = 0;
            int column = -1;
            String type = null;
            StringBuilder value = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "row" -> {
                            String n = r.getAttributeValue(null, "r");
                            rowNumber = n == null ? rowNumber + 1 : parseRow(n, file, rowNumber);
                            if (!rows.isEmpty() && rowNumber <= rows.get(rows.size() - 1).line()) {
                                throw new MalformedFileException(file, rowNumber, "worksheet rows out of order");
                            }
                            row = new ArrayList<>();
                        }
                        case "c" -> {
                            String ref = r.getAttributeValue(null, "r");
                            column = ref == null ? (row == null ? 0 : row.size()) : column(ref, file, rowNumber);
                            type = r.getAttributeValue(null, "t");
                            value = new StringBuilder();
                        }
                        case "v", "t" -> {
                            if (value != null) {
                                value.append(r.getElementText());
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "c" -> {
                            if (row != null && value != null) {
                                while (row.size() < column) {
                                    row.add("");
                                }
                                row.add(cellText(type, value.toString(), shared, file, rowNumber));
                            }
                            value = null;
                        }
                        case "row" -> {
                            rows.add(new CsvRecords.Record(rowNumber, row));
                            width = Math.max(width, row.size());
                            row = null;
                        }
                        default -> {
                        }
                    }
                }
            }
            r.close();
        }
        // a workbook leaves out empty trailing cells: every row gets the sheet's width
        for (CsvRecords.Record row : rows) {
            while (row.cells().size() < width) {
                row.cells().add("");
            }
        }
        return rows;
    }

    private static String cellText(String type, String raw, List<String> shared, String file, int row) {
        if ("s".equals(type)) {
            try {
                return shared.get(Integer.parseInt(raw.trim()));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new MalformedFileException(file, row, "cell refers to shared string '" + raw
                        + "', which the workbook does not have");
            }
        }
        if ("b".equals(type)) {
            return raw.trim().equals("1") ? "TRUE" : "FALSE";
        }
        return raw;
    }

    private static int parseRow(String n, String file, int previous) {
        try {
            return Integer.parseInt(n.trim());
        } catch (NumberFormatException e) {
            throw new MalformedFileException(file, previous + 1, "row number '" + n + "' is not a number");
        }
    }

    /** Zero-based column of a cell reference ("A1" = 0, "AB7" = 27). */
    static int column(String ref, String file, int row) {
        int col = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        if (i == 0 || col > 16_384) {
            throw new MalformedFileException(file, row, "cell reference '" + ref + "' has no valid column");
        }
        return col - 1;
    }
}
