package com.casecoding.codes.search;

import com.casecoding.codes.imports.CodesTestData;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our drug lexicon against the real HCPCS file (skipped without ../shared/data, failing under CI=true): every
 * wording a brand or shorthand expands to occurs, word for word (as stems), in at least one HCPCS long description,
 * so no entry points at a generic the code set does not name.
 */
class DrugLexiconTest {

    @Test
    void everyWordingOfTheLexiconIsInSomeHcpcsDescription() throws Exception {
        Path data = CodesTestData.sharedDataOrSkip();
        List<SearchDocument> docs = new ArrayList<>();
        new OfficialFilesSource(data).load(d -> {
            if (d.system().equals("hcpcs")) {
                docs.add(d);
            }
        });
        assertTrue(docs.size() > 5000, "HCPCS codes read: " + docs.size());
        List<Set<String>> titles = docs.stream()
                .map(d -> Set.copyOf(SearchAnalyzers.tokens(SearchAnalyzers.stems(), d.title()))).toList();
        String text;
        try (InputStream in = SynonymDictionary.class.getResourceAsStream("/search/drugs.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (String raw : text.split("\n")) {
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            for (String wording : line.substring(eq + 1).split("\\|")) {
                Set<String> stems = new HashSet<>(SearchAnalyzers.tokens(SearchAnalyzers.stems(), wording));
                if (stems.isEmpty()) {
                    continue;
                }
                checked++;
                if (titles.stream().noneMatch(t -> t.containsAll(stems))) {
                    unknown.add(wording.strip());
                }
            }
        }
        assertTrue(checked > 200, "wordings checked: " + checked);
        assertEquals(List.of(), unknown, "drug wordings in no HCPCS description");
    }
}
