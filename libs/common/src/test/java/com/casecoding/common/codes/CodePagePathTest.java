package com.casecoding.common.codes;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodePagePathTest {

    @Test
    void aPageIsCountedUnderOneKeyHoweverTheCodeIsTyped() {
        assertEquals("icd10cm/E119", CodePagePath.match("GET", "/api/codes/icd10cm/e11.9").key().key());
        assertEquals("icd10cm/E119", CodePagePath.match("GET", "/api/codes/ICD10CM/E119").key().key());
        assertEquals("icd10cm/E119", CodePagePath.match("GET", "/api/edits/icd10cm/E11.9").key().key());
        assertEquals("cpt/27447", CodePagePath.match("HEAD", "/api/codes/cpt/27447").key().key());
    }

    @Test
    void otherRequestsAreNotPages() {
        assertFalse(CodePagePath.match("PUT", "/api/codes/icd10cm/E119").isPage());
        assertFalse(CodePagePath.match("GET", "/api/codes/icd10cm").isPage());
        assertFalse(CodePagePath.match("GET", "/api/codes/icd10cm/E119/common-language").isPage());
        assertFalse(CodePagePath.match("GET", "/api/code-systems").isPage());
        assertFalse(CodePagePath.match("GET", "/api/codesx/icd10cm/E119").isPage());
    }

    @Test
    void aPagePathWithoutAValidCodeIsRefusedNotPassedOn() {
        assertTrue(CodePagePath.match("GET", "/api/codes/icd10cm/E11%2E9").isInvalid());
        assertTrue(CodePagePath.match("GET", "/api/codes/icd10cm/E11.9.json").isInvalid());
        assertTrue(CodePagePath.match("GET", "/api/codes/nope/E119").isInvalid());
        assertTrue(CodePagePath.match("GET", "/api/codes/cpt/2744").isInvalid());
    }
}
