package com.casecoding.codes.reference;

import com.casecoding.codes.search.CodeIndex;
import com.casecoding.codes.search.SearchDocument;
import com.casecoding.codes.search.SearchHit;
import com.casecoding.codes.search.SearchQuery;
import com.casecoding.codes.search.SynonymDictionary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The search filter over reference flags, on an index built from documents of two sources. */
class SearchFlagsTest {

    @Test
    void flagsFilterAndSurviveASecondSourceOfTheSameCode() throws Exception {
        List<SearchDocument> docs = List.of(
                new SearchDocument("icd10cm", "E119", "Type 2 diabetes mellitus without complications", true, false,
                        "FY2025", Set.of("hcc", "hcc-v28")),
                new SearchDocument("icd10cm", "J9601", "Acute respiratory failure with hypoxia", true, false, "FY2025",
                        Set.of("mcc")),
                new SearchDocument("icd10cm", "E109", "Type 1 diabetes mellitus without complications", true, false,
                        "FY2025"),
                // the same code again from another source, without flags: the flags stay
                new SearchDocument("icd10cm", "E11.9", "Type 2 diabetes mellitus without complications", true, false,
                        "FY2025"));
        try (CodeIndex index = CodeIndex.build(docs, SynonymDictionary.load())) {
            assertEquals(List.of("E11.9"), codes(index, "diabetes", Set.of("hcc-v28")));
            assertEquals(List.of(), codes(index, "diabetes", Set.of("hcc-v24")));
            assertEquals(List.of("J96.01"), codes(index, "failure", Set.of("cc", "mcc")));
            assertEquals(2, codes(index, "diabetes", Set.of()).size());
        }
    }

    private static List<String> codes(CodeIndex index, String text, Set<String> flags) {
        return index.search(new SearchQuery(text, Set.of(), null, null, null, 20, 0, flags)).results().stream()
                .map(SearchHit::code).toList();
    }
}
