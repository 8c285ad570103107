package com.casecoding.codes.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynonymDictionaryTest {

    @Test
    void parsesTermsAndExpansions() {
        SynonymDictionary d = SynonymDictionary.parse(List.of(
                "# comment",
                "heart attack, MI = myocardial infarction",
                "high blood pressure = hypertension | hypertensive  # trailing comment",
                "blood pressure = blood pressure reading"));
        assertEquals(List.of(List.of("myocardial", "infarction")), d.expansionsOf("Heart Attack"));
        assertEquals(List.of(List.of("myocardial", "infarction")), d.expansionsOf("mi"));
        assertEquals(2, d.expansionsOf("high blood pressure").size());
    }

    @Test
    void longestTermWinsLeftToRight() {
        SynonymDictionary d = SynonymDictionary.parse(List.of(
                "high blood pressure = hypertension",
                "blood pressure = blood pressure reading",
                "broken = fracture"));
        List<SynonymDictionary.Match> m = d.find(List.of("broken", "high", "blood", "pressure", "today"));
        assertEquals(2, m.size());
        assertEquals(0, m.get(0).start());
        assertEquals(1, m.get(0).end());
        assertEquals(1, m.get(1).start());
        assertEquals(4, m.get(1).end());
        assertEquals(List.of(List.of("hypertension")), m.get(1).expansions());
    }

    @Test
    void rejectsMalformedLines() {
        assertThrows(IllegalArgumentException.class, () -> SynonymDictionary.parse(List.of("no equals sign")));
        assertThrows(IllegalArgumentException.class, () -> SynonymDictionary.parse(List.of("term =")));
        assertThrows(IllegalArgumentException.class, () -> SynonymDictionary.parse(List.of("term = the | of")));
    }

    @Test
    void shippedDictionaryCoversTheLayTermsOfTheIssue() {
        SynonymDictionary d = SynonymDictionary.load();
        assertTrue(d.size() > 150, "dictionary has " + d.size() + " terms");
        assertTrue(d.expansionsOf("heart attack").contains(List.of("myocardial", "infarction")));
        assertTrue(d.expansionsOf("high blood pressure").contains(List.of("hypertension")));
        assertTrue(d.expansionsOf("UTI").contains(List.of("urinary", "tract", "infection")));
        assertTrue(d.expansionsOf("CHF").contains(List.of("heart", "failure")));
        assertTrue(d.expansionsOf("afib").contains(List.of("atrial", "fibrillation")));
        assertTrue(d.expansionsOf("broken wrist").contains(List.of("fracture", "wrist")));
    }
}
