package com.casecoding.common.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.casecoding.common.problem.ProblemException;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListPageTest {

    private static final URI NOTES = URI.create("http://code-service:8081/api/notes");

    @Test
    void theNextLinkIsTheRequestsOwnPathAndQueryWithTheOffsetMovedOnAndNoHost() {
        URI search = URI.create("http://code-service:8081/api/search?q=heart%20attack&offset=0&system=icd10cm,cpt&limit=20");
        assertEquals("/api/search?q=heart%20attack&system=icd10cm,cpt&limit=20&offset=20",
                ListPage.next(search, new Paging(20, 0), 20, 57));
        assertEquals("/api/notes?limit=50&offset=50", ListPage.next(NOTES, new Paging(50, 0), 50, 51));
    }

    @Test
    void theLastPageHasNoNextLink() {
        assertNull(ListPage.next(NOTES, new Paging(50, 0), 7, 7));
        assertNull(ListPage.next(NOTES, new Paging(5, 10), 5, 15));
        assertNull(ListPage.next(NOTES, new Paging(5, 40), 0, 15), "past the end: empty and no link");
    }

    @Test
    void aWindowedListLinksOnlyAsFarAsItsWindowAndShortensTheLastStep() {
        Paging paging = Paging.of("20", "470", 20, 100, 500);
        assertEquals("/api/notes?limit=10&offset=490", ListPage.next(NOTES, paging, 20, 10_000));
        assertNull(ListPage.next(NOTES, Paging.of("20", "480", 20, 100, 500), 20, 10_000));
        ProblemException beyond = assertThrows(ProblemException.class, () -> Paging.of("20", "490", 20, 100, 500));
        assertEquals("offset", beyond.toProblem("/", "r").violations.get(0).field());
    }

    @Test
    void aListHeldInMemoryIsSlicedWithItsWholeSizeAsTotal() {
        List<Integer> all = IntStream.range(0, 12).boxed().toList();
        Paging paging = new Paging(5, 10);
        assertEquals(List.of(10, 11), paging.slice(all));
        assertEquals(List.of(), new Paging(5, 12).slice(all));
        assertEquals(List.of(0, 1, 2), new Paging(3, 0).slice(all));
    }

    @Test
    void limitAndOffsetOutOfRangeOrNotNumbersAre400sNamingTheParameter() {
        assertEquals(new Paging(20, 0), Paging.of(null, " ", 20, 100));
        assertEquals(new Paging(7, 3), Paging.of(" 7 ", "3", 20, 100));
        for (String[] bad : new String[][] {{"0", null, "limit"}, {"101", null, "limit"}, {"abc", null, "limit"},
                {"20", "-1", "offset"}, {"20", "1.5", "offset"}, {"20", "99999999999", "offset"}}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Paging.of(bad[0], bad[1], 20, 100));
            assertEquals(400, e.status());
            assertEquals(bad[2], e.toProblem("/", "r").violations.get(0).field(), 
                    String.join(",", bad[0], String.valueOf(bad[1])));
        }
        assertThrows(ProblemException.class, () -> Paging.of("20", String.valueOf(Integer.MAX_VALUE), 20, 100),
                "an offset whose page would overflow an int");
    }

    @Test
    void booleansAreTrueOrFalseInAnyCase() {
        assertEquals(Boolean.TRUE, QueryValues.bool("billable", " TRUE"));
        assertEquals(Boolean.FALSE, QueryValues.bool("billable", "false"));
        assertNull(QueryValues.bool("billable", ""));
        assertEquals("billable", assertThrows(ProblemException.class, () -> QueryValues.bool("billable", "yes"))
                .toProblem("/", "r").violations.get(0).field());
    }
}
