package com.casecoding.codes.imports.codesets;

import com.casecoding.common.codes.CodeSystem;
import com.casecoding.codes.imports.DatasetImporter;
import com.casecoding.codes.imports.ImportContext;
import com.casecoding.codes.imports.SourceFile;
import com.casecoding.codes.imports.SourceLines;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ICD-9-CM master descriptions ({@code CMS32_DESC_LONG_DX.txt} with {@code CMS32_DESC_SHORT_DX.txt}: diagnoses;
 * {@code ..._SG.txt}: volume 3 procedures). The long file is the primary, the short file of the same kind is its
 * companion. Version {@code v32} = FY2015, effective 2014-10-01 (version N applies from FY 1983+N).
 */
@ApplicationScoped
public class Icd9Importer implements DatasetImporter {

    private static final Pattern NAME = Pattern.compile("cms(\\d{2})_desc_(long|short)_(dx|sg)\\.txt");

    @Override
    public Optional<SourceFile> recognize(Path file) {
        Matcher m = NAME.matcher(ReleaseNames.baseName(file));
        if (!m.matches()) {
            return Optional.empty();
        }
        int version = Integer.parseInt(m.group(1));
        String kind = m.group(3).toUpperCase(java.util.Locale.ROOT);
        Optional<Path> longFile = ReleaseNames.sibling(file, "CMS" + version + "_DESC_LONG_" + kind + ".txt");
        if (m.group(2).equals("short") && longFile.isPresent()) {
            return Optional.empty(); // companion of the long file
        }
        List<Path> companions = m.group(2).equals("long")
                ? ReleaseNames.sibling(file, "CMS" + version + "_DESC_SHORT_" + kind + ".txt").map(List::of)
                .orElse(List.of())
                : List.of();
        String dataset = kind.equals("DX") ? "icd9cm" : "icd9pcs";
        int fy = 1983 + version;
        return Optional.of(new SourceFile(dataset, "v" + version, ReleaseNames.fiscalYearStart(fy), file, companions,
                "ICD-9-CM version " + version + " (FY" + fy + ")"));
    }

    @Override
    public long importFile(SourceFile source, ImportContext context) throws Exception {
        String system = source.dataset();
        CodeSystem pattern = CodeSystem.fromId(system).orElseThrow();
        boolean primaryIsLong = ReleaseNames.baseName(source.file()).contains("_long_");
        Map<String, String> shortTitles = new HashMap<>();
        for (Path companion : source.companions()) {
            try (SourceLines lines = context.open(companion)) {
                String line;
                while ((line = lines.next()) != null) {
                    if (!line.isBlank()) {
                        String[] parsed = parse(line, pattern, system, lines);
                        shortTitles.put(parsed[0], parsed[1]);
                    }
                }
            }
        }
        long rows;
        try (CodeEntryWriter out = new CodeEntryWriter(context, system); SourceLines lines = context.openPrimary()) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parsed = parse(line, pattern, system, lines);
                if (!out.firstTime(parsed[0])) {
                    throw lines.malformed("code " + parsed[0] + " appears twice");
                }
                String shortTitle = primaryIsLong ? shortTitles.remove(parsed[0]) : parsed[1];
                out.writeInTabularOrder(parsed[0], false, shortTitle, parsed[1], null);
                context.progress(out.rows());
            }
            if (!shortTitles.isEmpty()) {
                throw context.malformed(0, "the short-title file lists " + shortTitles.size()
                        + " code(s) missing from the long-title file, e.g. " + shortTitles.keySet().iterator().next());
            }
            if (out.rows() == 0) {
                throw context.malformed(0, "the file holds no codes");
            }
            rows = out.rows();
        }
        HistoryDeriver.rebuild(context.connection(), system, system); // after the COPY has ended
        return rows;
    }

    private static String[] parse(String line, CodeSystem pattern, String system, SourceLines lines)
            throws com.casecoding.codes.imports.MalformedFileException {
        int space = line.indexOf(' ');
        if (space < 0) {
            throw lines.malformed("expected a code, a blank and a description");
        }
        String code = line.substring(0, space);
        String title = line.substring(space).trim();
        if (!pattern.accepts(code)) {
            throw lines.malformed("'" + code + "' is not a valid " + system + " code");
        }
        if (title.isEmpty()) {
            throw lines.malformed("code " + code + " has no description");
        }
        return new String[]{code, title};
    }
}
