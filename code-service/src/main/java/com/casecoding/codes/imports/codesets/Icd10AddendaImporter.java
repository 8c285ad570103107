package com.casecoding.codes.imports.codesets;

import com.casecoding.codes.imports.CopyWriter;
import com.casecoding.codes.imports.DatasetImporter;
import com.casecoding.codes.imports.ImportContext;
import com.casecoding.codes.imports.SourceFile;
import com.casecoding.codes.imports.SourceLines;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ICD-10-CM / ICD-10-PCS addenda: what changed from the previous fiscal year (Add, Delete, Revise from, Revise to).
 * The order addenda ({@code icd10cm_order_addenda_2025.txt}, PCS: {@code order_addenda_2021.txt}) carry the header flag
 * and both titles; the codes addenda ({@code icd10cm_codes_addenda_2025.txt}, PCS: {@code codes_addenda_2025.txt})
 * the billable codes with long titles. The order addenda are preferred; a codes addenda of the same year beside them is
 * a companion. The published file is stored as is ({@code code_addendum}); the page's history is derived from the
 * releases themselves and tests check that it reproduces the addenda.
 */
@ApplicationScoped
public class Icd10AddendaImporter implements DatasetImporter {

    private static final Pattern NAME = Pattern.compile("(icd10cm_|icd10pcs_)?(order|codes)_addenda_(\\d{4})("
            + ReleaseNames.APRIL_SUFFIX + ")?\\.txt");

    @Override
    public Optional<SourceFile> recognize(Path file) {
        Matcher m = NAME.matcher(ReleaseNames.baseName(file));
        if (!m.matches()) {
            return Optional.empty();
        }
        String prefix = m.group(1) == null ? "" : m.group(1);
        String system = prefix.startsWith("icd10cm") ? "icd10cm" : "icd10pcs";
        int year = Integer.parseInt(m.group(3));
        String suffix = m.group(4) == null ? "" : m.group(4);
        boolean april = !suffix.isEmpty() || ReleaseNames.aprilUpdateFolder(file);
        List<Path> companions = new ArrayList<>();
        if (m.group(2).equals("order")) {
            ReleaseNames.sibling(file, prefix + "codes_addenda_" + year + suffix + ".txt").ifPresent(companions::add);
        } else if (ReleaseNames.sibling(file, prefix + "order_addenda_" + year + suffix + ".txt").isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new SourceFile(system + "-addenda",
                ReleaseNames.fiscalYear(year) + (april ? ReleaseNames.APRIL : ""),
                april ? ReleaseNames.aprilUpdateStart(year) : ReleaseNames.fiscalYearStart(year), file, companions,
                april ? "changes of the April 1 update of FY" + year + " as published"
                        : "changes from FY" + (year - 1) + " to FY" + year + " as published"));
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public long importFile(SourceFile source, ImportContext context) throws Exception {
        String system = source.dataset().substring(0, source.dataset().indexOf('-'));
        boolean order = ReleaseNames.baseName(source.file()).contains("order_addenda");
        try (CopyWriter out = context.copy("codes.code_addendum", "release_id", "system", "line", "action", "code",
                "header", "short_title", "long_title"); SourceLines lines = context.openPrimary()) {
            boolean trailer = false;
            String line;
            while ((line = lines.next()) != null) {
                if (trailer) {
                    continue; // free-text change counts after the records
                }
                if (line.isBlank()) {
                    trailer = out.rows() > 0;
                    continue;
                }
                String action = action(line);
                if (action == null) {
                    throw lines.malformed("expected an action label (Add:, Delete:, Revise from:, Revise to:) "
                            + "in columns 1-12");
                }
                String code;
                Boolean header = null;
                String shortTitle = null;
                String longTitle;
                if (order && line.length() > 15 && (line.charAt(13) == '0' || line.charAt(13) == '1')
                        && line.charAt(14) == ' ') {
                    // ICD-10-CM order addenda: label 1-12, flag 14, code 16-22, short 24-83, long 85-
                    if (line.length() < 86 || line.charAt(12) != ' ') {
                        throw lines.malformed("not an order addenda record (label 1-12, flag 14, code 16-22, "
                                + "short title 24-83, long title 85-)");
                    }
                    header = line.charAt(13) == '0';
                    code = line.substring(15, 22).trim();
                    shortTitle = line.substring(23, 83).trim();
                    longTitle = line.substring(84).trim();
                } else if (order) {
                    // ICD-10-PCS order addenda: no flag column; 3-character table headers are the headers
                    if (line.length() < 84 || line.charAt(12) != ' ' || line.charAt(20) != ' ') {
                        throw lines.malformed("not an order addenda record (label 1-12, code 14-20, "
                                + "short title 22-81, long title 83-)");
                    }
                    code = line.substring(13, 20).trim();
                    header = code.length() < 7;
                    shortTitle = line.substring(21, 81).trim();
                    longTitle = line.substring(82).trim();
                } else {
                    if (line.length() < 22 || line.charAt(12) != ' ') {
                        throw lines.malformed("not a codes addenda record (label 1-12, code 14-20, title 22-)");
                    }
                    code = line.substring(13, 20).trim();
                    longTitle = line.substring(21).trim();
                }
                if (code.isEmpty() || !code.chars().allMatch(Character::isLetterOrDigit)) {
                    throw lines.malformed("'" + code + "' is not a code");
                }
                out.row(context.releaseId(), system, lines.lineNumber(), action, code, header,
                        shortTitle == null || shortTitle.isEmpty() ? null : shortTitle, longTitle);
                context.progress(out.rows());
            }
            if (out.rows() == 0) {
                throw context.malformed(0, "the file holds no addenda records");
            }
            return out.rows();
        }
    }

    private static String action(String line) {
        String label = line.length() >= 12 ? line.substring(0, 12).trim() : line.trim();
        return switch (label) {
            case "Add:" -> "add";
            case "Delete:" -> "delete";
            case "Revise from:" -> "revise_from";
            case "Revise to:" -> "revise_to";
            default -> null;
        };
    }
}
