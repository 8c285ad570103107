package com.casecoding.codes.assistant.understand;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IntentClassifierTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "What is CPT code 99213?|CODE_INFO",
            "What does E11.9 mean?|CODE_INFO",
            "E11.9|CODE_INFO",
            "Is R10.9 billable?|BILLABLE",
            "ICD-10 code for type 2 diabetes with neuropathy|SEARCH",
            "code for a flu shot|SEARCH",
            "Can I bill 11042 with 97597?|PTP",
            "Do I need modifier 59 for 11042 with 97597?|PTP",
            "How many units of J1885 can I bill?|MUE",
            "Is 37253 an add-on code? What does it go with?|ADD_ON",
            "Global period of 27447?|GLOBAL",
            "RVUs for 99214 in Alabama|FEE",
            "Medicare fee for 99214 in Manhattan|FEE",
            "ICD-9 250.00 in ICD-10?|CROSSWALK",
            "What changed for I21 in FY2025?|CHANGES",
            "Was code I21.A1 valid on 2024-03-01?|VALID_ON",
            "hello, how are you doing today my dear friend?|UNKNOWN",
    })
    void recognisesTheKindsOfQuestions(String question, Intent expected) {
        assertEquals(expected, IntentClassifier.classify(question, false).intent());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Explain E/M levels",
            "modifier 25 vs 59",
            "When do I use an Excludes1 note?",
    })
    void guidelineTopicsWithoutCodesGoToTheNotes(String question) {
        assertEquals(Intent.GUIDELINE, IntentClassifier.classify(question, true).intent());
    }

    @org.junit.jupiter.api.Test
    void readsDatesAndFiscalYears() {
        Question q = IntentClassifier.classify("Was I21.A1 valid on 03/01/2024?", false);
        assertEquals(LocalDate.of(2024, 3, 1), q.date().orElseThrow());
        assertEquals(2025, IntentClassifier.classify("What changed for I21 in FY 2025?", false).fiscalYear().orElseThrow());
        assertEquals(2025, IntentClassifier.classify("What changed for I21 in FY25?", false).fiscalYear().orElseThrow());
        assertEquals("type 2 diabetes with neuropathy",
                IntentClassifier.classify("ICD-10 code for type 2 diabetes with neuropathy", false).searchWords());
    }
}
