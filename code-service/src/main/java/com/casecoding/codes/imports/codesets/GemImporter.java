package com.casecoding.codes.imports.codesets;

import com.casecoding.codes.imports.CopyWriter;
import com.casecoding.codes.imports.DatasetImporter;
import com.casecoding.codes.imports.ImportContext;
import com.casecoding.codes.imports.SourceFile;
import com.casecoding.codes.imports.SourceLines;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CMS General Equivalence Mappings: {@code 2018_I10gem.txt} (ICD-10-CM to ICD-9-CM), {@code 2018_I9gem.txt}
 * (ICD-9-CM to ICD-10-CM), {@code gem_pcsi9.txt} (ICD-10-PCS to ICD-9-CM procedures), {@code gem_i9pcs.txt} (back).
 * Each line: source code, target code ({@code NoDx}/{@code NoPCS}/{@code NoI9} when there is none) and five flags:
 * approximate, no map, combination, scenario, choice list. The fiscal year comes from the name or the folder (FY2018).
 */
@ApplicationScoped
public class GemImporter implements DatasetImporter {

    private static final Pattern NAME = Pattern.compile("(?:(\\d{4})_)?(i10gem|i9gem|gem_i9pcs|gem_pcsi9)\\.txt");

    private record Direction(String dataset, String sourceSystem, String targetSystem) {
    }

    @Override
    public Optional<SourceFile> recognize(Path file) {
        Matcher m = NAME.matcher(ReleaseNames.baseName(file));
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Integer> year = m.group(1) != null ? Optional.of(Integer.parseInt(m.group(1)))
                : ReleaseNames.fiscalYearFromFolders(file);
        if (year.isEmpty()) {
            return Optional.empty();
        }
        Direction d = direction(m.group(2));
        return Optional.of(new SourceFile(d.dataset(), ReleaseNames.fiscalYear(year.get()),
                ReleaseNames.fiscalYearStart(year.get()), file, java.util.List.of(),
                "General Equivalence Mappings " + d.sourceSystem() + " to " + d.targetSystem()));
    }

    private static Direction direction(String kind) {
        return switch (kind) {
            case "i10gem" -> new Direction("gem-dx-i10-i9", "icd10cm", "icd9cm");
            case "i9gem" -> new Direction("gem-dx-i9-i10", "icd9cm", "icd10cm");
            case "gem_pcsi9" -> new Direction("gem-pcs-i10-i9", "icd10pcs", "icd9pcs");
            default -> new Direction("gem-pcs-i9-i10", "icd9pcs", "icd10pcs");
        };
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public long importFile(SourceFile source, ImportContext context) throws Exception {
        Matcher m = NAME.matcher(ReleaseNames.baseName(source.file()));
        if (!m.matches()) {
            throw context.malformed(0, "not a GEM file name");
        }
        Direction d = direction(m.group(2));
        try (CopyWriter out = context.copy("codes.gem_mapping", "release_id", "source_system", "source_code",
                "target_system", "target_code", "approximate", "no_map", "combination", "scenario", "choice_list");
             SourceLines lines = context.openPrimary()) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                if (f.length != 3) {
                    throw lines.malformed("expected 3 fields (source code, target code, 5-digit flags), found "
                            + f.length);
                }
                String flags = f[2];
                if (!flags.matches("[01][01][01][0-9][0-9]")) {
                    throw lines.malformed("flags '" + flags + "' are not 5 digits (approximate, no map, combination "
                            + "0/1, scenario, choice list)");
                }
                if (!f[0].chars().allMatch(Character::isLetterOrDigit) || f[0].length() > 7) {
                    throw lines.malformed("'" + f[0] + "' is not a code");
                }
                boolean noMap = flags.charAt(1) == '1';
                String target = f[1].startsWith("No") ? null : f[1];
                // CMS ships a few rows with a "NoI9" target and the no-map flag 0: kept as published
                out.row(context.releaseId(), d.sourceSystem(), f[0], d.targetSystem(), target,
                        flags.charAt(0) == '1', noMap, flags.charAt(2) == '1', flags.charAt(3) - '0',
                        flags.charAt(4) - '0');
                context.progress(out.rows());
            }
            if (out.rows() == 0) {
                throw context.malformed(0, "the file holds no mappings");
            }
            return out.rows();
        }
    }
}
