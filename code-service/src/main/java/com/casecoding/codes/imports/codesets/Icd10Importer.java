package com.casecoding.codes.imports.codesets;

import com.casecoding.common.codes.CodeSystem;
import com.casecoding.codes.imports.DatasetImporter;
import com.casecoding.codes.imports.ImportContext;
import com.casecoding.codes.imports.SourceFile;
import com.casecoding.codes.imports.SourceLines;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ICD-10-CM and ICD-10-PCS "order" files ({@code icd10cm_order_2025.txt}, {@code icd10pcs_order_2021.txt}: every node,
 * header flag, short and long title) and, where no order file of the same year lies beside them, the "codes" files
 * ({@code icd10cm_codes_2025.txt}, {@code icd10pcs_codes_2025.txt}: billable codes and long titles only). When both
 * exist, the codes file is read as a companion and must agree with the order file (same billable codes, same long
 * titles), else the release is refused.
 */
@ApplicationScoped
public class Icd10Importer implements DatasetImporter {

    private static final Pattern NAME = Pattern.compile(
            "(icd10cm|icd10pcs)_(order|codes)_(\\d{4})(" + ReleaseNames.APRIL_SUFFIX + ")?\\.txt");

    @Override
    public Optional<SourceFile> recognize(Path file) {
        Matcher m = NAME.matcher(ReleaseNames.baseName(file));
        if (!m.matches()) {
            return Optional.empty();
        }
        String system = m.group(1);
        boolean order = m.group(2).equals("order");
        int year = Integer.parseInt(m.group(3));
        String suffix = m.group(4) == null ? "" : m.group(4);
        boolean april = !suffix.isEmpty() || ReleaseNames.aprilUpdateFolder(file);
        List<Path> companions = new ArrayList<>();
        if (order) {
            ReleaseNames.sibling(file, system + "_codes_" + year + suffix + ".txt").ifPresent(companions::add);
        } else if (ReleaseNames.sibling(file, system + "_order_" + year + suffix + ".txt").isPresent()) {
            return Optional.empty(); // read as the order file's companion
        }
        String note = (april ? "April 1 update; " : "") + (order ? "order file" + (companions.isEmpty() ? ""
                : ", checked against the codes file") : system.equals("icd10pcs")
                ? "codes file: valid codes with long titles (the tables, 3-character headers, follow from the codes)"
                : "codes file: billable codes with long titles only (no headers, no short titles)");
        return Optional.of(new SourceFile(system, ReleaseNames.fiscalYear(year) + (april ? ReleaseNames.APRIL : ""),
                april ? ReleaseNames.aprilUpdateStart(year) : ReleaseNames.fiscalYearStart(year), file, companions,
                note));
    }

    @Override
    public long importFile(SourceFile source, ImportContext context) throws Exception {
        String system = source.dataset();
        boolean order = ReleaseNames.baseName(source.file()).contains("_order_");
        long rows;
        try (CodeEntryWriter out = new CodeEntryWriter(context, system); SourceLines lines = context.openPrimary()) {
            rows = order ? readOrder(system, lines, out, context) : readCodes(system, lines, out, context);
        }
        if (rows == 0) {
            throw context.malformed(0, "the file holds no codes");
        }
        HistoryDeriver.rebuild(context.connection(), system, system);
        return rows;
    }

