package com.casecoding.codes.assistant;

import com.casecoding.codes.assistant.guard.CodeGuard;
import com.casecoding.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssistantServiceTest {

    private final FakeData data = new FakeData();
    private final AssistantService assistant = data.service(FakeData.noLlm());

    private Answer ask(String q) {
        return assistant.answer(q, null, null);
    }

    private static void has(Answer a, String... facts) {
        for (String f : facts) {
            assertTrue(a.answer().contains(f), () -> "missing '" + f + "' in:\n" + a.answer());
        }
    }

    @Test
    void codeMeaningWithTitleBillableHierarchyAndRelease() {
        Answer a = ask("What does E11.9 mean?");
        has(a, "`E11.9`", "Type 2 diabetes mellitus without complications", "Billable:** yes", "`E11`", "FY2025",
                "Endocrine, nutritional and metabolic diseases");
        assertEquals("code", a.citations().get(0).kind());
        assertEquals("FY2025", a.citations().get(0).version());
        assertFalse(a.followUps().isEmpty());
    }

    @Test
    void aCitedCodeIsShownAsPeopleWriteItWhateverWasTyped() {
        Answer a = ask("What does e119 mean?");
        assertEquals("E11.9", a.citations().get(0).code(), a.citations().toString());
    }

    @Test
    void cptCodesNeverShowAnOfficialDescriptorButOurOwnText() {
        Answer a = ask("What is CPT code 99213?");
        has(a, "`99213`", "licence", "Test plain-language text for code 99213.");
        assertTrue(a.citations().stream().noneMatch(c -> c.title() != null && c.title().contains(":")),
                "a CPT citation must not carry a title text");
    }

    @Test
    void headerCodesAreNotBillableAndListTheCodesBelow() {
        has(ask("Is E11 billable?"), "**No.**", "header", "`E11.9`");
        has(ask("Is R10.9 billable?"), "**Yes.**", "`R10.9`");
    }

    @Test
    void searchShowsTheBestFewWithWhy() {
        Answer a = ask("ICD-10 code for type 2 diabetes with neuropathy");
        has(a, "`E11.40`", "Why:");
        assertEquals("search", a.intent());
        has(ask("code for a flu shot"), "`G0008`");
    }

    @Test
    void ptpSaysWhatTheModifierIndicatorAllows() {
        Answer a = ask("Can I bill 11042 with 97597?");
        has(a, "Modifier indicator 1", "column 2", "`97597`", "59");
        assertTrue(a.citations().stream().anyMatch(c -> c.kind().equals("ptp")));
        assertTrue(a.citations().stream().anyMatch(c -> "guidelines/modifier-59".equals(c.ref())));
    }

    @Test
    void withoutAPtpTableTheAnswerSaysSoPlainly() {
        Answer a = new FakeData().withoutPtp().service(FakeData.noLlm()).answer("Can I bill 11042 with 97597?", null, null);
        has(a, "not loaded");
        assertFalse(a.answer().contains("Modifier indicator 1"));
    }

    @Test
    void unitsAddOnsGlobalAndFees() {
        has(ask("How many units of J1885 can I bill?"), "8 units", "MAI 3");
        has(ask("Is 37253 an add-on code? What does it go with?"), "**Yes.**", "`37252`", "type 1");
        has(ask("Is 99213 an add-on code?"), "**No.**");
        has(ask("Global period of 27447?"), "090");
        has(ask("Medicare fee for 99214 in Alabama"), "$90.57", "Alabama (AL)", "$85.00", "32.3465");
        has(ask("RVUs for 99214 in Manhattan"), "Manhattan (NY)", "Work RVU 1.50");
    }

    @Test
    void crosswalkHistoryAndValidity() {
        has(ask("ICD-9 250.00 in ICD-10?"), "`250.00`", "`E11.9`", "approximate");
        has(ask("What changed for I21 in FY2025?"), "**Added** `I21.B`");
        has(ask("What changed for E11 in FY2025?"), "**No changes**");
        has(ask("Was code I21.B valid on 2024-03-01?"), "**No.**", "FY2024");
        has(ask("Was code I21.B valid on 2025-03-01?"), "**Yes.**", "FY2025");
        has(ask("What changed for I21 in FY2023?"), "not loaded");
    }

    @Test
    void guidelineQuestionsAreAnsweredFromOurNotesAndCitedAsSuch() {
        Answer a = ask("What is the difference between modifier 25 and 59?");
        assertEquals("guideline", a.intent());
        has(a, "Modifier 25", "E/M");
        assertEquals("guidelines/modifier-25-vs-59", a.citations().get(0).ref());
        has(ask("Excludes1 notes"), "not coded here");
        has(ask("how do 7th characters work"), "placeholder X");
    }

    @Test
    void theCodePageTheUserIsOnIsUsedWhenTheQuestionNamesNone() {
        Answer a = assistant.answer("Is this an add-on code?", new CodeContext("cpt", "37253"), null);
        has(a, "**Yes.**", "`37252`");
        Answer b = assistant.answer("Can I bill it with 97597?", new CodeContext("cpt", "11042"), null);
        has(b, "Modifier indicator 1");
    }

    @Test
    void unknownCodesAreNeverEchoed() {
        Answer a = ask("What does E11.99 mean?");
        has(a, "not in the loaded data");
        assertFalse(a.answer().contains("E11.99"));
        assertFalse(ask("Is J9999 billable with 97597?").answer().contains("J9999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"What is CPT code 99213?", "What does E11.9 mean?", "Is E11 billable?",
            "ICD-10 code for type 2 diabetes with neuropathy", "Can I bill 11042 with 97597?",
            "How many units of J1885 can I bill?", "Is 37253 an add-on code?", "Global period of 27447?",
            "Medicare fee for 99214 in Alabama", "ICD-9 250.00 in ICD-10?", "What changed for I21 in FY2025?",
            "Explain E/M levels", "modifier 25 vs 59", "Excludes1", "What is E11.99 and Z99.999?", "gibberish words here"})
    void noAnswerContainsACodeMissingFromTheData(String question) {
        Answer a = ask(question);
        CodeGuard guard = new CodeGuard(data);
        assertEquals(List.of(), guard.unknownCodes(a.answer(), Set.copyOf(titles())), a.answer());
        for (String f : a.followUps()) {
            assertEquals(List.of(), guard.unknownCodes(f, Set.of()), f);
        }
    }

    private List<String> titles() {
        return List.of("Other vitamin B12 deficiency anemias");
    }

    @Test
    void badQuestionsAreRefused() {
        assertEquals(400, assertThrows(ProblemException.class, () -> ask("   ")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> ask("x".repeat(20_000))).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> ask("abc\u0000\u0001def")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> ask("bad \uFFFD bytes")).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> assistant.answer("What is this?", new CodeContext("nope", "E119"), null)).status());
    }
}
