package com.casecoding.codes.assistant.guard;

import com.casecoding.codes.assistant.Answer;
import com.casecoding.codes.assistant.Citation;
import com.casecoding.codes.assistant.FakeData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeGuardTest {

    private final CodeGuard guard = new CodeGuard(new FakeData());

    @Test
    void knownCodesStayUnknownCodesAreRemoved() {
        Answer in = new Answer("Use `E11.9` or E11.42, never `E11.99` or Z99.999 or J9999.", List.of(), List.of(), "code", false);
        CodeGuard.Result out = guard.enforce(in, Set.of());
        assertEquals(Set.of("E11.99", "Z99.999", "J9999"), out.removed());
        assertTrue(out.answer().answer().contains("`E11.9`"));
        assertTrue(out.answer().answer().contains("E11.42"));
        assertFalse(out.answer().answer().contains("E11.99"));
        assertFalse(out.answer().answer().contains("J9999"));
    }

    @Test
    void everyShapeCountsInBackticksButPlainNumbersDoNotInText() {
        assertEquals(List.of("81.54"), guard.unknownCodes("Map to `250.00` and `81.54`; the fee is 81.54 dollars.", Set.of())
                .stream().map(CodeGuard.Token::text).toList());
        assertEquals(List.of(), guard.unknownCodes("Work RVU 20.72, global days 090, in 2025, $92.03.", Set.of()));
        assertEquals(List.of("12345"), guard.unknownCodes("CPT 99213 and CPT 12345", Set.of())
                .stream().map(CodeGuard.Token::text).toList());
    }

    @Test
    void officialTitlesFromTheDataAreNotEdited() {
        String title = "Other vitamin B12 deficiency anemias";
        assertEquals(List.of(), guard.unknownCodes("`D51.8` " + title, Set.of(title)));
        assertEquals(List.of("B12"), guard.unknownCodes("`D51.8` " + title, Set.of())
                .stream().map(CodeGuard.Token::text).toList());
    }

    @Test
    void followUpsAndCitationsNamingUnknownCodesAreDropped() {
        Answer in = new Answer("x", List.of(new Citation("code", "t", "icd10cm", "E119", null, null, null, null),
                new Citation("code", "t", "icd10cm", "E1199", null, null, null, null)),
                List.of("What does E11.9 mean?", "What does E11.99 mean?"), "code", false);
        CodeGuard.Result out = guard.enforce(in, Set.of());
        assertEquals(List.of("What does E11.9 mean?"), out.answer().followUps());
        assertEquals(1, out.answer().citations().size());
        assertEquals("E119", out.answer().citations().get(0).code());
    }
}
