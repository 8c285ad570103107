package com.casecoding.codes.edits;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Modifier rules read off fee schedule rows (our RVU fixture in the CMS layout). */
class ModifierRulesTest {

    private static List<RvuEntry> rows(String code) {
        return RvuParser.parse(Fixtures.reader(Fixtures.RVU), Fixtures.RVU).stream()
                .filter(r -> r.hcpcs().equals(code))
                .map(r -> new RvuEntry(r.hcpcs(), r.modifier(), r.status(), r.notUsedForMedicare(), r.work(),
                        r.nonFacilityPe(), "NA".equals(r.nonFacilityNa()), r.facilityPe(), "NA".equals(r.facilityNa()),
                        r.mp(), r.pctc(), r.globalDays(), r.preOp(), r.intraOp(), r.postOp(), r.multipleProcedure(),
                        r.bilateral(), r.assistant(), r.coSurgeon(), r.team(), r.endoBase(), r.conversionFactor(),
                        r.physicianSupervision(), null))
                .toList();
    }

    private static List<String> mods(List<ModifierRules.Use> uses) {
        return uses.stream().map(ModifierRules.Use::modifier).toList();
    }

    @Test
    void professionalAndTechnicalComponentsOfADiagnosticTest() {
        ModifierRules rules = ModifierRules.of(rows("71046"));
        assertEquals(List.of("26", "TC", "50", "RT", "LT"), mods(rules.applies()));
        ModifierRules.Use pc = rules.applies().get(0);
        assertEquals("RVU row with modifier 26", pc.source());
        assertEquals("CPT", pc.level());
        assertEquals(null, pc.href());
        ModifierRules.Use tc = rules.applies().get(1);
        assertEquals("PC/TC indicator 1", tc.source());
        assertEquals("HCPCS Level II", tc.level());
        assertEquals("/api/codes/modifier/TC", tc.href());
        assertTrue(rules.applies().get(2).rule().contains("twice"), rules.applies().get(2).rule());
        assertEquals(List.of(), rules.notPaid());
    }

    @Test
    void surgeryIndicators() {
        ModifierRules rules = ModifierRules.of(rows("27447"));
        assertEquals(List.of("51", "50", "RT", "LT", "80", "81", "82", "AS", "62"), mods(rules.applies()));
        assertEquals(List.of("66"), mods(rules.notPaid()));
        assertTrue(rules.applies().get(1).rule().contains("150%"));
    }

    @Test
    void conceptsThatDoNotApplyGiveNoRule() {
        ModifierRules rules = ModifierRules.of(rows("G0008"));
        assertEquals(List.of(), rules.applies());
        assertEquals(List.of(), rules.notPaid());
    }
}
