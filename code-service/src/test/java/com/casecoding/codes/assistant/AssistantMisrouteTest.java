package com.casecoding.codes.assistant;

import com.casecoding.codes.assistant.data.PageAccess;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The misroutes of issue 24 ("What was seen"), each pinned on the fixture data. */
class AssistantMisrouteTest {

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

    private static void hasNot(Answer a, String... facts) {
        for (String f : facts) {
            assertFalse(a.answer().contains(f), () -> "must not contain '" + f + "' in:\n" + a.answer());
        }
    }

    @Test
    void aLetterAndFourDigitsWithoutADotIsHcpcsFirstAndBothSetsAreShown() {
        Answer a = ask("What is G0439?");
        has(a, "`G0439`", "Annual wellness visit", "`G04.39`", "encephalitis");
        assertTrue(a.answer().indexOf("`G0439`") < a.answer().indexOf("`G04.39`"), a.answer());
        Answer dotted = ask("What is G04.39?");
        has(dotted, "`G04.39`");
        hasNot(dotted, "Annual wellness visit");
    }

    @Test
    void modifierQuestionsAnswerTheModifierNotASearch() {
        Answer rt = ask("What is modifier RT?");
        assertEquals("modifier", rt.intent());
        has(rt, "Modifier RT", "Right side");
        Answer ga = ask("What does modifier GA mean?");
        has(ga, "Modifier GA", "Waiver of liability");
        hasNot(ga, "Modifier GK");
        Answer cpt = ask("When do I use the 25 modifier?");
        assertEquals("modifier", cpt.intent());
        has(cpt, "Modifier 25", "CPT (Level I) modifier", "Test plain-language text for modifier 25.");
    }

    @Test
    void aNamedCodeSetIsNeverLeftForAnother() {
        Answer a = ask("What is the ICD-10-PCS code for laparoscopic appendectomy?");
        has(a, "`0DTJ4ZZ`");
        hasNot(a, "47.01", "4701");
        Answer none = ask("What is the ICD-10-PCS code for banana peeling?");
        has(none, "Nothing in the loaded ICD-10-PCS data matches");
    }

    @Test
    void historyAndTerminationQuestionsGetTheHistoryAnswer() {
        Answer deleted = ask("Was D13.9 deleted?");
        assertEquals("changes", deleted.intent());
        has(deleted, "**Deleted** `D13.9`");
        Answer added = ask("Was I21.B added in FY2025?");
        assertEquals("changes", added.intent());
        has(added, "**Added** `I21.B`");
        Answer still = ask("Is J1030 still valid?");
        assertEquals("valid-on", still.intent());
        has(still, "**No.**", "terminated");
    }

    @Test
    void excludesAndVersusQuestionsAreNotPtpQuestions() {
        Answer excludes = ask("Is there an Excludes1 note between E11.9 and E11.40?");
        assertEquals("guideline", excludes.intent());
        has(excludes, "Excludes1");
        hasNot(excludes, "PTP");
        Answer vs = ask("99213 vs 99214");
        assertEquals("code", vs.intent());
        has(vs, "`99213`", "`99214`");
        hasNot(vs, "PTP");
        Answer sepsis = ask("How do I sequence sepsis with pneumonia?");
        assertEquals("guideline", sepsis.intent());
        has(sepsis, "Sequencing", "`A41.9`");
    }

    @Test
    void unitMathFollowsTheHcpcsBillingUnit() {
        Answer a = ask("How many units of J3301 for 40 mg?");
        assertEquals("units", a.intent());
        has(a, "**4 units**", "per **10 mg**", "rounded **up**");
        has(ask("How many units of J3301 do I bill for 45 mg?"), "**5 units**");
        has(ask("J3301 units for 1 g"), "**100 units**", "More than the MUE");
    }

    @Test
    void guestsNeverGetTheSectionsTheCodePageLocks() {
        PageAccess likeThePage = facet -> false;
        AssistantService forGuests = new FakeData().service(FakeData.noLlm(), likeThePage);
        Caller guest = new Caller("g-1", "guest", Set.of("guest"));
        Answer fee = forGuests.answer("Medicare fee for 99214 in Alabama", null, guest);
        has(fee, "register to view");
        hasNot(fee, "85.00", "90.57", "Work RVU");
        Answer mue = forGuests.answer("How many units of J1885 can I bill?", null, guest);
        has(mue, "register to view");
        hasNot(mue, "8 units");
        Answer info = forGuests.answer("What is J1885?", null, guest);
        has(info, "ketorolac", "register to view");
        hasNot(info, "MUE (", "status A");
        Answer registered = forGuests.answer("Medicare fee for 99214 in Alabama", null,
                new Caller("u-1", "free", Set.of("coder")));
        has(registered, "85.00");
    }

    @Test
    void hccCcMccAndDrgQuestionsGoToTheReferenceTablesAndAreLockedForGuests() {
        Answer hcc = ask("Does E11.9 map to an HCC in V28?");
        assertEquals("hcc-drg", hcc.intent());
        has(hcc, "test HCC 38 in V28");
        assertTrue(hcc.citations().stream().anyMatch(c -> "hcc".equals(c.kind())), hcc.citations().toString());
        has(ask("Is E11.65 a CC?"), "is a CC (test)");
        has(ask("What is DRG 470?"), "MS-DRG 470 is a test DRG");
        has(ask("Which HCC does CHF fall in?"), "falls in test HCC 226");
        has(ask("Is there an Excludes1 note between E11.9 and E11.40?"), "Test: no Excludes1 note forbids");
        AssistantService forGuests = new FakeData().service(FakeData.noLlm(), facet -> false);
        Answer locked = forGuests.answer("Does E11.9 map to an HCC in V28?", null, new Caller("g", "guest", Set.of("guest")));
        has(locked, "register to view");
        hasNot(locked, "HCC 38");
    }

    @Test
    void thisMeansTheCodePageTheUserIsOn() {
        Answer a = assistant.answer("Is this billable?", new CodeContext("icd10cm", "E11"), null);
        has(a, "**No.**", "`E11`");
        Answer units = assistant.answer("How many units of it for 40 mg?", new CodeContext("hcpcs", "J3301"), null);
        has(units, "**4 units**");
    }
}