    private long readOrder(String system, SourceLines lines, CodeEntryWriter out, ImportContext context)
            throws Exception {
        Map<String, String> billable = new HashMap<>(131072);
        CodeSystem codeSystem = CodeSystem.fromId(system).orElseThrow();
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            if (line.length() < 78) {
                throw lines.malformed("record is " + line.length()
                        + " characters; an order record has at least 78 (order number, code, flag, titles)");
            }
            if (!isDigits(line, 0, 5) || line.charAt(5) != ' ' || line.charAt(13) != ' ' || line.charAt(15) != ' ') {
                throw lines.malformed("not an order-file record (columns 1-5 order number, 7-13 code, 15 flag)");
            }
            String code = line.substring(6, 13).trim();
            char flag = line.charAt(14);
            if (!codeSystem.acceptsNode(code)) {
                throw lines.malformed("'" + code + "' is not a valid " + codeSystem.label() + " code ("
                        + codeSystem.description() + ")");
            }
            if (flag != '0' && flag != '1') {
                throw lines.malformed("header flag (column 15) is '" + flag + "', expected 0 or 1");
            }
            String shortTitle = line.substring(16, 76).trim();
            String longTitle = line.substring(77).trim();
            if (longTitle.isEmpty()) {
                throw lines.malformed("code " + code + " has no long description");
            }
            if (!out.firstTime(code)) {
                throw lines.malformed("code " + code + " appears twice");
            }
            out.writeInTabularOrder(code, flag == '0', shortTitle.isEmpty() ? null : shortTitle, longTitle, null);
            if (flag == '1') {
                billable.put(code, longTitle);
            }
            context.progress(out.rows());
        }
        for (Path companion : context.source().companions()) {
            checkCodesFile(system, companion, billable, context);
        }
        return out.rows();
    }

    /** The codes file must list exactly the order file's billable codes with the same long titles. */
    private static void checkCodesFile(String system, Path file, Map<String, String> billable, ImportContext context)
            throws Exception {
        long count = 0;
        try (SourceLines lines = context.open(file)) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parsed = parseCodesLine(system, line, lines);
                String expected = billable.get(parsed[0]);
                if (expected == null) {
                    throw lines.malformed("code " + parsed[0] + " is billable here but not in the order file");
                }
                if (!expected.equals(parsed[1])) {
                    throw lines.malformed("code " + parsed[0] + ": long title differs from the order file");
                }
                count++;
            }
            if (count != billable.size()) {
                throw lines.malformed("lists " + count + " codes, the order file has " + billable.size()
                        + " billable codes");
            }
        }
    }

    /**
     * A codes file: every line a valid code. ICD-10-PCS codes files carry no table rows, but a table exists exactly
     * when a code of it does, so the release also gets the tables (first three characters) of its codes as header
     * rows, without titles (an order file of any year names them). Returns the number of codes read.
     */
    private long readCodes(String system, SourceLines lines, CodeEntryWriter out, ImportContext context)
            throws Exception {
        boolean pcs = system.equals("icd10pcs");
        java.util.Set<String> tables = new java.util.LinkedHashSet<>();
        long codes = 0;
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] parsed = parseCodesLine(system, line, lines);
            if (!out.firstTime(parsed[0])) {
                throw lines.malformed("code " + parsed[0] + " appears twice");
            }
            if (pcs) {
                String table = parsed[0].substring(0, 3);
                tables.add(table);
                out.write(parsed[0], false, null, parsed[1], table, null);
            } else {
                out.writeInTabularOrder(parsed[0], false, null, parsed[1], null);
            }
            context.progress(++codes);
        }
        for (String table : tables) {
            if (!out.firstTime(table)) {
                throw context.malformed(0, "table " + table + " is also listed as a code");
            }
            out.write(table, true, null, null, null, "{\"derived\":\"table of the codes in this file\"}");
        }
        return codes;
    }

    /** Codes file record: 1-7 code, 8 blank, 9-end long description. */
    private static String[] parseCodesLine(String system, String line, SourceLines lines)
            throws com.casecoding.codes.imports.MalformedFileException {
        if (line.length() < 9 || line.charAt(7) != ' ') {
            throw lines.malformed("not a codes-file record (columns 1-7 code, 8 blank, 9- description)");
        }
        String code = line.substring(0, 7).trim();
        CodeSystem codeSystem = CodeSystem.fromId(system).orElseThrow();
        if (!codeSystem.accepts(code)) {
            throw lines.malformed("'" + code + "' is not a valid " + codeSystem.label() + " code ("
                    + codeSystem.description() + ")");
        }
        String title = line.substring(8).trim();
        if (title.isEmpty()) {
            throw lines.malformed("code " + code + " has no description");
        }
        return new String[]{code, title};
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
