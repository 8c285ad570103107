package com.casecoding.codes.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine on the small fixture: what a coder types and what should come first. */
class CodeIndexTest {

    private final CodeIndex index = Fixtures.index();

    private List<String> codes(String q) {
        return index.search(SearchQuery.of(q, 10)).results().stream().map(SearchHit::code).toList();
    }

    private String first(String q) {
        List<String> codes = codes(q);
        return codes.isEmpty() ? null : codes.get(0);
    }

    @Test
    void aCodeTypedAnyWayComesFirst() {
        assertEquals("E11.9", first("E11.9"));
        assertEquals("E11.9", first("e119"));
        assertEquals("E11.9", first(" E11.9 "));
        assertEquals("0DTJ4ZZ", first("0dtj4zz"));
        assertEquals("code", index.search(SearchQuery.of("E11.9")).mode());
    }

    @Test
    void aCategoryWithADotListsTheCategoryThenItsCodesInOrder() {
        assertEquals(List.of("E11", "E11.6", "E11.65", "E11.9"), codes("E11."));
    }

    @Test
    void digitsArePrefixesAcrossCodeSets() {
        List<String> codes = codes("3725");
        assertTrue(codes.containsAll(List.of("37252", "37253", "372.50")), codes.toString());
        assertFalse(codes.contains("36556"));
    }

    @Test
    void wordsInAnyOrderAndWordForms() {
        assertEquals("I21.9", first("infarction myocardial acute"));
        assertTrue(codes("fractured radius").contains("S52.501A"));
        assertTrue(codes("fractures").contains("S52.501A"));
    }

    @Test
    void typosAreCorrected() {
        SearchPage page = index.search(SearchQuery.of("pnuemonia"));
        assertEquals("J18.9", page.results().get(0).code());
        assertEquals("pnuemonia", page.corrections().get(0).typed());
        assertTrue(page.corrections().get(0).searched().contains("pneumonia"));
        assertTrue(codes("diabetis").stream().anyMatch(c -> c.startsWith("E11")));
    }

    @Test
    void layTermsAndAbbreviationsReachTheOfficialWording() {
        assertEquals("I21.9", first("heart attack"));
        assertEquals("I10", first("high blood pressure"));
        assertEquals("N39.0", first("UTI"));
        assertEquals("I50.9", first("CHF"));
        assertEquals("I48.91", first("afib"));
        assertTrue(Set.of("S52.5", "S52.501A", "S62.101A").contains(first("broken wrist")), codes("broken wrist").toString());
        SearchPage page = index.search(SearchQuery.of("heart attack"));
        assertEquals("heart attack", page.expansions().get(0).typed());
    }

    @Test
    void billableBeforeHeaderWhenTheTitleIsTheSame() {
        // J18 (header) and J18.9 (billable) share the title "Pneumonia, unspecified organism"
        assertEquals(List.of("J18.9", "J18"), codes("pneumonia unspecified organism").subList(0, 2));
    }

    @Test
    void deletedCodesComeLastAndAreMarked() {
        SearchPage page = index.search(SearchQuery.of("injection", 10));
        List<SearchHit> hits = page.results();
        assertEquals("J1030", hits.get(hits.size() - 1).code());
        assertEquals("deleted", hits.get(hits.size() - 1).status());
        assertTrue(hits.subList(0, hits.size() - 1).stream().allMatch(h -> h.status().equals("active")));
        SearchHit deleted = index.search(SearchQuery.of("T81.32XA")).results().get(0);
        assertEquals("deleted", deleted.status());
        assertEquals("FY2024", deleted.version());
    }

    @Test
    void filtersBySystemBillableStatusAndVersion() {
        SearchQuery onlyHcpcs = new SearchQuery("injection", Set.of("hcpcs"), null, false, null, 20, 0);
        assertEquals(List.of("J1885"), index.search(onlyHcpcs).results().stream().map(SearchHit::code).toList());
        SearchQuery headers = new SearchQuery("diabetes", Set.of("icd10cm"), false, null, null, 20, 0);
        assertTrue(index.search(headers).results().stream().noneMatch(SearchHit::billable));
        SearchQuery fy2024 = new SearchQuery("wound disruption", Set.of(), null, null, "FY2024", 20, 0);
        assertEquals(List.of("T81.32XA"), index.search(fy2024).results().stream().map(SearchHit::code).toList());
        SearchQuery both = new SearchQuery("diabetes", Set.of("icd10cm", "icd9cm"), null, null, null, 20, 0);
        assertTrue(index.search(both).results().stream().anyMatch(h -> h.system().equals("icd9cm")));
    }

    @Test
    void pagingAndTotals() {
        SearchPage all = index.search(SearchQuery.of("diabetes", 50));
        SearchPage second = index.search(new SearchQuery("diabetes", Set.of(), null, null, null, 2, 2));
        assertEquals(all.total(), second.total());
        assertEquals(all.results().subList(2, 4).stream().map(SearchHit::code).toList(),
                second.results().stream().map(SearchHit::code).toList());
    }

    @Test
    void hostileOrEmptyTextGivesNoResultsAndNoError() {
        for (String q : List.of("", "   ", "!!!", "*", "?", "title:foo AND (bar* OR \"x\"~2", "\\", "a".repeat(200),
                "%00", "<script>alert(1)</script>", "---", "{!lucene}", "the of and")) {
            SearchPage page = index.search(SearchQuery.of(q));
            assertTrue(page.total() >= 0, q);
        }
        assertEquals(0, index.search(SearchQuery.of("!!!")).total());
        assertEquals("none", index.search(SearchQuery.of("?*")).mode());
    }

    @Test
    void highlightsMarkMatchedWordsAndEscapeTheRest() {
        SearchHit hit = index.search(SearchQuery.of("heart attack")).results().get(0);
        assertEquals("Acute <mark>myocardial</mark> <mark>infarction</mark>, unspecified", hit.highlight());
        CodeIndex.Highlighter h = new CodeIndex.Highlighter(Set.of("fractur"), List.of(), null);
        assertEquals("A &lt;b&gt; <mark>fracture</mark>", h.highlight("A <b> fracture"));
    }

    @Test
    void typeAheadCompletesTheLastWord() {
        List<String> codes = index.suggest(SearchQuery.of("myocard", 5)).results().stream().map(SearchHit::code).toList();
        assertTrue(codes.contains("I21.9"), codes.toString());
        List<String> two = index.suggest(SearchQuery.of("low back p", 5)).results().stream().map(SearchHit::code).toList();
        assertEquals("M54.50", two.get(0));
    }

    @Test
    void scoresAreReportedBestFirst() {
        List<SearchHit> hits = index.search(SearchQuery.of("diabetes mellitus", 10)).results();
        assertTrue(hits.get(0).score() > 0, "score of the best hit");
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).score() >= hits.get(i).score() || hits.get(i).status().equals("deleted"));
        }
    }

    @Test
    void findsByAnyTyping() {
        assertTrue(index.find("icd10cm", "e11.9").isPresent());
        assertFalse(index.find("icd10cm", "E11.99").isPresent());
    }
}
