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

    @Test
    void chaptersCoverTheirRanges() {
        assertEquals("4", Chapters.icd10cm("E119").orElseThrow().number());
        assertEquals("2", Chapters.icd10cm("D499").orElseThrow().number());
        assertEquals("3", Chapters.icd10cm("D500").orElseThrow().number());
        assertEquals("15", Chapters.icd10cm("O9A11").orElseThrow().number());
        assertEquals("19", Chapters.icd10cm("T8859").orElseThrow().number());
        assertEquals("22", Chapters.icd10cm("U071").orElseThrow().number());
        assertEquals("20", Chapters.icd10cm("V0001").orElseThrow().number());
        assertEquals("Imaging", Chapters.icd10pcs("BW03ZZZ").orElseThrow().title());
    }
}
