package com.casecoding.codes.catalog;

import com.casecoding.codes.release.CodeKinds;
import com.casecoding.codes.catalog.CodeStatus.State;
import com.casecoding.codes.catalog.StatusJudge.Holding;
import com.casecoding.codes.catalog.StatusJudge.Official;
import com.casecoding.codes.release.Currency;
import com.casecoding.codes.release.LoadedRelease;
import com.casecoding.codes.release.ReleaseCalendar;
import com.casecoding.codes.release.ReleasePeriod;
import com.casecoding.common.codes.CodeSystem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status rules on hand-built releases: periods, official dates, partial lists, stale data. */
class StatusJudgeTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 1);

    private static LoadedRelease release(long id, String dataset, String version, LocalDate from, LocalDate to,
                                         String completeFor) {
        return new LoadedRelease(id, dataset, version, from, new ReleasePeriod(from, to), completeFor, false,
                "file", "sha" + id, 1, Instant.EPOCH, null);
    }

    private static LoadedRelease fy(long id, int fy) {
        ReleasePeriod p = ReleaseCalendar.periodOf("icd10cm", LocalDate.of(fy - 1, 10, 1));
        return release(id, "icd10cm", "FY" + fy, p.from(), p.to(), null);
    }

    private static Currency currency(String dataset, List<LoadedRelease> releases, LocalDate date) {
        return Currency.of(dataset, releases, date);
    }

    private static CodeStatus judge(CodeSystem system, String code, List<LoadedRelease> releases,
                                    Map<Long, Holding> holdings, Official official, LocalDate date) throws Exception {
        String dataset = CodeKinds.dataset(system, code);
        return StatusJudge.judge(system, code, releases, holdings, official, date, currency(dataset, releases, date));
    }

    private static Map<Long, Holding> in(long... ids) {
        Map<Long, Holding> m = new HashMap<>();
        for (long id : ids) {
            m.put(id, new Holding(false, null, null));
        }
        return m;
    }

    @Test
    void validInTheReleaseInEffectAndDeletedByTheNextOne() throws Exception {
        List<LoadedRelease> rel = List.of(fy(1, 2024), fy(2, 2025));
        CodeStatus valid = judge(CodeSystem.ICD10CM, "T8132XA", rel, in(1), Official.NONE, LocalDate.of(2024, 5, 1));
        assertEquals(State.VALID, valid.state());
        assertEquals("FY2024", valid.release().version());
        CodeStatus deleted = judge(CodeSystem.ICD10CM, "T8132XA", rel, in(1), Official.NONE, LocalDate.of(2025, 1, 1));
        assertEquals(State.TERMINATED, deleted.state());
        assertEquals(LocalDate.of(2024, 9, 30), deleted.until());
        assertEquals("FY2025", deleted.release().version());
        assertFalse(deleted.billable(), "a deleted code is never billable");
        // still deleted when asked after every loaded release ended: FY2025 no longer lists it, that is known
        CodeStatus later = judge(CodeSystem.ICD10CM, "T8132XA", rel, in(1), Official.NONE, LocalDate.of(2026, 4, 15));
        assertEquals(State.TERMINATED, later.state());
    }

    @Test
    void staleDataIsSaidPlainlyNotCalledUnknown() throws Exception {
        List<LoadedRelease> rel = List.of(fy(1, 2024), fy(2, 2025));
        CodeStatus known = judge(CodeSystem.ICD10CM, "E119", rel, in(1, 2), Official.NONE, LocalDate.of(2026, 4, 15));
        assertEquals(State.UNVERIFIED, known.state());
        assertTrue(known.message().contains("The newest loaded ICD-10-CM release is FY2025, which ended 2025-09-30"),
                known.message());
        assertEquals("FY2025", known.record().version());
        // a category added after FY2025 (letter in the second position): not "does not exist"
        CodeStatus added = judge(CodeSystem.ICD10CM, "QA00", rel, Map.of(), Official.NONE, LocalDate.of(2026, 4, 15));
        assertEquals(State.UNVERIFIED, added.state());
        assertFalse(added.exists());
        assertTrue(added.message().contains("not in any loaded ICD-10-CM release"), added.message());
        assertTrue(added.message().contains("which ended 2025-09-30"), added.message());
        // inside a loaded year the same code is unknown
        assertEquals(State.UNKNOWN, judge(CodeSystem.ICD10CM, "QA00", rel, Map.of(), Official.NONE, D).state());
    }

    @Test
    void officialDatesBeatWhichFilesAreLoaded() throws Exception {
        LoadedRelease jan = release(1, "hcpcs", "2025-JAN", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), null);
        // G0439: added 2011-01-01, no termination; the only loaded HCPCS file is 2025-JAN
        Map<Long, Holding> g0439 = Map.of(1L, new Holding(false, LocalDate.of(2011, 1, 1), null));
        Official added = new Official(LocalDate.of(2011, 1, 1), "HCPCS file: code added 2011-01-01", null, null);
        CodeStatus in2024 = judge(CodeSystem.HCPCS, "G0439", List.of(jan), g0439, added, LocalDate.of(2024, 6, 1));
        assertEquals(State.VALID, in2024.state(), in2024.message());
        assertEquals(LocalDate.of(2011, 1, 1), in2024.since());
        assertEquals(State.NOT_YET_VALID,
                judge(CodeSystem.HCPCS, "G0439", List.of(jan), g0439, added, LocalDate.of(2010, 6, 1)).state());
        // J1030: terminated 2024-03-31, still listed by the 2025 file with that date
        Map<Long, Holding> j1030 = Map.of(1L, new Holding(false, LocalDate.of(1982, 1, 1), LocalDate.of(2024, 3, 31)));
        Official ended = new Official(LocalDate.of(1982, 1, 1), "added", LocalDate.of(2024, 3, 31),
                "HCPCS file: termination date 2024-03-31");
        CodeStatus after = judge(CodeSystem.HCPCS, "J1030", List.of(jan), j1030, ended, LocalDate.of(2025, 2, 1));
        assertEquals(State.TERMINATED, after.state());
        assertEquals(LocalDate.of(2024, 3, 31), after.until());
        assertEquals(State.VALID,
                judge(CodeSystem.HCPCS, "J1030", List.of(jan), j1030, ended, LocalDate.of(2024, 3, 31)).state());
    }

    @Test
    void aPartialListNeverDeletesAndAScopedListDecidesOnlyItsKinds() throws Exception {
        LoadedRelease fee = release(1, "cpt", "2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                "cpt-category-1,cpt-category-2,cpt-category-3,modifier");
        LoadedRelease ncci = release(2, "cpt", "2026Q2", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30),
                "modifier");
        List<LoadedRelease> rel = List.of(fee, ncci);
        LocalDate may = LocalDate.of(2026, 5, 1);
        // in the fee schedule, not named by the NCCI quarter: not known, not deleted
        CodeStatus notNamed = judge(CodeSystem.CPT, "27447", rel, in(1), Official.NONE, may);
        assertEquals(State.UNVERIFIED, notNamed.state());
        assertTrue(notNamed.message().contains("partial list"), notNamed.message());
        assertEquals(State.VALID, judge(CodeSystem.CPT, "27447", rel, in(1, 2), Official.NONE, may).state());
        // a PLA code only NCCI names, asked for 2025: the fee schedule does not list PLA codes, so no "unknown"
        CodeStatus pla = judge(CodeSystem.CPT, "0001U", rel, in(2), Official.NONE, LocalDate.of(2025, 6, 1));
        assertEquals(State.UNVERIFIED, pla.state(), pla.message());
        // a Category I number no release lists, in 2025: unknown (the fee schedule lists every one)
        assertEquals(State.UNKNOWN, judge(CodeSystem.CPT, "99998", rel, Map.of(), Official.NONE,
                LocalDate.of(2025, 6, 1)).state());
    }

    @Test
    void anAprilUpdateSupersedesItsOctoberRelease() throws Exception {
        LoadedRelease october = fy(1, 2024);
        ReleasePeriod april = ReleaseCalendar.periodOf("icd10cm", LocalDate.of(2024, 4, 1));
        LoadedRelease update = release(2, "icd10cm", "FY2024-APR", april.from(), april.to(), null);
        List<LoadedRelease> rel = List.of(october, update);
        assertEquals(LocalDate.of(2024, 9, 30), april.to());
        assertEquals(State.VALID, judge(CodeSystem.ICD10CM, "A000", rel, in(1), Official.NONE,
                LocalDate.of(2024, 2, 1)).state());
        CodeStatus gone = judge(CodeSystem.ICD10CM, "A000", rel, in(1), Official.NONE, LocalDate.of(2024, 5, 1));
        assertEquals(State.TERMINATED, gone.state());
        assertEquals(LocalDate.of(2024, 3, 31), gone.until());
        CodeStatus added = judge(CodeSystem.ICD10CM, "A001", rel, in(2), Official.NONE, LocalDate.of(2024, 2, 1));
        assertEquals(State.NOT_YET_VALID, added.state());
        assertEquals(LocalDate.of(2024, 4, 1), added.since());
    }

    @Test
    void aGapBetweenQuarterlyFilesIsBridgedWhenBothListTheCode() throws Exception {
        LoadedRelease jan = release(1, "hcpcs", "2025-JAN", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), null);
        LoadedRelease jul = release(2, "hcpcs", "2025-JUL", LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30), null);
        LocalDate may = LocalDate.of(2025, 5, 1);
        assertEquals(State.VALID, judge(CodeSystem.HCPCS, "J1885", List.of(jan, jul), in(1, 2), Official.NONE,
                may).state());
        CodeStatus dropped = judge(CodeSystem.HCPCS, "J9999", List.of(jan, jul), in(1), Official.NONE, may);
        assertEquals(State.UNVERIFIED, dropped.state());
        assertTrue(dropped.message().contains("2025-JAN ended 2025-03-31 and 2025-JUL began 2025-07-01"),
                dropped.message());
    }

    @Test
    void headersAreValidButNotBillable() throws Exception {
        Map<Long, Holding> header = Map.of(1L, new Holding(true, null, null));
        CodeStatus e11 = judge(CodeSystem.ICD10CM, "E11", List.of(fy(1, 2025)), header, Official.NONE, D);
        assertEquals(State.VALID, e11.state());
        assertTrue(e11.header());
        assertFalse(e11.billable());
    }

    @Test
    void cptModifiersComeWithCptAndLevelTwoWithHcpcs() {
        assertEquals("cpt", CodeKinds.dataset(CodeSystem.MODIFIER, "25"));
        assertEquals("hcpcs", CodeKinds.dataset(CodeSystem.MODIFIER, "RT"));
        assertEquals("hcpcs", CodeKinds.dataset(CodeSystem.MODIFIER, "E1"));
        assertEquals("cpt-pla", CodeKinds.kind(CodeSystem.CPT, "0001U"));
        assertEquals("cpt-category-2", CodeKinds.kind(CodeSystem.CPT, "1234F"));
        assertEquals("cpt-category-1", CodeKinds.kind(CodeSystem.CPT, "27447"));
    }
}
