package com.casecoding.codes.release;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The publishers' calendars and what "current" means on a date. */
class ReleaseCalendarTest {

    private static LoadedRelease release(long id, String dataset, String version, LocalDate effective) {
        return new LoadedRelease(id, dataset, version, effective, ReleaseCalendar.periodOf(dataset, effective), null,
                false, "file", "sha" + id, 1, Instant.EPOCH, null);
    }

    @Test
    void periodsFollowEachPublishersCalendar() {
        assertEquals(new ReleasePeriod(LocalDate.of(2024, 10, 1), LocalDate.of(2025, 9, 30)),
                ReleaseCalendar.periodOf("icd10cm", LocalDate.of(2024, 10, 1)));
        assertEquals(new ReleasePeriod(LocalDate.of(2024, 10, 1), LocalDate.of(2025, 9, 30)),
                ReleaseCalendar.periodOf("icd10pcs-addenda", LocalDate.of(2024, 10, 1)));
        // an April 1 update runs to the same September 30
        assertEquals(LocalDate.of(2025, 9, 30), ReleaseCalendar.periodOf("icd10cm", LocalDate.of(2025, 4, 1)).to());
        assertEquals(LocalDate.of(2025, 3, 31), ReleaseCalendar.periodOf("hcpcs", LocalDate.of(2025, 1, 1)).to());
        assertEquals(LocalDate.of(2026, 6, 30),
                ReleaseCalendar.periodOf("mue-practitioner", LocalDate.of(2026, 4, 1)).to());
        assertEquals(LocalDate.of(2026, 6, 30), ReleaseCalendar.periodOf("ncci-aoc", LocalDate.of(2026, 4, 1)).to());
        // MPFS: a revision applies to the end of its calendar year (a later revision answers from its own date)
        assertEquals(LocalDate.of(2025, 12, 31), ReleaseCalendar.periodOf("mpfs-rvu", LocalDate.of(2025, 10, 1)).to());
        assertEquals(LocalDate.of(2025, 12, 31), ReleaseCalendar.periodOf("cpt", LocalDate.of(2025, 1, 1)).to());
        assertEquals(LocalDate.of(2015, 9, 30), ReleaseCalendar.periodOf("icd9cm", LocalDate.of(2014, 10, 1)).to());
        assertNull(ReleaseCalendar.periodOf("ms-drg", LocalDate.of(2022, 10, 1)).to(), "unknown dataset: open");
    }

    @Test
    void anEndedReleaseIsNeverCurrent() {
        List<LoadedRelease> icd = List.of(release(1, "icd10cm", "FY2024", LocalDate.of(2023, 10, 1)),
                release(2, "icd10cm", "FY2025", LocalDate.of(2024, 10, 1)));
        Currency inFy2025 = Currency.of("icd10cm", icd, LocalDate.of(2025, 3, 1));
        assertEquals(Currency.State.CURRENT, inFy2025.state());
        assertEquals("FY2025", inFy2025.inEffect().version());
        assertNull(inFy2025.notice());
        Currency stale = Currency.of("icd10cm", icd, LocalDate.of(2026, 12, 2));
        assertEquals(Currency.State.STALE, stale.state());
        assertNull(stale.inEffect());
        assertEquals("The newest loaded ICD-10-CM release is FY2025, which ended 2025-09-30.", stale.notice());
        Currency before = Currency.of("icd10cm", icd, LocalDate.of(2023, 5, 1));
        assertEquals(Currency.State.BEFORE_OLDEST, before.state());
        assertEquals("The oldest loaded ICD-10-CM release is FY2024, which began 2023-10-01.", before.notice());
        Currency none = Currency.of("hcpcs", List.of(), LocalDate.of(2025, 1, 1));
        assertEquals(Currency.State.NOT_LOADED, none.state());
    }

    @Test
    void aQuarterMissingBetweenTwoFilesIsAGap() {
        List<LoadedRelease> hcpcs = List.of(release(1, "hcpcs", "2025-JAN", LocalDate.of(2025, 1, 1)),
                release(2, "hcpcs", "2025-JUL", LocalDate.of(2025, 7, 1)));
        Currency gap = Currency.of("hcpcs", hcpcs, LocalDate.of(2025, 5, 1));
        assertEquals(Currency.State.GAP, gap.state());
        assertTrue(gap.notice().contains("2025-JAN ended 2025-03-31 and 2025-JUL began 2025-07-01"), gap.notice());
    }

    @Test
    void aLaterRevisionAnswersFromItsOwnDate() {
        List<LoadedRelease> rvu = List.of(release(1, "mpfs-rvu", "RVU25A", LocalDate.of(2025, 1, 1)),
                release(2, "mpfs-rvu", "RVU25D", LocalDate.of(2025, 10, 1)));
        assertEquals("RVU25A", ReleaseCatalog.inEffect(rvu, LocalDate.of(2025, 9, 30)).orElseThrow().version());
        assertEquals("RVU25D", ReleaseCatalog.inEffect(rvu, LocalDate.of(2025, 10, 1)).orElseThrow().version());
        assertTrue(ReleaseCatalog.inEffect(rvu, LocalDate.of(2026, 1, 1)).isEmpty());
    }
}
