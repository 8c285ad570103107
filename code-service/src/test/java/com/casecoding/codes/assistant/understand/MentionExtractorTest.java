package com.casecoding.codes.assistant.understand;

import com.casecoding.common.codes.CodeSystem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MentionExtractorTest {

    private static List<String> codes(String q) {
        return MentionExtractor.extract(q).stream().map(CodeMention::code).toList();
    }

    @Test
    void codesAreFoundHoweverTheyAreTyped() {
        assertEquals(List.of("E119"), codes("What does E11.9 mean?"));
        assertEquals(List.of("E119"), codes("what about e119"));
        assertEquals(List.of("99213"), codes("What is CPT code 99213?"));
        assertEquals(List.of("J1885"), codes("How many units of j1885 can I bill?"));
        assertEquals(List.of("0DTJ4ZZ"), codes("is 0dtj4zz a resection"));
        assertEquals(List.of("25000"), codes("ICD-9 250.00 in ICD-10?"));
        assertEquals(List.of("S72001A"), codes("S72.001A"));
        assertEquals(List.of("11042", "97597"), codes("Can I bill 11042 with 97597?"));
    }

    @Test
    void systemNamesDatesModifiersAndAmountsAreNotCodes() {
        assertEquals(List.of(), codes("Explain modifier 25 vs 59"));
        assertEquals(List.of(), codes("What changed in ICD-10 for FY2025?"));
        assertEquals(List.of("I21"), codes("What changed for I21 in FY2025?"));
        assertEquals(List.of("R109"), codes("Was R10.9 valid on 2024-03-01?"));
        assertEquals(List.of(), codes("Is $92.03 the fee in 2025 for 3 units?"));
        assertEquals(List.of(), codes("type 2 diabetes with neuropathy"));
    }

    @Test
    void shapesNameTheCandidateSystems() {
        CodeMention icd9 = MentionExtractor.extract("ICD-9 250.00").get(0);
        assertEquals(java.util.Set.of(CodeSystem.ICD9CM), icd9.shapes());
        CodeMention e119 = MentionExtractor.extract("E119").get(0);
        assertTrue(e119.shapes().contains(CodeSystem.ICD10CM));
        CodeMention cpt = MentionExtractor.extract("99213").get(0);
        assertEquals(java.util.Set.of(CodeSystem.CPT), cpt.shapes());
        CodeMention cptIcd9 = MentionExtractor.extract("is icd-9 25000 the same").get(0);
        assertTrue(cptIcd9.shapes().containsAll(List.of(CodeSystem.CPT, CodeSystem.ICD9CM)));
    }
}
