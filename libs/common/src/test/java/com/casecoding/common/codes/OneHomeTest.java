package com.casecoding.common.codes;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One rule, one home. Code grammars, normal and display forms live in {@link CodeSystem}; "is this a code page, for
 * which code" in {@link CodePagePath}; the ICD-10-CM chapter table in code-service's browse table. A second copy in
 * any module's main sources fails the build: the copies drift, and the drift is where a page is served uncounted.
 */
class OneHomeTest {

    /** Fragments of code-grammar regular expressions (PCS alphabet, CPT categories, HCPCS and ICD shapes). */
    private static final String[] GRAMMAR_FRAGMENTS = {"[0-9A-HJ-NP-Z]", "FTUM]", "FTU]", "FMTU]", "0-9FTUM",
            "[A-V]\\d{4}", "[A-V][0-9]{4}", "[A-Z]\\d{4}", "[A-Z][0-9]{4}", "[A-Z][0-9][0-9A", "[A-Z]\\d[0-9A",
            "[A-TV-Z]", "V[0-9]{2", "E[0-9]{3", "V\\d{2", "E\\d{3", "\"[0-9]{3,5}", "\"[0-9]{2,4}",
            "\"[A-Z0-9]{2}\"", "\"[0-9A-Z]{2}\""};
    private static final Path HOME = Path.of("libs", "common", "src", "main", "java", "com", "casecoding", "common",
            "codes");

    @Test
    void codeGrammarsAndNormalisationLiveInCodeSystemOnly() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : mainSources(".java")) {
            if (file.startsWith(root().resolve(HOME))) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = root().relativize(file) + ":" + (i + 1) + ": " + line.strip();
                if (line.contains(".replace(\".\", \"\")") || line.contains(".replace('.', ' ')")) {
                    found.add(where);
                }
                for (String fragment : GRAMMAR_FRAGMENTS) {
                    if (line.contains(fragment)) {
                        found.add(where);
                    }
                }
            }
            String name = file.getFileName().toString();
            if (name.startsWith("CodeFormat") || name.equals("CodePageRequest.java")) {
                found.add(root().relativize(file) + ": a second code formatter");
            }
        }
        assertEquals(List.of(), found, "use CodeSystem / CodeKey / CodePagePath from libs/common instead");
    }

    @Test
    void theIcd10cmChapterTableExistsOnce() throws IOException {
        List<String> holders = new ArrayList<>();
        for (Path file : mainSources("")) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.contains("Certain infectious and parasitic diseases")
                    && text.contains("Factors influencing health status")) {
                holders.add(root().relativize(file).toString());
            }
        }
        assertEquals(List.of("code-service/src/main/resources/page/browse-groups.txt"), holders);
    }

    private static Path root() {
        return com.casecoding.common.RepositoryTree.root();
    }

    private static List<Path> mainSources(String suffix) throws IOException {
        Path root = root();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String rel = root.relativize(p).toString().replace('\\', '/');
                        return rel.contains("/src/main/") && !rel.contains("/target/") && !rel.startsWith(".")
                                && p.getFileName().toString().endsWith(suffix)
                                && (suffix.isEmpty() ? isText(rel) : true);
                    })
                    .forEach(out::add);
        }
        assertTrue(out.size() > 50, "main sources found under " + root);
        return out;
    }

    private static boolean isText(String rel) {
        return rel.endsWith(".java") || rel.endsWith(".txt") || rel.endsWith(".tsv") || rel.endsWith(".properties")
                || rel.endsWith(".json") || rel.endsWith(".md");
    }
}
