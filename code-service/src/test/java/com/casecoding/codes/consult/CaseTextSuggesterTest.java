package com.casecoding.codes.consult;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a draft picks the one code of a phrase among the search candidates (self-written titles). */
class CaseTextSuggesterTest {

    private static Draft.CodeSuggestion hit(String code, String title) {
        return new Draft.CodeSuggestion("icd10cm", code, title, true, null);
    }

    private static Optional<String> best(String phrase, Draft.CodeSuggestion... hits) {
        return CaseTextSuggester.best(phrase, List.of(hits)).map(Draft.CodeSuggestion::code);
    }

    @Test
    void theTitleThatIsThePhraseUnspecifiedWinsOverAHigherRankedNarrowerOne() {
        assertEquals(Optional.of("R50.9"), best("fever", hit("A99", "Unspecified viral haemorrhagic fever (test)"),
                hit("R50.9", "Fever, unspecified")));
        assertEquals(Optional.of("A41.9"), best("Sepsis", hit("A40.9", "Streptococcal sepsis, unspecified"),
                hit("A41.9", "Sepsis, unspecified organism")));
    }

    @Test
    void aTitleWithoutThePhrasesHeadWordIsNeverSuggested() {
        assertEquals(Optional.empty(), best("line infection", hit("L60.4", "Beau's lines (test)")));
        assertEquals(Optional.of("R07.9"), best("chest pain", hit("I20.9", "Angina pectoris, unspecified"),
                hit("R07.9", "Chest pain, unspecified")));
    }

    @Test
    void diabeticComplicationsAreSearchedWithTheDiabetesTypeOfTheCase() {
        assertEquals("type 2 diabetes mellitus with hyperglycemia", CaseTextSuggester.combination("hyperglycemia", "2"));
        assertEquals("hyperglycemia", CaseTextSuggester.combination("hyperglycemia", null));
        assertEquals("Type 1 diabetes mellitus", CaseTextSuggester.combination("Type 1 diabetes mellitus", "1"));
    }
}
