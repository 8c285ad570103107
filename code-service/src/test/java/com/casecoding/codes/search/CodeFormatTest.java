package com.casecoding.codes.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeFormatTest {

    @Test
    void normalizesAnyTyping() {
        assertEquals("E119", CodeFormat.normalize("E11.9"));
        assertEquals("E119", CodeFormat.normalize(" e11.9 "));
        assertEquals("E119", CodeFormat.normalize("e119"));
        assertEquals("0DTJ4ZZ", CodeFormat.normalize("0dtj4zz"));
        assertEquals("", CodeFormat.normalize("..."));
    }

    @Test
    void recognizesCodesAndPrefixes() {
        assertTrue(CodeFormat.looksLikeCode("E11.9"));
        assertTrue(CodeFormat.looksLikeCode("E11."));
        assertTrue(CodeFormat.looksLikeCode("3725"));
        assertTrue(CodeFormat.looksLikeCode("S72.001A"));
        assertTrue(CodeFormat.looksLikeCode("0DTJ4ZZ"));
        assertTrue(CodeFormat.looksLikeCode("250.00"));
        assertFalse(CodeFormat.looksLikeCode("diabetes"));
        assertFalse(CodeFormat.looksLikeCode("type 2 diabetes"));
        assertFalse(CodeFormat.looksLikeCode("E11.9.9.9.9"));
        assertFalse(CodeFormat.looksLikeCode(""));
    }

    @Test
    void displaysWithTheDotWhereTheCodeSetPutsIt() {
        assertEquals("E11.9", CodeFormat.display("icd10cm", "E119"));
        assertEquals("E11", CodeFormat.display("icd10cm", "E11"));
        assertEquals("S72.001A", CodeFormat.display("icd10cm", "S72001A"));
        assertEquals("250.00", CodeFormat.display("icd9cm", "25000"));
        assertEquals("E849.0", CodeFormat.display("icd9cm", "E8490"));
        assertEquals("81.54", CodeFormat.display("icd9pcs", "8154"));
        assertEquals("0DTJ4ZZ", CodeFormat.display("icd10pcs", "0DTJ4ZZ"));
        assertEquals("99213", CodeFormat.display("cpt", "99213"));
    }
}
