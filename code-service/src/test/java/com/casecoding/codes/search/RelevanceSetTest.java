package com.casecoding.codes.search;

import com.casecoding.codes.search.bench.RelevanceBenchmark;
import com.casecoding.codes.imports.CodesTestData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relevance set against the real data of ../shared/data (skipped without it, failing under CI=true): every
 * accepted code exists, recall@5 is at least 95 % overall and at least 90 % in each code set (printed per set and
 * kind). Also checks that every ICD-10-CM category sits in a block of browse-groups.txt.
 */
class RelevanceSetTest {

    @Test
    void recallAtFiveOnTheRealData() throws Exception {
        Path data = CodesTestData.sharedDataOrSkip();
        List<SearchDocument> docs = new ArrayList<>();
        new OfficialFilesSource(data).load(docs::add);
        CodeIndex index = CodeIndex.build(docs, SynonymDictionary.load());
        List<RelevanceBenchmark.Case> cases = RelevanceBenchmark.load();
        assertTrue(cases.size() >= 300, "at least 300 queries");
        assertEquals(java.util.Set.of("icd10cm", "icd10pcs", "hcpcs", "cpt", "icd9cm", "icd9pcs", "modifier"),
                cases.stream().map(RelevanceBenchmark.Case::set).collect(java.util.stream.Collectors.toSet()),
                "queries for every code set");
        RelevanceBenchmark.Result result = RelevanceBenchmark.evaluate(index, cases);
        RelevanceBenchmark.print(result);
        assertEquals(List.of(), result.unknownCodes(), "accepted codes missing from the data");
        assertTrue(result.recall() >= 0.95, "recall@5 " + result.recall());
        result.perSet().keySet().forEach(set -> assertTrue(result.recall(set) >= 0.90,
                "recall@5 of " + set + ": " + result.recall(set)));

        BrowseTree tree = index.browse();
        java.util.Set<String> underBlocks = new java.util.HashSet<>();
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
}
