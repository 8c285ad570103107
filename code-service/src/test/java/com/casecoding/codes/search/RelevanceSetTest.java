package com.casecoding.codes.search;

import com.casecoding.codes.search.bench.RelevanceBenchmark;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relevance set against the real data of ../shared/data (skipped without it): every accepted code exists, and
 * recall@5 is at least 90 %. Also checks that every ICD-10-CM category sits in a block of browse-groups.txt.
 */
class RelevanceSetTest {

    @Test
    void recallAtFiveOnTheRealData() throws Exception {
        Path data = SharedData.locate().orElse(null);
        Assumptions.assumeTrue(data != null, "../shared/data not found: relevance set not evaluated");
        List<SearchDocument> docs = new ArrayList<>();
        new OfficialFilesSource(data).load(docs::add);
        CodeIndex index = CodeIndex.build(docs, SynonymDictionary.load());
        List<RelevanceBenchmark.Case> cases = RelevanceBenchmark.load();
        assertTrue(cases.size() >= 100, "at least 100 queries");
        RelevanceBenchmark.Result result = RelevanceBenchmark.evaluate(index, cases);
        RelevanceBenchmark.print(result);
        assertEquals(List.of(), result.unknownCodes(), "accepted codes missing from the data");
        assertTrue(result.recall() >= 0.90, "recall@5 " + result.recall());

        BrowseTree tree = index.browse();
        List<String> orphans = new ArrayList<>();
        for (SearchDocument d : docs) {
            if (d.system().equals("icd10cm") && !d.deleted() && d.code().length() == 3) {
                String parentKind = tree.roots("icd10cm").stream()
                        .flatMap(ch -> tree.children("icd10cm", ch.id(), 100, 0).orElseThrow().items().stream())
                        .filter(b -> b.kind().equals("block"))
                        .filter(b -> tree.children("icd10cm", b.id(), 500, 0).orElseThrow().items().stream()
                                .anyMatch(n -> n.id().equals(d.code())))
                        .findFirst().map(BrowseTree.Node::id).orElse(null);
                if (parentKind == null) {
                    orphans.add(d.code());
                }
            }
        }
        assertEquals(List.of(), orphans, "ICD-10-CM categories outside every block");
    }
}
