package com.casecoding.careers.web;

import com.casecoding.common.list.Paging;
import com.casecoding.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The query parameters careers-service still parses itself, and the paging its list queries rely on. */
class ParamsTest {

    private static final int MAX_LIMIT = 50;

    @Test
    void theDeepestOffsetAcceptedStillGivesARangeEndThatIsAnInt() {
        // page=1000000000 once answered 500 on GET /api/careers/me/applications (BadInputSweepIT); a list query's
        // last row is offset + limit - 1, which must stay an int for every offset and limit Paging accepts
        Paging deepest = Paging.of(Integer.toString(MAX_LIMIT), "999999999", 20, MAX_LIMIT);
        assertEquals(999_999_999, deepest.offset());
        assertEquals(true, (long) deepest.offset() + deepest.limit() - 1 <= Integer.MAX_VALUE);
        assertThrows(ProblemException.class, () -> Paging.of("1", "10000000000", 20, MAX_LIMIT));
        assertThrows(ProblemException.class, () -> Paging.of(Integer.toString(MAX_LIMIT + 1), "0", 20, MAX_LIMIT));
    }

    @Test
    void datesEnumsAndListsAreParsedOrNamed() {
        assertEquals(LocalDate.of(2026, 1, 31), Params.date("postedSince", " 2026-01-31 "));
        assertNull(Params.date("postedSince", " "));
        assertEquals("postedSince", field(() -> Params.date("postedSince", "yesterday")));
        assertEquals(List.of("CPC", "CRC"), Params.list(List.of("CPC,CRC", "CPC", " ")));
        assertEquals(List.of("a", "b"), Params.enums("x", List.of("a,b"), s -> s, new Object[]{"a", "b"}));
        assertEquals("status", field(() -> Params.one("status", "moon", s -> {
            throw new IllegalArgumentException(s);
        }, new Object[]{"draft"})));
        assertEquals("status", field(() -> Params.one("status", "a,b", s -> s, new Object[]{"a", "b"})));
    }

    /** The one field a parse failure names. */
    private static String field(Runnable parse) {
        ProblemException e = assertThrows(ProblemException.class, parse::run);
        assertEquals(400, e.status());
        return e.toProblem("/", "test").violations.get(0).field();
    }
}
