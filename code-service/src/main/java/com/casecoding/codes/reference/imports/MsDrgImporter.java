package com.casecoding.codes.reference.imports;

import com.casecoding.codes.imports.CopyWriter;
import com.casecoding.codes.imports.DatasetImporter;
import com.casecoding.codes.imports.ImportContext;
import com.casecoding.codes.imports.SourceFile;
import com.casecoding.codes.imports.SourceLines;
import com.casecoding.codes.reference.MsDrgVersion;
import com.casecoding.codes.reference.ReferenceDatasets;
import com.casecoding.common.codes.CodeSystem;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One MS-DRG definitions release: Appendix A ({@code appendix_A.txt}, the DRG list; primary file) and every other
 * appendix file of the same folder ({@code appendix_F_J.txt.gz} with the CC list G, the MCC list H and the HAC list I,
 * or one file per appendix) as companions. The version comes from Appendix A's title ("Version 40.0"), else from the
 * folder ({@code v40}); version N is the grouper of fiscal year 1983 + N, effective October 1 (N.1: April 1).
 * Appendix C (the CC exclusion lists) is not read: when no appendix of the release carries it, pages say so.
 */
@ApplicationScoped
public class MsDrgImporter implements DatasetImporter {

    @Override
    public Optional<SourceFile> recognize(Path file) {
        if (!Files.isRegularFile(file) || !appendixLetters(file).equals("A")) {
            return Optional.empty();
        }
        Optional<MsDrgVersion> version = versionInTitle(file)
                .or(() -> ReleaseCalendar.drgVersionInFolders(file));
        List<Path> companions = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(file.toAbsolutePath().getParent())) {
            for (Path p : dir) {
                String letters = appendixLetters(p);
                if (Files.isRegularFile(p) && !letters.isEmpty() && !letters.equals("A")) {
                    companions.add(p);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        companions.sort(null);
        if (version.isEmpty()) {
            // refused at import with the reason, rather than silently not recognized
            return Optional.of(new SourceFile(ReferenceDatasets.MSDRG, "unknown", LocalDate.EPOCH, file, companions,
                    null));
        }
        MsDrgVersion v = version.get();
        return Optional.of(new SourceFile(ReferenceDatasets.MSDRG, v.version(), v.effectiveDate(), file, companions,
                "MS-DRG " + v.version() + " definitions (fiscal year " + v.fiscalYear() + "), appendices "
                        + String.join(", ", letters(file, companions))));
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public long importFile(SourceFile source, ImportContext context) throws Exception {
        if (source.version().equals("unknown")) {
            throw context.malformed(0, "no MS-DRG version: Appendix A's title carries none (\"Version 40.0\") and no "
                    + "folder above it is named like v40; put the appendices in a folder named after their version");
        }
        Collector collector = new Collector();
        long rows;
        try (SourceLines lines = context.openPrimary()) {
            rows = MsDrgParser.appendixA(lines, collector);
        }
        for (Path companion : source.companions()) {
            try (SourceLines lines = context.open(companion)) {
                MsDrgParser.severityAndHac(lines, collector);
            }
        }
        try (CopyWriter out = context.copy("codes.msdrg_drg", "release_id", "drg", "mdc", "drg_type", "title")) {
            for (Object[] d : collector.drgs) {
                out.row(context.releaseId(), d[0], d[1], d[2], d[3]);
            }
        }
        try (CopyWriter out = context.copy("codes.msdrg_dx_severity", "release_id", "code", "level", "alive_only",
                "title")) {
            for (Collector.Severity s : collector.severity.values()) {
                out.row(context.releaseId(), s.code, s.level, s.aliveOnly, s.title);
                context.progress(++rows);
            }
        }
        try (CopyWriter out = context.copy("codes.msdrg_hac", "release_id", "seq", "hac", "hac_title", "criterion",
                "part", "system", "code", "severity", "non_or")) {
            int seq = 0;
            for (Object[] h : collector.hac) {
                out.row(context.releaseId(), ++seq, h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]);
                context.progress(++rows);
            }
        }
        return rows;
    }

    private static final class Collector implements MsDrgParser.Sink {
        static final class Severity {
            final String code;
            final String level;
            boolean aliveOnly;
            final String title;

            Severity(String code, String level, boolean aliveOnly, String title) {
                this.code = code;
                this.level = level;
                this.aliveOnly = aliveOnly;
                this.title = title;
            }
        }

        final List<Object[]> drgs = new ArrayList<>();
        final Map<String, Severity> severity = new LinkedHashMap<>();
        final List<Object[]> hac = new ArrayList<>();

        @Override
        public void drg(int drg, String mdc, Character type, String title) {
            drgs.add(new Object[]{drg, mdc, type == null ? null : type.toString(), title});
        }

        @Override
        public void severity(String code, String level, boolean aliveOnly, String title) {
            Severity earlier = severity.get(code);
            if (earlier != null && aliveOnly) {
                earlier.aliveOnly = true; // Appendix H Part 2 repeats Part 1 codes
            } else {
                severity.put(code, new Severity(code, level, aliveOnly, title));
            }
        }

        @Override
        public void hac(String hac, String hacTitle, int criterion, String part, CodeSystem system, String code,
                        String severity, boolean nonOr) {
            this.hac.add(new Object[]{hac, hacTitle, criterion, part.length() > 200 ? part.substring(0, 200) : part,
                    system.id(), code, severity, nonOr});
        }
    }

    /** "A" for {@code appendix_A.txt}, "FJ" for {@code appendix_F_J.txt.gz}, "" for any other file. */
    static String appendixLetters(Path file) {
        String name = ReleaseCalendar.stem(file).toLowerCase(Locale.ROOT);
        if (!name.startsWith("appendix") || !name.endsWith(".txt")) {
            return "";
        }
        String middle = name.substring("appendix".length(), name.length() - 4);
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < middle.length(); i++) {
            char c = middle.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letters.append((char) (c - 32));
            } else if (c != '_' && c != '-' && c != ' ') {
                return "";
            }
        }
        return letters.length() > 0 && letters.length() <= 10 ? letters.toString() : "";
    }

    private static List<String> letters(Path primary, List<Path> companions) {
        List<String> out = new ArrayList<>();
        out.add(appendixLetters(primary));
        companions.forEach(c -> out.add(String.join("-", appendixLetters(c).split(""))));
        return out;
    }

    private static Optional<MsDrgVersion> versionInTitle(Path file) {
        try (SourceLines lines = SourceLines.open(file)) {
            for (int i = 0; i < 5; i++) {
                String line = lines.next();
                if (line == null) {
                    break;
                }
                Optional<MsDrgVersion> v = ReleaseCalendar.drgVersionInTitle(line);
                if (v.isPresent()) {
                    return v;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
