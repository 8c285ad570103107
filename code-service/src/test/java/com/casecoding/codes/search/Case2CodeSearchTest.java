package com.casecoding.codes.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Case2Code across every set on a small self-written fixture (no ../shared needed): brand and misspelled drug names
 * to the HCPCS generic with its billing unit, coder shorthand, modifiers by code, set names as filters, exact codes
 * first, spelling that never turns a known term into an English word, our own words below official titles, and
 * lexicon terms in type-ahead.
 */
class Case2CodeSearchTest {

    private static final CodeIndex INDEX = index();

    private static CodeIndex index() {
        List<SearchDocument> docs = new ArrayList<>(Fixtures.documents());
        docs.add(doc("hcpcs", "J0696", "Injection, ceftriaxone sodium, per 250 mg"));
        docs.add(doc("hcpcs", "J0585", "Injection, onabotulinumtoxina, 1 unit"));
        docs.add(doc("hcpcs", "J1040", "Injection, methylprednisolone acetate, 80 mg"));
        docs.add(doc("hcpcs", "J1000", "Injection, depo-estradiol cypionate, up to 5 mg"));
        docs.add(doc("icd10cm", "X371XXA", "Tornado, initial encounter"));
        docs.add(doc("icd10cm", "R42", "Dizziness and giddiness"));
        docs.add(doc("icd10cm", "A881", "Epidemic vertigo"));
        docs.add(doc("icd10cm", "O210", "Mild hyperemesis gravidarum"));
        docs.add(doc("icd10cm", "I495", "Sick sinus syndrome"));
        docs.add(doc("icd10cm", "T497X6A", "Underdosing of dental drugs, topically applied, initial encounter"));
        docs.add(doc("modifier", "RT", "Right side (used to identify procedures performed on the right side of the body)"));
        docs.add(doc("modifier", "KX", "Requirements specified in the medical policy have been met"));
        docs.add(doc("modifier", "25", ""));
        docs.add(doc("modifier", "59", ""));
        docs.add(doc("hcpcs", "Q4123", "Alloskin rt, per square centimeter"));
        docs.add(doc("cpt", "27447", ""));
        docs.add(doc("cpt", "44970", ""));
        docs.add(doc("icd10pcs", "0SRD0JZ", "Replacement of Left Knee Joint with Synthetic Substitute, Open Approach"));
        docs.add(doc("icd10cm", "I5020", "Unspecified systolic (congestive) heart failure"));
        return CodeIndex.build(docs, SynonymDictionary.load(), CodeAliases.parse(List.of(
                "cpt:27447 = knee replacement | tka", "cpt:44970 = lap appy")));
    }

    private static SearchDocument doc(String system, String code, String title) {
        return new SearchDocument(system, code, title, true, false, "test");
    }

    private static List<SearchHit> hits(String q) {
        return INDEX.search(SearchQuery.of(q, 10)).results();
    }

    private static List<String> codes(String q) {
        return hits(q).stream().map(h -> h.system() + ":" + h.normalizedCode()).toList();
    }

    @Test
    void brandNamesFindTheGenericWithItsBillingUnit() {
        SearchHit rocephin = hits("Rocephin").get(0);
        assertEquals("J0696", rocephin.code());
        assertEquals("per 250 mg", rocephin.unit());
        assertEquals("hcpcs:J0585", codes("Botox").get(0));
        assertEquals("hcpcs:J1040", codes("Depo-Medrol").get(0), "not depo-estradiol");
        assertFalse(codes("Depo-Medrol").contains("hcpcs:J1000"));
    }

    @Test
    void aBrandIsNeverCorrectedIntoAnEnglishWordAndItsMisspellingIsReadAsIt() {
        SearchPage toradol = INDEX.search(SearchQuery.of("Toradol"));
        assertEquals("J1885", toradol.results().get(0).code());
        assertTrue(toradol.corrections().isEmpty(), toradol.corrections().toString());
        assertTrue(toradol.results().stream().noneMatch(h -> h.normalizedCode().equals("X371XXA")));
        SearchPage typo = INDEX.search(SearchQuery.of("toradoll"));
        assertEquals("J1885", typo.results().get(0).code());
        assertEquals("toradol", typo.corrections().get(0).searched().get(0));
    }

    @Test
    void shorthandFindsTheProcedureInPcsAndCpt() {
        SearchPage appy = INDEX.search(SearchQuery.of("lap appy"));
        assertTrue(appy.corrections().isEmpty(), "appy is a known term, never 'apply'");
        List<String> codes = appy.results().stream().map(h -> h.system() + ":" + h.normalizedCode()).toList();
        assertEquals("cpt:44970", codes.get(0), "lap appy is our name of 44970");
        assertTrue(codes.subList(1, 3).contains("icd10pcs:0DTJ4ZZ"), codes.toString());
        assertFalse(codes.contains("icd10cm:T497X6A"));
        assertEquals("icd10cm:I5020", codes("HFrEF").get(0));
    }

    @Test
    void aQueryThatIsOneOfOurNamesOfACodeNamesItFirstInAnyWordOrder() {
        assertEquals("cpt:27447", codes("knee replacement").get(0));
        assertEquals("cpt:27447", codes("Replacement, knee").get(0));
        assertEquals("icd10pcs:0SRD0JZ", codes("knee replacement").get(1), "the official titles follow");
        assertEquals(List.of("cpt:27447"), codes("CPT TKA"));
    }

