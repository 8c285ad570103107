package com.casecoding.codes.imports.codesets;

import com.casecoding.common.codes.CodeSystem;
import com.casecoding.codes.imports.DatasetImporter;
import com.casecoding.codes.imports.ImportContext;
import com.casecoding.codes.imports.MalformedFileException;
import com.casecoding.codes.imports.SourceFile;
import com.casecoding.codes.imports.SourceLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CMS HCPCS Level II quarterly alpha-numeric file ({@code HCPC2025_JAN_ANWEB_12172024.txt}): fixed 320-character
 * records. Record id 3 starts a procedure code, 4 continues its long description, 7 starts a Level II modifier, 8
 * continues it. Procedure codes are stored as system {@code hcpcs}, modifiers as system {@code modifier}, both in the
 * one {@code hcpcs} release; administrative fields go to {@code attrs}.
 */
@ApplicationScoped
public class HcpcsImporter implements DatasetImporter {

    private static final Pattern NAME = Pattern.compile("hcpc(\\d{4})_(jan|apr|jul|oct)_anweb(_[0-9a-z]+)?\\.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Optional<SourceFile> recognize(Path file) {
        Matcher m = NAME.matcher(ReleaseNames.baseName(file));
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        String quarter = m.group(2).toUpperCase(Locale.ROOT);
        int month = switch (quarter) {
            case "JAN" -> 1;
            case "APR" -> 4;
            case "JUL" -> 7;
            default -> 10;
        };
        return Optional.of(new SourceFile("hcpcs", year + "-" + quarter, LocalDate.of(year, month, 1), file,
                java.util.List.of(), "HCPCS Level II " + quarter + " " + year + " quarterly file (codes and modifiers)"));
    }

    /** One code being assembled from its first record and continuation records. */
    private static final class Pending {
        String system;
        String code;
        StringBuilder longTitle;
        String shortTitle;
        ObjectNode attrs;
    }

    @Override
    public long importFile(SourceFile source, ImportContext context) throws Exception {
        LocalDate effective = source.effectiveDate();
        List<Pending> modifiers = new ArrayList<>(); // a few hundred; written once the codes' COPY has ended
        long rows = 0;
        try (CodeEntryWriter out = new CodeEntryWriter(context, "hcpcs"); SourceLines lines = context.openPrimary()) {
            Pending pending = null;
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank() || line.equals("\u001a")) {
                    continue;
                }
                if (line.length() < 293) {
                    throw lines.malformed("record is " + line.length() + " characters, expected 320");
                }
                char id = line.charAt(10);
                switch (id) {
                    case '3', '7' -> {
                        flush(pending, out, modifiers, lines);
                        pending = first(line, id == '7', lines, effective);
                        rows++;
                    }
                    case '4', '8' -> {
                        String code = id == '8' ? line.substring(3, 5) : line.substring(0, 5);
                        if (pending == null || !pending.code.equals(code)
                                || !pending.system.equals(id == '8' ? "modifier" : "hcpcs")) {
                            throw lines.malformed("continuation record for " + code.trim()
                                    + " does not follow that code's first record");
                        }
                        String more = line.substring(11, 91).trim();
                        if (!more.isEmpty()) {
                            pending.longTitle.append(' ').append(more);
                        }
                    }
                    default -> throw lines.malformed("record id (column 11) is '" + id + "', expected 3, 4, 7 or 8");
                }
                context.progress(rows);
            }
            flush(pending, out, modifiers, lines);
        }
        if (rows == 0) {
            throw context.malformed(0, "the file holds no codes");
        }
        try (CodeEntryWriter out = new CodeEntryWriter(context, "modifier")) {
            for (Pending m : modifiers) {
                if (!out.firstTime(m.code)) {
                    throw context.malformed(0, "modifier " + m.code + " appears twice");
                }
                write(m, out, null);
            }
        }
        HistoryDeriver.rebuild(context.connection(), "hcpcs", "hcpcs");
        HistoryDeriver.rebuild(context.connection(), "modifier", "hcpcs");
        return rows;
    }

    private static Pending first(String line, boolean modifier, SourceLines lines, LocalDate effective)
            throws MalformedFileException {
        Pending p = new Pending();
        p.system = modifier ? "modifier" : "hcpcs";
        if (modifier) {
            if (!line.substring(0, 3).isBlank()) {
                throw lines.malformed("a modifier record has blanks in columns 1-3");
            }
            p.code = line.substring(3, 5);
            if (!CodeSystem.MODIFIER.accepts(p.code)) {
                throw lines.malformed("'" + p.code + "' is not a Level II modifier");
            }
        } else {
            p.code = line.substring(0, 5);
            if (!CodeSystem.HCPCS.accepts(p.code)) {
                throw lines.malformed("'" + p.code.trim() + "' is not a HCPCS Level II code (a letter and 4 digits)");
            }
        }
        p.longTitle = new StringBuilder(line.substring(11, 91).trim());
        p.shortTitle = line.substring(91, 119).trim();
        ObjectNode a = JSON.createObjectNode();
        ArrayNode pricing = a.putArray("pricingIndicators");
        for (int i = 119; i < 127; i += 2) {
            String v = line.substring(i, i + 2).trim();
            if (!v.isEmpty()) {
                pricing.add(v);
            }
        }
        put(a, "multiplePricingIndicator", line.substring(127, 128));
        put(a, "coverageCode", line.substring(229, 230));
        put(a, "ascGroup", line.substring(230, 232));
        put(a, "betos", line.substring(256, 259));
        put(a, "processingNote", line.substring(252, 256));
        ArrayNode tos = a.putArray("typeOfService");
        for (char c : line.substring(260, 265).trim().toCharArray()) {
            if (c != ' ') {
                tos.add(String.valueOf(c));
            }
        }
        ArrayNode xref = a.putArray("crossReferences");
        for (int i = 204; i < 229; i += 5) {
            String v = line.substring(i, i + 5).trim();
            if (!v.isEmpty()) {
                xref.add(v);
            }
        }
        put(a, "addedDate", date(line.substring(268, 276), "code added date (269-276)", lines));
        put(a, "actionEffectiveDate", date(line.substring(276, 284), "action effective date (277-284)", lines));
        String termination = date(line.substring(284, 292), "termination date (285-292)", lines);
        put(a, "terminationDate", termination);
        put(a, "actionCode", line.substring(292, 293));
        a.put("terminated", termination != null && !LocalDate.parse(termination).isAfter(effective));
        p.attrs = a;
        return p;
    }

    private static void flush(Pending p, CodeEntryWriter codes, List<Pending> modifiers, SourceLines lines)
            throws Exception {
        if (p == null) {
            return;
        }
        if (p.system.equals("modifier")) {
            modifiers.add(p);
            return;
        }
        if (!codes.firstTime(p.code)) {
            throw lines.malformed("code " + p.code + " appears twice");
        }
        write(p, codes, p.code.substring(0, 3));
    }

    private static void write(Pending p, CodeEntryWriter out, String parent) throws Exception {
        out.write(p.code, false, p.shortTitle.isEmpty() ? null : p.shortTitle, p.longTitle.toString(), parent,
                p.attrs.toString());
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.trim());
        }
    }

    private static String date(String raw, String what, SourceLines lines) throws MalformedFileException {
        if (raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(raw.substring(0, 4)), Integer.parseInt(raw.substring(4, 6)),
                    Integer.parseInt(raw.substring(6, 8))).toString();
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw lines.malformed(what + " '" + raw + "' is not a date YYYYMMDD");
        }
    }
}
