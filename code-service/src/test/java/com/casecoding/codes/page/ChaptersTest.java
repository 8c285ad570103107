package com.casecoding.codes.page;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chapter and block lookup for ICD-10-CM codes as stored (normalized, no dot). */
class ChaptersTest {

    @Test
    void blockOfACodeIsTheRangeHoldingItsCategory() {
        Chapters.Block block = Chapters.icd10cmBlock("E119").orElseThrow();
        assertEquals("E08-E13", block.range());
        assertEquals("Diabetes mellitus", block.title());
        assertEquals("I20-I25", Chapters.icd10cmBlock("I214").orElseThrow().range());
    }

    @Test
    void lettersInsideACategorySortAfterDigits() {
        // C4A (Merkel cell carcinoma) is its own block between C43-C44 and C45-C49
        assertEquals("C4A", Chapters.icd10cmBlock("C4A0").orElseThrow().range());
        assertEquals("C43-C44", Chapters.icd10cmBlock("C449").orElseThrow().range());
    }

    @Test
    void noBlockForACategoryOutsideTheTable() {
        assertTrue(Chapters.icd10cmBlock("E1").isEmpty());
        assertTrue(Chapters.icd10cmBlock("ZZZ").isEmpty());
        assertEquals("4", Chapters.icd10cm("E119").orElseThrow().number());
    }
}
