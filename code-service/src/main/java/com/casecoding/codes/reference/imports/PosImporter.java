package com.casecoding.codes.reference.imports;

import com.casecoding.codes.imports.CopyWriter;
import com.casecoding.codes.imports.CsvRecords;
import com.casecoding.codes.imports.DatasetImporter;
import com.casecoding.codes.imports.ImportContext;
import com.casecoding.codes.imports.MalformedFileException;
import com.casecoding.codes.imports.SourceFile;
import com.casecoding.codes.imports.SourceLines;
import com.casecoding.codes.reference.PlaceOfServiceCodes;
import com.casecoding.codes.reference.ReferenceDatasets;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CMS Place of Service code set as a CSV list ({@code place_of_service_codes.csv}: a header {@code code,description}
 * then one code per row, the two-digit code with its leading zero, then the name; UTF-8, an optional byte-order mark,
 * quoted names may hold commas). CMS publishes the set as a web table with no release date, so the release is dated by
 * a year (and month) in the file or folder name ({@code pos_2026-01.csv}, {@code pos/2026-01/}); a file without one is
 * the release {@code undated}, which any dated release supersedes.
 */
@ApplicationScoped
public class PosImporter implements DatasetImporter {

    public static final String UNDATED = "undated";

    @Override
    public Optional<SourceFile> recognize(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String name = ReleaseCalendar.stem(file).toLowerCase(Locale.ROOT);
        String squeezed = name.replace("_", "").replace("-", "").replace(" ", "");
        boolean csv = name.endsWith(".csv");
        if (!csv || !(squeezed.contains("placeofservice") || squeezed.startsWith("poscodes"))) {
            return Optional.empty();
        }
        Optional<LocalDate> date = ReleaseCalendar.dateInNameOrFolder(file);
        return Optional.of(date.map(d -> new SourceFile(ReferenceDatasets.POS, d.getYear() + "-"
                        + String.format("%02d", d.getMonthValue()), d, file, List.of(),
                        "CMS Place of Service code set as of " + d.getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                                Locale.US) + " " + d.getYear()))
                .orElseGet(() -> new SourceFile(ReferenceDatasets.POS, UNDATED, LocalDate.EPOCH, file, List.of(),
                        "CMS Place of Service code set; the file states no date")));
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public long importFile(SourceFile source, ImportContext context) throws Exception {
        Map<String, Long> seen = new HashMap<>();
        try (SourceLines lines = SourceLines.open(source.file(), StandardCharsets.UTF_8);
             CopyWriter out = context.copy("codes.place_of_service", "release_id", "code", "name")) {
            String header = lines.next();
            if (header == null) {
                throw context.malformed(0, "the file is empty");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            List<String> head = cells(header);
            if (head.size() < 2 || !head.get(0).strip().toLowerCase(Locale.ROOT).contains("code")) {
                throw context.malformed(1, "expected the header 'code,description' (place of service code, name)");
            }
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> row = cells(line);
                if (row == null || row.size() < 2) {
                    throw lines.malformed("expected a two-digit code and its name separated by a comma");
                }
                String code = PlaceOfServiceCodes.normalize(row.get(0)).orElseThrow(() -> lines.malformed(
                        "'" + row.get(0).strip() + "' is not a place of service code (two digits, 01-99)"));
                String name = String.join(",", row.subList(1, row.size())).strip();
                if (name.isEmpty()) {
                    throw lines.malformed("place of service " + code + " has no name");
                }
                Long earlier = seen.putIfAbsent(code, lines.lineNumber());
                if (earlier != null) {
                    throw lines.malformed("place of service " + code + " is listed twice (also line " + earlier + ")");
                }
                out.row(context.releaseId(), code, name);
                context.progress(out.rows());
            }
            if (out.rows() == 0) {
                throw context.malformed(0, "the file lists no place of service code");
            }
            return out.rows();
        }
    }

    /** The cells of one CSV line (RFC 4180 quoting within the line); null for a quote the line leaves unclosed. */
    static List<String> cells(String line) {
        try {
            CsvRecords.Record record = new CsvRecords(new StringReader(line), "line").next();
            return record == null ? List.of() : record.cells();
        } catch (MalformedFileException e) {
            return null;
        }
    }
}
