package com.casecoding.codes.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SearchDocumentTest {

    @Test
    void documentsAreKeyedByTheStoredForm() {
        assertEquals("E119", new SearchDocument("icd10cm", "E11.9", "t", true, false, "FY2025").code());
        assertEquals("E11.9", new SearchDocument("icd10cm", "e11.9", "t", true, false, "FY2025").displayCode());
        assertEquals("250.00", new SearchDocument("icd9cm", "25000", "t", true, false, "v32").displayCode());
        assertEquals("99213", new SearchDocument("cpt", "99213", "t", true, false, "2025").displayCode());
    }

    @Test
    void aQueryIsACodeSearchWhenItIsACodeOrThePrefixOfOne() {
        assertEquals("E119", SearchDocument.codeLike("E11.9"));
        assertEquals("E11", SearchDocument.codeLike("e11."));
        assertEquals("3725", SearchDocument.codeLike("3725"));
        assertEquals("S72001A", SearchDocument.codeLike("S72.001A"));
        assertEquals("0DTJ4ZZ", SearchDocument.codeLike("0dtj4zz"));
        assertEquals("25000", SearchDocument.codeLike("250.00"));
        assertNull(SearchDocument.codeLike("diabetes"));
        assertNull(SearchDocument.codeLike("type 2 diabetes"));
        assertNull(SearchDocument.codeLike("E11.9.9.9.9"));
        assertNull(SearchDocument.codeLike(""));
    }
}
