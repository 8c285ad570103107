package com.casecoding.codes.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import com.casecoding.common.codes.CodeSystem;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads the official release files (the layouts of {@code shared/data/PROVENANCE.md}) straight into search
 * documents: ICD-10-CM order files, ICD-10-PCS codes files (plus the table headers of the PCS order file), the HCPCS
 * fixed-width file and its modifiers, ICD-9-CM v32, and CPT code numbers from the fee schedule (numbers only: no CPT
 * text exists in these files). Codes present in an older release folder but not in the newest are marked deleted.
 * Used for development and benchmarks when the database has no code tables; the importers own the real load.
 */
public final class OfficialFilesSource implements SearchDocumentSource {


    private final Path root;

    public OfficialFilesSource(Path root) {
        this.root = root;
    }

    @Override
    public String name() {
        return "files:" + root;
    }

    @Override
    public void load(Consumer<SearchDocument> sink) throws IOException {
        icd10cm(sink);
        icd10pcs(sink);
        hcpcs(sink);
        cpt(sink);
        icd9(sink);
    }

    private void icd10cm(Consumer<SearchDocument> sink) throws IOException {
        Map<String, SearchDocument> latest = new LinkedHashMap<>();
        Map<String, SearchDocument> older = new HashMap<>();
        List<Path> releases = releaseDirs(root.resolve("icd10cm"), "FY");
        for (int r = 0; r < releases.size(); r++) {
            Path dir = releases.get(r);
            String version = dir.getFileName().toString();
            Path order = findFile(dir, "icd10cm_order_");
            if (order == null) {
                continue;
            }
            Map<String, SearchDocument> target = r == releases.size() - 1 ? latest : older;
            for (String line : lines(order, StandardCharsets.US_ASCII)) {
                if (line.length() < 16) {
                    continue;
                }
                String code = line.substring(6, 13).strip();
                boolean billable = line.charAt(14) == '1';
                String shortTitle = line.length() > 16 ? line.substring(16, Math.min(76, line.length())).strip() : "";
                String title = line.length() > 77 ? line.substring(77).strip() : shortTitle;
                target.put(code, new SearchDocument("icd10cm", code, title, billable, false, version));
            }
        }
        emit(sink, latest, older);
    }

    private void icd10pcs(Consumer<SearchDocument> sink) throws IOException {
        Map<String, SearchDocument> latest = new LinkedHashMap<>();
        Map<String, SearchDocument> older = new HashMap<>();
        List<Path> releases = releaseDirs(root.resolve("icd10pcs"), "FY").stream()
                .filter(d -> findFile(d, "icd10pcs_codes_") != null).toList();
        for (int r = 0; r < releases.size(); r++) {
            Path dir = releases.get(r);
            Map<String, SearchDocument> target = r == releases.size() - 1 ? latest : older;
            for (String line : lines(findFile(dir, "icd10pcs_codes_"), StandardCharsets.US_ASCII)) {
                if (line.length() < 9) {
                    continue;
                }
                String code = line.substring(0, 7).strip();
                target.put(code, new SearchDocument("icd10pcs", code, line.substring(8).strip(), true, false,
                        dir.getFileName().toString()));
            }
        }
        for (Path dir : releaseDirs(root.resolve("icd10pcs"), "FY")) {
            Path order = findFile(dir, "icd10pcs_order_");
            if (order == null) {
                continue;
            }
            String version = dir.getFileName().toString().replace("_order", "");
            for (String line : lines(order, StandardCharsets.US_ASCII)) {
                String code = line.length() > 13 ? line.substring(6, 13).strip() : "";
                if (code.length() == 3 && line.charAt(14) == '0') {
                    String title = line.length() > 77 ? line.substring(77).strip() : line.substring(16).strip();
                    latest.putIfAbsent(code, new SearchDocument("icd10pcs", code, title, false, false, version));
                }
            }
        }
        emit(sink, latest, older);
    }

    private void hcpcs(Consumer<SearchDocument> sink) throws IOException {
        for (Path dir : releaseDirs(root.resolve("hcpcs"), "")) {
            Path file = findFile(dir, "HCPC");
            String version = dir.getFileName().toString().replace('_', '-');
            if (file != null && file.getFileName().toString().contains("ANWEB")) {
                String code = null;
                StringBuilder title = new StringBuilder();
                boolean deleted = false;
                for (String line : lines(file, StandardCharsets.ISO_8859_1)) {
                    if (line.length() < 92) {
                        continue;
                    }
                    char kind = line.charAt(10);
                    if (kind == '3') {
                        if (code != null) {
                            sink.accept(new SearchDocument("hcpcs", code, title.toString(), true, deleted, version));
                        }
                        code = line.substring(0, 5).strip();
                        title.setLength(0);
                        title.append(line.substring(11, 91).strip());
                        deleted = line.length() >= 292 && !line.substring(284, 292).isBlank();
                    } else if (kind == '4' && code != null) {
                        title.append(' ').append(line.substring(11, 91).strip());
                    }
                }
                if (code != null) {
                    sink.accept(new SearchDocument("hcpcs", code, title.toString(), true, deleted, version));
                }
            }
            Path modifiers = findFile(dir, "hcpcs_level2_modifiers");
            if (modifiers != null) {
                for (String line : lines(modifiers, StandardCharsets.UTF_8)) {
                    List<String> cols = csv(line);
                    if (cols.size() >= 6 && !cols.get(0).isBlank() && !cols.get(0).equalsIgnoreCase("modifier")) {
                        sink.accept(new SearchDocument("modifier", cols.get(0), cols.get(1), true,
                                !cols.get(5).isBlank(), version));
                    }
                }
            }
        }
    }

