package com.casecoding.codes.edits;

import com.casecoding.codes.imports.edits.RvuParser;
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
        ModifierRules rules = ModifierRules.of("71046", rows("71046"));
        assertEquals(List.of("26", "TC", "50", "RT", "LT", "59", "XE", "XS", "XP", "XU"), mods(rules.applies()));
        ModifierRules.Use pc = rules.applies().get(0);
        assertEquals("RVU row with modifier 26", pc.source());
        assertEquals("CPT", pc.level());
        assertEquals(null, pc.meaning(), "CPT modifiers are named by number only");
        assertEquals("/api/codes/modifier/26", pc.href());
        ModifierRules.Use tc = rules.applies().get(1);
        assertEquals("PC/TC indicator 1", tc.source());
        assertEquals("HCPCS Level II", tc.level());
        assertEquals("/api/codes/modifier/TC", tc.href());
        assertTrue(rules.applies().get(2).rule().contains("twice"), rules.applies().get(2).rule());
        // multiple procedure indicator 4: the imaging reduction is applied without a modifier
        assertEquals(List.of("51"), mods(rules.notPaid()));
        assertTrue(mods(rules.notForThisCode()).containsAll(List.of("25", "62", "66", "80", "AS")));
    }

    @Test
    void surgeryIndicators() {
        ModifierRules rules = ModifierRules.of("27447", rows("27447"));
        assertEquals(List.of("50", "RT", "LT", "51", "58", "78", "79", "54", "55", "56", "59", "XE", "XS", "XP", "XU",
                "80", "81", "82", "AS", "62"), mods(rules.applies()));
        assertEquals(List.of("66"), mods(rules.notPaid()));
        assertTrue(rules.applies().get(0).rule().contains("150%"));
        // split care: the pre-, intra- and postoperative shares of the RVU file (0.10 / 0.80 / 0.10)
        assertTrue(rules.applies().get(7).rule().contains("80%"), rules.applies().get(7).rule());
        assertTrue(mods(rules.notForThisCode()).containsAll(List.of("25", "26", "TC")));
        assertTrue(rules.service().contains("090"));
    }

    @Test
    void anEvaluationAndManagementVisitTakes25NotTheSurgicalModifiers() {
        // 99213: assistant, co-surgeon and team indicators 0 are not an invitation to bill 80/81/82/AS on a visit
        ModifierRules rules = ModifierRules.of("99213", rows("99213"));
        assertEquals(List.of("25", "24", "57"), mods(rules.applies()));
        assertEquals(List.of(), mods(rules.notPaid()));
        assertTrue(mods(rules.notForThisCode()).containsAll(List.of("59", "XE", "XS", "XP", "XU", "50", "80", "81",
                "82", "AS", "62", "66", "26", "TC")), mods(rules.notForThisCode()).toString());
        assertTrue(rules.service().startsWith("evaluation and management"));
    }

    @Test
    void conceptsThatDoNotApplyGiveNoPaymentRule() {
        ModifierRules rules = ModifierRules.of("G0008", rows("G0008"));
        assertEquals(List.of("59", "XE", "XS", "XP", "XU"), mods(rules.applies()));
        assertEquals(List.of(), rules.notPaid());
        assertTrue(mods(rules.notForThisCode()).containsAll(List.of("25", "26", "TC", "50", "80")));
    }
}