    @Test
    void ourOwnWordsInPartRankBelowOfficialTitles() {
        List<String> knee = codes("knee");
        assertEquals("icd10pcs:0SRD0JZ", knee.get(0));
        assertTrue(knee.contains("cpt:27447"), knee.toString());
    }

    @Test
    void modifiersByCodeComeFirst() {
        assertEquals("modifier:RT", codes("RT").get(0));
        assertEquals("modifier:KX", codes("kx").get(0));
        assertEquals("modifier:25", codes("modifier 25").get(0));
        assertEquals("modifier:59", codes("-59").get(0));
        assertEquals("modifier:59", codes("mod 59").get(0));
        assertTrue(codes("RT").contains("hcpcs:Q4123"), "the words still follow the code");
    }

    @Test
    void aNamedCodeSetFilters() {
        assertTrue(codes("HCPCS crutches").stream().allMatch(c -> c.startsWith("hcpcs:")));
        assertTrue(codes("HCPCS crutches").contains("hcpcs:E0110"));
        assertEquals(List.of("cpt:99213"), codes("CPT 99213"));
        assertTrue(codes("ICD-10-PCS lap appendectomy").stream().allMatch(c -> c.startsWith("icd10pcs:")));
        assertEquals("icd10pcs:0DTJ4ZZ", codes("ICD-10-PCS lap appendectomy").get(0));
        // a set asked for by parameter wins over a different one named in the text
        SearchQuery both = new SearchQuery("CPT knee", Set.of("icd10pcs"), null, null, null, 10, 0);
        assertTrue(INDEX.search(both).results().stream().allMatch(h -> h.system().equals("icd10pcs")));
    }

    @Test
    void exactCodesAmongWordsComeFirst() {
        assertEquals("hcpcs:J1885", codes("J1885 ketorolac").get(0));
        assertEquals("icd10cm:E119", codes("e11.9 diabetes").get(0));
    }

    @Test
    void theObviousCodeComesBeforeItsSynonymsMatches() {
        assertEquals("icd10cm:R42", codes("dizziness").get(0));
        assertEquals("icd10cm:O210", codes("morning sickness").get(0));
        assertFalse(codes("morning sickness").subList(0, 1).contains("icd10cm:I495"));
    }

    @Test
    void typeAheadOffersOurTerms() {
        assertTrue(INDEX.suggestTerms("roceph", 5).contains("rocephin"));
        assertTrue(INDEX.suggestTerms("lap ch", 5).contains("lap chole"));
        assertEquals(List.of(), INDEX.suggestTerms("zzzz", 5));
        assertEquals("J0696", INDEX.suggest(SearchQuery.of("cefTRIAX", 5)).results().get(0).code());
    }

    @Test
    void billingUnitsFromTheDescription() {
        assertEquals("per 15 mg", doc("hcpcs", "J1885", "Injection, ketorolac tromethamine, per 15 mg").billingUnit());
        assertEquals("80 mg", doc("hcpcs", "J1040", "Injection, methylprednisolone acetate, 80 mg").billingUnit());
        assertEquals("1 microgram", doc("hcpcs", "J0887", "Injection, epoetin beta, 1 microgram, (for esrd on dialysis)")
                .billingUnit());
        assertEquals("up to 1000 mcg", doc("hcpcs", "J3420", "Injection, vitamin b-12 cyanocobalamin, up to 1000 mcg")
                .billingUnit());
        assertNull(doc("hcpcs", "E0110", "Crutches, forearm, adjustable").billingUnit());
        assertNull(doc("icd10cm", "E119", "Type 2 diabetes mellitus, 5 mg").billingUnit());
    }

    @Test
    void shorthandAndSetNamesAreReadBeforeTheWords() {
        assertEquals("incision and drainage of abscess", QueryReading.of("I&D of abscess").text());
        QueryReading pcs = QueryReading.of("ICD-10-PCS lap appendectomy");
        assertEquals("lap appendectomy", pcs.text());
        assertEquals(Set.of("icd10pcs"), pcs.systems());
        assertEquals(Set.of("cpt"), QueryReading.of("cpt code 27447").systems());
        assertEquals("27447", QueryReading.of("cpt code 27447").text());
        assertEquals(Set.of("icd9cm", "icd9pcs"), QueryReading.of("ICD-9 appendectomy").systems());
        assertEquals(Set.of(), QueryReading.of("CPT").systems(), "a set name alone is searched as a word");
        assertEquals("without aura", QueryReading.of("w/o aura").text());
    }

    @Test
    void lexiconSpellingIsCloseAndConservative() {
        SynonymDictionary d = SynonymDictionary.load();
        assertEquals("rocephin", d.closestTerm("rocephim"));
        assertNull(d.closestTerm("rocephin"), "a known term is never corrected");
        assertNull(d.closestTerm("qqqqqq"));
        assertEquals(1, SynonymDictionary.distance("toradal", "toradol", 2));
        assertEquals(1, SynonymDictionary.distance("prolai", "prolia", 2), "a swap of neighbours is one edit");
        assertTrue(d.knows("appy"));
    }
}