    /**
     * CPT code numbers (no text exists in these files): every CPT number the fee schedule names, then those the NCCI
     * MUE and add-on files add (PLA and MAAA codes, codes newer than the fee schedule).
     */
    private void cpt(Consumer<SearchDocument> sink) throws IOException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Path dir : releaseDirs(root.resolve("mpfs"), "RVU")) {
            Path file = findFile(dir, "PPRRVU");
            if (file == null) {
                continue;
            }
            String version = dir.getFileName().toString();
            for (String line : lines(file, StandardCharsets.US_ASCII)) {
                int comma = line.indexOf(',');
                String code = comma > 0 ? line.substring(0, comma).strip() : "";
                if (CodeSystem.CPT.accepts(code) && seen.add(code)) {
                    sink.accept(new SearchDocument("cpt", code, "", true, false, version));
                }
            }
        }
        // the CPT (Level I) modifier numbers, as the CPT import lists them (numbers only)
        for (Path dir : releaseDirs(root.resolve("mpfs"), "RVU")) {
            String name = dir.getFileName().toString();
            int year = name.length() >= 5 && Character.isDigit(name.charAt(3)) && Character.isDigit(name.charAt(4))
                    ? 2000 + Integer.parseInt(name.substring(3, 5)) : 2025;
            for (String m : com.casecoding.codes.imports.codesets.CptModifiers.inYear(year)) {
                sink.accept(new SearchDocument("modifier", m, "", true, false, String.valueOf(year)));
            }
            break;
        }
        for (Path dir : releaseDirs(root.resolve("ncci"), "")) {
            String version = dir.getFileName().toString();
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().forEach(files::add);
            }
            for (Path file : files) {
                boolean aoc = file.getFileName().toString().startsWith("AOC_");
                for (String line : lines(file, StandardCharsets.ISO_8859_1)) {
                    List<String> cells = csv(line);
                    for (String code : aoc && cells.size() > 3 ? List.of(cells.get(1), cells.get(3))
                            : List.of(cells.get(0))) {
                        String c = code.strip();
                        if (CodeSystem.CPT.accepts(c) && seen.add(c)) {
                            sink.accept(new SearchDocument("cpt", c, "", true, false, version));
                        }
                    }
                }
            }
        }
    }

    private void icd9(Consumer<SearchDocument> sink) throws IOException {
        Path dir = root.resolve("icd9cm").resolve("v32");
        Path dx = dir.resolve("CMS32_DESC_LONG_DX.txt");
        Path sg = dir.resolve("CMS32_DESC_LONG_SG.txt");
        if (Files.exists(dx)) {
            for (String line : lines(dx, StandardCharsets.ISO_8859_1)) {
                if (line.length() > 6) {
                    sink.accept(new SearchDocument("icd9cm", line.substring(0, 5).strip(), line.substring(6).strip(),
                            true, false, "v32"));
                }
            }
        }
        if (Files.exists(sg)) {
            for (String line : lines(sg, StandardCharsets.ISO_8859_1)) {
                if (line.length() > 5) {
                    sink.accept(new SearchDocument("icd9pcs", line.substring(0, 4).strip(), line.substring(5).strip(),
                            true, false, "v32"));
                }
            }
        }
    }

    private static void emit(Consumer<SearchDocument> sink, Map<String, SearchDocument> latest,
                             Map<String, SearchDocument> older) {
        latest.values().forEach(sink);
        if (latest.isEmpty()) {
            return;
        }
        older.forEach((code, doc) -> {
            if (!latest.containsKey(code)) {
                sink.accept(new SearchDocument(doc.system(), doc.code(), doc.title(), doc.billable(), true,
                        doc.version()));
            }
        });
    }

    private static List<Path> releaseDirs(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith(prefix))
                    .sorted().toList();
        }
    }

    private static Path findFile(Path dir, String prefix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> !p.getFileName().toString().contains("addenda")).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> lines(Path file, Charset charset) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(line);
            }
        }
        return out;
    }

    /** Comma-separated values with optional double quotes (the derived modifier file). */
    public static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
