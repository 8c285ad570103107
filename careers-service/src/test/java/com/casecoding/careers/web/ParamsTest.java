package com.casecoding.careers.web;

import com.casecoding.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Paging parameters: every accepted page number gives a first row that is still an int. */
class ParamsTest {

    @Test
    void aPageSoFarThatItsFirstRowWouldOverflowIsRefusedNotA500() {
        int maxSize = 50;
        int last = Integer.MAX_VALUE / maxSize - 1;
        Params.Paging deepest = Params.paging(Integer.toString(last), Integer.toString(maxSize), 20, maxSize);
        assertEquals(last, deepest.page());
        assertEquals(true, (long) deepest.page() * deepest.size() <= Integer.MAX_VALUE);
        // page=1000000000 answered 500 on GET /api/careers/me/applications (BadInputSweepIT)
        assertThrows(ProblemException.class, () -> Params.paging("1000000000", "20", 20, maxSize));
        assertThrows(ProblemException.class, () -> Params.paging(Integer.toString(last + 1), "1", 20, maxSize));
    }
}
