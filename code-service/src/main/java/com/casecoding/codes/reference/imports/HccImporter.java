package com.casecoding.codes.reference.imports;

import com.casecoding.codes.imports.CopyWriter;
import com.casecoding.codes.imports.DatasetImporter;
import com.casecoding.codes.imports.ImportContext;
import com.casecoding.codes.imports.SourceFile;
import com.casecoding.codes.imports.SourceLines;
import com.casecoding.common.codes.CodeSystem;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CMS-HCC format files ({@code F2422P1M.TXT}: model V24, payment year 2022; {@code F2824T1N.TXT}: V28, 2024), the
 * ICD-10-CM -> HCC tables of the CMS risk-adjustment software: one line per code and HCC, the code without its dot,
 * a tab (or spaces), the HCC number, then a trailing tab with either nothing or {@code D}: CMS marks with {@code D} the
 * further lines of a code that maps to several HCCs. A code in several HCCs has several lines; a code in no payment
 * HCC has none. Each model version is its own dataset, each payment year a release of it.
 */
@ApplicationScoped
public class HccImporter implements DatasetImporter {

    @Override
    public Optional<SourceFile> recognize(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return ReleaseCalendar.hccFormatFile(file).map(f -> new SourceFile(f.dataset(), f.version(),
                f.effectiveDate(), file, List.of(), "CMS-HCC model V" + f.model() + ", payment year " + f.paymentYear()
                + " (CMS format file " + f.name() + "): risk scores for " + f.paymentYear()
                + " use diagnoses from dates of service in " + (f.paymentYear() - 1)));
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public long importFile(SourceFile source, ImportContext context) throws Exception {
        Map<String, Long> seen = new HashMap<>();
        try (SourceLines lines = context.openPrimary();
             CopyWriter out = context.copy("codes.hcc_mapping", "release_id", "code", "hcc", "line")) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.strip().split("[\\t ]+");
                if (fields.length == 3 && !fields[2].equals("D") || fields.length < 2 || fields.length > 3) {
                    throw lines.malformed("expected an ICD-10-CM code, a tab, an HCC number and optionally a tab "
                            + "and D (a further HCC of the code), found '" + line.strip() + "'");
                }
                String code = CodeSystem.ICD10CM.normalize(fields[0]).orElseThrow(() -> lines.malformed(
                        "'" + fields[0] + "' is not an ICD-10-CM code (3-7 letters and digits, first a letter)"));
                int hcc = hccNumber(fields[1]);
                if (hcc < 1) {
                    throw lines.malformed("'" + fields[1] + "' is not an HCC number (1-999)");
                }
                Long earlier = seen.putIfAbsent(code + "|" + hcc, lines.lineNumber());
                if (earlier != null) {
                    throw lines.malformed("code " + fields[0] + " with HCC " + hcc + " repeats line " + earlier);
                }
                out.row(context.releaseId(), code, hcc, lines.lineNumber());
                context.progress(out.rows());
            }
            if (out.rows() == 0) {
                throw context.malformed(0, "the file holds no code-to-HCC lines");
            }
            return out.rows();
        }
    }

    /** The HCC number, or -1 when the text is not one. */
    static int hccNumber(String text) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int hcc = Integer.parseInt(text);
        return hcc < 1 ? -1 : hcc;
    }
}
