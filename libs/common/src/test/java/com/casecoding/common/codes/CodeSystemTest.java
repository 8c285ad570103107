package com.casecoding.common.codes;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeSystemTest {

    @Test
    void icd10cmAsTypedIsOneCode() {
        assertEquals(Optional.of("E119"), CodeSystem.ICD10CM.normalize("e11.9"));
        assertEquals(Optional.of("E119"), CodeSystem.ICD10CM.normalize(" E119 "));
        assertEquals(Optional.of("E119"), CodeSystem.ICD10CM.normalize("E11.9"));
        assertEquals("E11.9", CodeSystem.ICD10CM.display("E119"));
        assertEquals("S72.001A", CodeSystem.ICD10CM.display("S72001A"));
        assertEquals("E11", CodeSystem.ICD10CM.display("E11"));
    }

    @Test
    void icd10cmGrammarIsCdcsNotLastYearsShapes() {
        // letters in the second and third position (C4A, D3A, M1A, Z3A; QA0 from releases after FY2025), U codes
        for (String code : new String[]{"C4A", "D3A0", "M1A0110", "Z3A01", "QA0", "QA00", "U071", "U099", "O80",
                "I10", "T8132XA", "S72001A"}) {
            assertTrue(CodeSystem.ICD10CM.normalize(code).isPresent(), code);
        }
        for (String code : new String[]{"E1", "1E11", "E11999999", "E11-9", "E11 9", "E1.1.9", "É119", "E11/9", ""}) {
            assertFalse(CodeSystem.ICD10CM.normalize(code).isPresent(), code);
        }
    }

    @Test
    void pcsIsSevenCharactersWithoutOAndI() {
        assertTrue(CodeSystem.ICD10PCS.normalize("0dtj4zz").isPresent());
        assertTrue(CodeSystem.ICD10PCS.normalize("XW033E5").isPresent());
        assertFalse(CodeSystem.ICD10PCS.normalize("0DTJ4Z").isPresent());
        assertFalse(CodeSystem.ICD10PCS.normalize("0DTJ4ZO").isPresent());
        assertFalse(CodeSystem.ICD10PCS.normalize("0DTI4ZZ").isPresent());
    }

    @Test
    void cptCategoriesAndHcpcs() {
        for (String code : new String[]{"99213", "0001F", "0042T", "0001U", "0002M"}) {
            assertTrue(CodeSystem.CPT.normalize(code).isPresent(), code);
        }
        assertFalse(CodeSystem.CPT.normalize("9921").isPresent());
        assertFalse(CodeSystem.CPT.normalize("0001X").isPresent());
        assertTrue(CodeSystem.HCPCS.normalize("g0439").isPresent());
        assertTrue(CodeSystem.HCPCS.normalize("D0120").isPresent());
        assertFalse(CodeSystem.HCPCS.normalize("G043").isPresent());
        assertFalse(CodeSystem.HCPCS.normalize("99213").isPresent());
    }

    @Test
    void icd9FormsAndDots() {
        assertEquals(Optional.of("25000"), CodeSystem.ICD9CM.normalize("250.00"));
        assertEquals("250.00", CodeSystem.ICD9CM.display("25000"));
        assertEquals("V58.61", CodeSystem.ICD9CM.display("V5861"));
        assertEquals("E879.8", CodeSystem.ICD9CM.display("E8798"));
        assertEquals("81.54", CodeSystem.ICD9PCS.display("8154"));
        assertTrue(CodeSystem.ICD9CM.normalize("E8798").isPresent());
        assertFalse(CodeSystem.ICD9CM.normalize("E87981").isPresent());
    }

    @Test
    void modifiersAreTwoCharacters() {
        assertTrue(CodeSystem.MODIFIER.normalize("rt").isPresent());
        assertTrue(CodeSystem.MODIFIER.normalize("25").isPresent());
        assertFalse(CodeSystem.MODIFIER.normalize("RTX").isPresent());
    }

    @Test
    void shapesOfATokenNameEverySetItFits() {
        assertEquals(EnumSet.of(CodeSystem.CPT, CodeSystem.ICD9CM), CodeSystem.shapesOf("99213"));
        assertEquals(EnumSet.of(CodeSystem.ICD10CM, CodeSystem.HCPCS), CodeSystem.shapesOf("G0439"));
        assertEquals(EnumSet.of(CodeSystem.ICD10CM), CodeSystem.shapesOf("K21.9"));
        assertEquals(EnumSet.of(CodeSystem.ICD10CM, CodeSystem.ICD9CM), CodeSystem.shapesOf("E11.9"));
        assertTrue(CodeSystem.shapesOf("hello world").isEmpty());
    }

    @Test
    void systemIdsAsPeopleWriteThem() {
        assertEquals(Optional.of(CodeSystem.ICD10CM), CodeSystem.fromId("ICD-10-CM"));
        assertEquals(Optional.of(CodeSystem.CPT), CodeSystem.fromId("cpt"));
        assertEquals(Optional.empty(), CodeSystem.fromId("cdt"));
    }
}
