package com.casecoding.codes.consult;

import com.casecoding.codes.consult.PhraseExtractor.ClinicalPhrase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhraseExtractorTest {

    private final PhraseExtractor extractor = new PhraseExtractor();

    private Map<String, Boolean> negation(String text) {
        return extractor.extract(text).stream()
                .collect(Collectors.toMap(p -> p.text().toLowerCase(), ClinicalPhrase::negated));
    }

    @Test
    void leadingCuesNegateWhatFollows() {
        Map<String, Boolean> n = negation("58-year-old male with acute chest pain. Denies shortness of breath. "
                + "X-ray shows no fracture.");
        assertEquals(false, n.get("acute chest pain"));
        assertEquals(true, n.get("shortness of breath"));
        assertEquals(true, n.get("fracture"));
        assertEquals(false, n.get("x-ray"));
        assertFalse(n.containsKey("58-year-old"), "ages are not clinical phrases: " + n);
        assertFalse(n.containsKey("male"), n.toString());
    }

    @Test
    void negationStopsAtTerminationWordsButCoversLists() {
        Map<String, Boolean> n = negation("Patient denies fever, chills or nausea but reports productive cough");
        assertEquals(true, n.get("fever"));
        assertEquals(true, n.get("chills"));
        assertEquals(true, n.get("nausea"));
        assertEquals(false, n.get("productive cough"));
    }

    @Test
    void trailingCuesNegateWhatPrecedes() {
        Map<String, Boolean> n = negation("Pulmonary embolism was ruled out; pneumonia is unlikely, sinusitis confirmed.");
        assertEquals(true, n.get("pulmonary embolism"));
        assertEquals(true, n.get("pneumonia"));
        assertEquals(false, n.get("sinusitis confirmed"));
    }

    @Test
    void pseudoNegationsNegateNothing() {
        Map<String, Boolean> n = negation("Appendicitis not ruled out. No change in the hepatic lesion. "
                + "Ambulates without difficulty.");
        assertEquals(false, n.get("appendicitis"));
        assertEquals(false, n.get("hepatic lesion"));
    }

    @Test
    void multiWordCuesAndJoiners() {
        Map<String, Boolean> n = negation("No evidence of deep vein thrombosis. History of type 2 diabetes mellitus "
                + "with hyperglycemia and essential hypertension.");
        assertEquals(true, n.get("deep vein thrombosis"));
        assertEquals(false, n.get("type 2 diabetes mellitus"));
        assertEquals(false, n.get("hyperglycemia"));
        assertEquals(false, n.get("essential hypertension"));
    }

    @Test
    void affirmedOccurrenceWinsAndOrderIsKept() {
        List<ClinicalPhrase> phrases = extractor.extract("No headache on Monday. Headache on Tuesday. Vertigo.");
        assertEquals("headache", phrases.get(0).text().toLowerCase());
        assertFalse(phrases.get(0).negated());
        assertTrue(extractor.affirmed("No headache on Monday. Headache on Tuesday. Vertigo.").contains("Vertigo"));
    }

    @Test
    void cueIsReported() {
        ClinicalPhrase p = extractor.extract("Denies chest pain").get(0);
        assertEquals("chest pain", p.text());
        assertEquals("Denies", p.cue());
    }

    @Test
    void emptyAndCodeLikeText() {
        assertTrue(extractor.extract(null).isEmpty());
        assertTrue(extractor.extract("   ").isEmpty());
        // codes written in the text are checked in their own set, never searched as words
        assertEquals(List.of(), extractor.affirmed("E11.9"));
        assertEquals(List.of("knee injection"), extractor.affirmed("knee injection 20610"));
    }

    @Test
    void dosesNumbersAndSingleGenericWordsAreNoPhrases() {
        List<String> a = extractor.affirmed("Adult patient on metformin 500 mg twice daily and vancomycin 1000 mg IV. "
                + "Pain in the midfoot. A1c 8.9. Type 2 diabetes mellitus with hyperglycemia.");
        assertFalse(a.contains("metformin"), a.toString());
        assertFalse(a.contains("vancomycin"), a.toString());
        assertFalse(a.contains("Adult"), a.toString());
        assertFalse(a.contains("midfoot"), a.toString());
        assertTrue(a.stream().noneMatch(p -> p.matches(".*\\d.*") && !p.startsWith("Type 2")), a.toString());
        assertTrue(a.contains("Type 2 diabetes mellitus"), a.toString());
        assertFalse(a.contains("Pain"), "a lone \"pain\" says nothing codable: " + a);
    }

    @Test
    void negationEndsWithItsClause() {
        Map<String, Boolean> n = negation("Type 2 diabetes without retinopathy, on long-term insulin.");
        assertEquals(true, n.get("retinopathy"), n.toString());
        assertEquals(false, n.get("long-term insulin"), n.toString());
        Map<String, Boolean> list = negation("No fever, chills, or cough.");
        assertEquals(true, list.get("chills"), list.toString());
        assertEquals(true, list.get("cough"), list.toString());
    }

    @Test
    void ofTheJoinsAPhraseButNeverAcrossANegation() {
        Map<String, Boolean> n = negation("Osteoarthritis of the right knee. No fracture of the left radius.");
        assertEquals(false, n.get("osteoarthritis of the right knee"), n.toString());
        assertEquals(true, n.get("fracture of the left radius"), n.toString());
        Map<String, Boolean> mixed = negation("Pain of the shoulder, no swelling");
        assertEquals(false, mixed.get("pain of the shoulder"), mixed.toString());
        assertEquals(true, mixed.get("swelling"), mixed.toString());
    }
}
