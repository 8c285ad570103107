package com.casecoding.codes.imports.codesets;

import com.casecoding.common.codes.CodeSystem;
import com.casecoding.codes.imports.DatasetImporter;
import com.casecoding.codes.imports.ImportContext;
import com.casecoding.codes.imports.SourceFile;
import com.casecoding.codes.imports.SourceLines;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPT (HCPCS Level I). Two inputs:
 * <ul>
 *   <li>a licensee's AMA data files, tab-separated code and descriptor, one file per length: {@code LONGULT.txt}
 *       (or {@code LONGUT.txt}) is the primary, {@code MEDU.txt} and {@code SHORTU.txt} beside it are companions.
 *       The year comes from the folder ({@code .../CPT2025/LONGULT.txt}), effective January 1.</li>
 *   <li>without a licence, a plain code list {@code cpt_code_list_2025.txt} (one code per line, {@code #} comments):
 *       codes without any official text; the page then says the descriptor needs a licence. A licensed import of the
 *       same year later replaces it (same dataset and version).</li>
 * </ul>
 * No CPT descriptor text is ever part of this repository; tests use invented descriptors in the AMA layout.
 */
@ApplicationScoped
public class CptImporter implements DatasetImporter {

    private static final Pattern LONG = Pattern.compile("longul?t\\.txt");
    private static final Pattern CODE_LIST = Pattern.compile("cpt_code_list_(\\d{4})\\.txt");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @Override
    public Optional<SourceFile> recognize(Path file) {
        String name = ReleaseNames.baseName(file);
        Matcher list = CODE_LIST.matcher(name);
        if (list.matches()) {
            int year = Integer.parseInt(list.group(1));
            return Optional.of(new SourceFile("cpt", String.valueOf(year), LocalDate.of(year, 1, 1), file, List.of(),
                    "CPT code numbers only: no AMA licence, no official descriptors"));
        }
        if (!LONG.matcher(name).matches()) {
            return Optional.empty();
        }
        Optional<Integer> year = ReleaseNames.yearFromFolders(file, YEAR);
        if (year.isEmpty()) {
            return Optional.empty();
        }
        List<Path> companions = new ArrayList<>();
        ReleaseNames.sibling(file, "MEDU.txt").ifPresent(companions::add);
        ReleaseNames.sibling(file, "SHORTU.txt").ifPresent(companions::add);
        return Optional.of(new SourceFile("cpt", String.valueOf(year.get()), LocalDate.of(year.get(), 1, 1), file,
                companions, "AMA CPT data files (licensed descriptors)"));
    }

    @Override
    public long importFile(SourceFile source, ImportContext context) throws Exception {
        boolean codeList = CODE_LIST.matcher(ReleaseNames.baseName(source.file())).matches();
        Map<String, String> medium = new HashMap<>();
        Map<String, String> shortTitles = new HashMap<>();
        for (Path companion : source.companions()) {
            boolean isShort = ReleaseNames.baseName(companion).startsWith("short");
            readTabbed(context, companion, isShort ? shortTitles : medium);
        }
        long rows;
        try (CodeEntryWriter out = new CodeEntryWriter(context, "cpt"); SourceLines lines = context.openPrimary()) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank() || (codeList && line.startsWith("#"))) {
                    continue;
                }
                String code;
                String longTitle = null;
                if (codeList) {
                    code = line.trim();
                } else {
                    int tab = line.indexOf('\t');
                    if (tab < 0) {
                        throw lines.malformed("expected a code, a TAB and a descriptor");
                    }
                    code = line.substring(0, tab).trim();
                    longTitle = line.substring(tab + 1).trim();
                    if (longTitle.isEmpty()) {
                        throw lines.malformed("code " + code + " has no descriptor");
                    }
                }
                if (!CodeSystem.CPT.accepts(code)) {
                    throw lines.malformed("'" + code + "' is not a CPT code (4 digits and a digit, F, M, T or U)");
                }
                if (!out.firstTime(code)) {
                    throw lines.malformed("code " + code + " appears twice");
                }
                String attrs = medium.containsKey(code)
                        ? "{\"mediumDescriptor\":" + jsonString(medium.get(code)) + "}" : null;
                out.write(code, false, shortTitles.get(code), longTitle, code.substring(0, 3), attrs);
                context.progress(out.rows());
            }
            if (out.rows() == 0) {
                throw context.malformed(0, "the file holds no codes");
            }
            rows = out.rows();
        }
        HistoryDeriver.rebuild(context.connection(), "cpt", "cpt"); // after the COPY has ended
        return rows;
    }

    private static void readTabbed(ImportContext context, Path file, Map<String, String> into) throws Exception {
        try (SourceLines lines = context.open(file)) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw lines.malformed("expected a code, a TAB and a descriptor");
                }
                into.put(line.substring(0, tab).trim(), line.substring(tab + 1).trim());
            }
        }
    }

    private static String jsonString(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
