package com.casecoding.codes.reference.tabular;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeRangeTest {

    @Test
    void codesNamedInANote() {
        assertEquals(List.of(new CodeRange("E10", "E10")), CodeRange.inNote("type 1 diabetes mellitus (E10.-)"));
        assertEquals(List.of(new CodeRange("O244", "O244"), new CodeRange("O248", "O248")),
                CodeRange.inNote("gestational diabetes (O24.4-, O24.8-)"));
        assertEquals(List.of(new CodeRange("A00", "A09")), CodeRange.inNote("intestinal infections (A00-A09)"));
        assertEquals(List.of(new CodeRange("K3580", "K3580")), CodeRange.inNote("appendicitis (K35.80)"));
        assertEquals(List.of(new CodeRange("T36", "T50")),
                CodeRange.inNote("poisoning (T36-T50 with fifth or sixth character 1-4)"));
    }

    @Test
    void wordsInParenthesesAreNotCodes() {
        assertEquals(List.of(), CodeRange.inNote("diabetes (mellitus) (sugar) (NOS)"));
        assertEquals(List.of(), CodeRange.inNote("no parenthesis at all E11.9"));
        assertEquals(List.of(), CodeRange.inNote("unclosed (E11.9"));
    }

    @Test
    void aRangeHoldsTheCodesUnderItsBounds() {
        CodeRange e10 = new CodeRange("E10", "E10");
        assertTrue(e10.contains("E10"));
        assertTrue(e10.contains("E109"));
        assertTrue(e10.contains("E1065"));
        assertFalse(e10.contains("E11"));
        assertFalse(e10.contains("E119"));
        CodeRange block = new CodeRange("A00", "A09");
        assertTrue(block.contains("A000"));
        assertTrue(block.contains("A099"));
        assertFalse(block.contains("A15"));
        assertEquals("A00-A09", block.display());
        assertEquals("E10", e10.display());
    }
}
