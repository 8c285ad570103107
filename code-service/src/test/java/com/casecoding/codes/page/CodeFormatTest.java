package com.casecoding.codes.page;

import com.casecoding.codes.release.CodeSystem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CodeFormatTest {

    @Test
    void codesAreAcceptedAsTyped() {
        assertEquals("E119", CodeFormat.normalize("e11.9"));
        assertEquals("E119", CodeFormat.normalize(" E119 "));
        assertEquals("S72001A", CodeFormat.normalize("s72.001a"));
        assertNull(CodeFormat.normalize("E11;9"));
        assertNull(CodeFormat.normalize("..."));
        assertNull(CodeFormat.normalize("ABCDEFGHIJ"));
    }

    @Test
    void displayFormPerSystem() {
        assertEquals("E11.9", CodeFormat.display(CodeSystem.ICD10CM, "E119"));
        assertEquals("E11", CodeFormat.display(CodeSystem.ICD10CM, "E11"));
        assertEquals("250.00", CodeFormat.display(CodeSystem.ICD9CM, "25000"));
        assertEquals("E880.9", CodeFormat.display(CodeSystem.ICD9CM, "E8809"));
        assertEquals("V70.0", CodeFormat.display(CodeSystem.ICD9CM, "V700"));
        assertEquals("47.01", CodeFormat.display(CodeSystem.ICD9PCS, "4701"));
        assertEquals("0DTJ4ZZ", CodeFormat.display(CodeSystem.ICD10PCS, "0DTJ4ZZ"));
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
