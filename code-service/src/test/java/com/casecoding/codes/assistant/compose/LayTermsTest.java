package com.casecoding.codes.assistant.compose;

import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.common.codes.CodeSystem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayTermsTest {

    private static CodeRecord cm(String code, String title) {
        return new CodeRecord(CodeSystem.ICD10CM, code, title, true, null, null, false, null);
    }

    @Test
    void clinicalWordsBecomeEverydayWords() {
        assertEquals("Type 2 diabetes with no complications recorded.",
                LayTerms.plain(cm("E119", "Type 2 diabetes mellitus without complications")));
        assertEquals("High blood pressure with no other disease causing it.",
                LayTerms.plain(cm("I10", "Essential (primary) hypertension")));
        String hip = LayTerms.plain(cm("S72001A", "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture"));
        assertTrue(hip.startsWith("Broken bone of not further specified in the record part"), hip);
        assertTrue(hip.endsWith("active treatment."), hip);
    }

    @Test
    void nothingToSayGivesNull() {
        assertNull(LayTerms.plain(cm("A000", "Cholera due to Vibrio cholerae 01, biovar cholerae")));
        assertNull(LayTerms.plain(new CodeRecord(CodeSystem.CPT, "99213", null, true, null, null, false, null)));
    }

    @Test
    void theGlossaryCannotProduceACode() {
        LayTerms.GLOSSARY.values().forEach(v -> assertFalse(v.matches(".*\\d.*"), v));
    }
}
