package com.casecoding.codes.search;

import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.imports.ImportSummary;
import com.casecoding.codes.search.bench.RelevanceBenchmark;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search on the real data of ../shared/data (skipped without it, failing under CI=true), on the index production
 * builds: everything is imported, and the index is built from the documents {@link DatabaseDocumentSource} reads
 * from the database (the imported titles, the statuses the catalog judges, the reference flags and our
 * plain-language texts), never from a second reading of the files.
 * <ul>
 *     <li>the relevance set: every accepted code exists, recall@5 is at least 95 % overall and at least 90 % in each
 *     code set (printed per set and kind; {@code -Drelevance.probe="query|query"} also prints the top ten of each
 *     probe); every ICD-10-CM category sits in a block of the group table;</li>
 *     <li>our drug lexicon: every wording a brand or shorthand expands to occurs, word for word (as stems), in at
 *     least one HCPCS long description, so no entry points at a generic the code set does not name.</li>
 * </ul>
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelevanceSetTest {

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Inject
    DatabaseDocumentSource documents;

    @Inject
    SearchEngine engine;

    private List<SearchDocument> docs;
    private CodeIndex index;

    @BeforeAll
    void importEverythingAndIndexIt() throws Exception {
        Path data = CodesTestData.sharedDataOrSkip();
        CodesTestData.reset(dataSource);
        ImportSummary summary = runner.importPaths(List.of(data), "test");
        assertEquals(0, summary.failed(), () -> "refused or failed: " + summary.files());
        docs = new ArrayList<>();
        documents.load(docs::add);
        index = CodeIndex.build(docs, SynonymDictionary.load());
        System.out.printf("relevance set index: %d documents from the database, built in %d ms%n", index.size(),
                index.buildMillis());
    }

    /** Leaves the database and the service's index as the other test classes expect them: empty but the fixtures. */
    @AfterAll
    void close() throws InterruptedException {
        if (index != null) {
            index.decRef();
        }
        CodesTestData.reset(dataSource);
        engine.requestRebuild("test: real data removed");
        assertTrue(engine.awaitIdle(Duration.ofMinutes(2)), "the index is rebuilt without the real data");
    }

    @Test
    void recallAtFiveOnTheRealData() throws Exception {
        List<RelevanceBenchmark.Case> cases = RelevanceBenchmark.load();
        assertTrue(cases.size() >= 300, "at least 300 queries");
        assertEquals(Set.of("icd10cm", "icd10pcs", "hcpcs", "cpt", "icd9cm", "icd9pcs", "modifier"),
                cases.stream().map(RelevanceBenchmark.Case::set).collect(java.util.stream.Collectors.toSet()),
                "queries for every code set");
        RelevanceBenchmark.Result result = RelevanceBenchmark.evaluate(index, cases);
        RelevanceBenchmark.print(result);
        RelevanceBenchmark.probe(index, System.getProperty("relevance.probe", ""));
        assertEquals(List.of(), result.unknownCodes(), "accepted codes missing from the data");
        assertTrue(result.recall() >= 0.95, "recall@5 " + result.recall());
        result.perSet().keySet().forEach(set -> assertTrue(result.recall(set) >= 0.90,
                "recall@5 of " + set + ": " + result.recall(set)));

        BrowseTree tree = index.browse();
        Set<String> underBlocks = new HashSet<>();
        for (BrowseTree.Node chapter : tree.roots("icd10cm")) {
            for (BrowseTree.Node block : tree.children("icd10cm", chapter.id(), 500, 0).orElseThrow().items()) {
                if (block.kind().equals("block")) {
                    tree.children("icd10cm", block.id(), 500, 0).orElseThrow().items()
                            .forEach(n -> underBlocks.add(n.id()));
                }
            }
        }
        List<String> orphans = docs.stream()
                .filter(d -> d.system().equals("icd10cm") && !d.deleted() && d.code().length() == 3)
                .map(SearchDocument::code).filter(c -> !underBlocks.contains(c)).distinct().toList();
        assertEquals(List.of(), orphans, "ICD-10-CM categories outside every block");
    }

    @Test
    void everyWordingOfTheDrugLexiconIsInSomeHcpcsDescription() throws Exception {
        List<Set<String>> titles = docs.stream().filter(d -> d.system().equals("hcpcs"))
                .map(d -> Set.copyOf(SearchAnalyzers.tokens(SearchAnalyzers.stems(), d.title()))).toList();
        assertTrue(titles.size() > 5000, "HCPCS codes read: " + titles.size());
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
