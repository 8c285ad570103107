package com.casecoding.codes.claims;

import com.casecoding.codes.catalog.CodeCatalog;
import com.casecoding.codes.edits.EditTables;
import com.casecoding.codes.edits.EditTestData;
import com.casecoding.codes.edits.Fixtures;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.imports.ImportSummary;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The claim rules of issue 20 on our own fixtures only (no ../shared): a fee schedule file in the CMS layout with
 * invented RVUs and the indicator values each rule needs ({@code claims/PPRRVU2026_Jan_nodesc.csv}), the MUE, add-on
 * and practitioner PTP fixtures of the edits tests and the small code-set releases of {@link ClaimTestData}. Covers
 * the MPFS status codes, every modifier rule family (with the indicator it read and the fix), and "PTP pairs were
 * not checked" when no PTP table of the setting is loaded.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimRulesFixtureTest {

    @Inject
    ImportRunner runner;

    @Inject
    EditTables tables;

    @Inject
    CodeCatalog catalog;

    @Inject
    DataSource dataSource;

    private final String token = TestTokens.coder("2f6d3a1b-7c4e-4b8a-9d2f-1e5c7a9b3d40");

    private static final String DOS = "2026-04-15";
    private static final List<String> DX = List.of("E11.9");

    @BeforeAll
    void load() throws IOException {
        EditTestData.clean(dataSource, tables);
        Path dir = EditTestData.writeFixtures(Files.createTempDirectory("claim-rules"), Fixtures.MUE_PRACTITIONER,
                Fixtures.AOC, Fixtures.PTP);
        try (InputStream in = ClaimRulesFixtureTest.class.getResourceAsStream("/claims/" + Fixtures.RVU)) {
            Files.copy(in, dir.resolve(Fixtures.RVU));
        }
        ImportSummary summary = runner.importPaths(List.of(dir), "test");
        assertEquals(0, summary.failed(), () -> summary.files().toString());
        ClaimTestData.install(dataSource, catalog);
    }

    @AfterAll
    void removeFixtures() {
        ClaimTestData.remove(dataSource, catalog);
        EditTestData.clean(dataSource, tables);
    }

    private static Map<String, Object> line(String code, String... modifiers) {
        return Map.of("code", code, "units", 1, "modifiers", List.of(modifiers), "diagnosisPointers", List.of(1));
    }

    private ValidatableResponse check(String setting, List<Map<String, Object>> lines) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("dateOfService", DOS, "setting", setting, "diagnoses", DX, "lines", lines))
                .when().post("/api/claims/check").then().log().ifValidationFails().statusCode(200);
    }

    private ValidatableResponse check(List<Map<String, Object>> lines) {
        return check("practitioner", lines);
    }

    /** The one error/warning finding of a rule: its severity, line, indicator and fix. */
    private static void expectOne(ValidatableResponse r, String rule, String severity, int line, String indicator,
                                  String fixSays) {
        String f = "findings.find { it.rule == '" + rule + "' }";
        r.body("findings.findAll { it.severity != 'info' }.size()", equalTo(1))
                .body(f + ".severity", equalTo(severity))
                .body(f + ".lines", equalTo(List.of(line)))
                .body(f + ".indicator", equalTo(indicator))
                .body(f + ".fix", containsString(fixSays));
    }

    @Test
    void mpfsStatusCodes() {
        // I: not valid for Medicare, with the code Medicare uses
        expectOne(check(List.of(line("99215"), line("99417"))), "mpfs-status", "error", 2, "MPFS status I", "G2212");
        check(List.of(line("99215"), line("G2212"))).body("clean", equalTo(true));
        // N: not covered -> warning; with an ABN modifier it is a note
        expectOne(check(List.of(line("99381"))), "mpfs-status", "warning", 1, "MPFS status N", "GA");
        check(List.of(line("99381", "GA"))).body("clean", equalTo(true))
                .body("findings.find { it.rule == 'mpfs-status' }.severity", equalTo("info"));
        // B: bundled -> warning
        expectOne(check(List.of(line("80053"), line("36416"))), "mpfs-status", "warning", 2, "MPFS status B",
                "separate payment");
        // X (paid under another fee schedule) and Category II quality codes: notes only
        check(List.of(line("80053"), line("99213"), line("3044F"))).body("clean", equalTo(true))
                .body("findings.findAll { it.rule == 'mpfs-status' }.severity", equalTo(List.of("info", "info")));
        // the fee schedule is a practitioner schedule: not read for DME supplier claims
        check("dme-supplier", List.of(line("99417"))).body("findings.findAll { it.rule == 'mpfs-status' }", empty());
    }

    @Test
    void professionalAndTechnicalComponents() {
        expectOne(check(List.of(line("93000", "26"))), "modifier-pctc", "error", 1, "PC/TC indicator 4", "26");
        expectOne(check(List.of(line("93000", "TC"))), "modifier-pctc", "error", 1, "PC/TC indicator 4", "TC");
        expectOne(check(List.of(line("93010", "26"))), "modifier-pctc", "error", 1, "PC/TC indicator 2", "26");
        expectOne(check(List.of(line("93005", "TC"))), "modifier-pctc", "error", 1, "PC/TC indicator 3", "TC");
        expectOne(check(List.of(line("99213", "26"))), "modifier-pctc", "error", 1, "PC/TC indicator 0", "26");
        check(List.of(line("71046", "26"))).body("clean", equalTo(true));
        check(List.of(line("71046", "TC"))).body("clean", equalTo(true));
        check(List.of(line("93000"))).body("clean", equalTo(true));
    }

    @Test
    void bilateralAssistantCoSurgeonTeamAndMultipleProcedure() {
        expectOne(check(List.of(line("93000", "50"))), "modifier-bilateral", "error", 1, "bilateral indicator 0", "50");
        check(List.of(line("20610", "50"))).body("clean", equalTo(true));
        expectOne(check(List.of(line("11042", "80"))), "modifier-assistant", "error", 1,
                "assistant at surgery indicator 1", "never paid");
        expectOne(check(List.of(line("29881", "RT", "80"))), "modifier-assistant", "warning", 1,
                "assistant at surgery indicator 0", "medical necessity");
        check(List.of(line("27447", "RT", "80"))).body("clean", equalTo(true));
        expectOne(check(List.of(line("11042", "62"))), "modifier-co-surgeon", "error", 1, "co-surgeon indicator 0",
                "62");
        expectOne(check(List.of(line("27447", "RT", "66"))), "modifier-team", "error", 1, "team surgery indicator 0",
                "66");
        expectOne(check(List.of(line("93000", "51"))), "modifier-multiple-procedure", "warning", 1,
                "multiple procedure indicator 6", "51");
    }

    @Test
    void scopeOfTheEvaluationAndManagementAndGlobalModifiers() {
        expectOne(check(List.of(line("99213", "59"))), "modifier-scope", "error", 1, "E/M service (CPT 99202-99499)",
                "25");
        expectOne(check(List.of(line("99213", "XU"))), "modifier-scope", "error", 1, "E/M service (CPT 99202-99499)",
                "25");
        expectOne(check(List.of(line("99213", "RT"))), "modifier-scope", "error", 1, "E/M service (CPT 99202-99499)",
                "procedure line");
        expectOne(check(List.of(line("99213", "62"))), "modifier-scope", "error", 1, "global days XXX", "62");
        expectOne(check(List.of(line("93000", "25"))), "modifier-scope", "error", 1, "not an E/M service", "25");
        expectOne(check(List.of(line("20610", "57"))), "modifier-scope", "error", 1, "not an E/M service", "57");
        expectOne(check(List.of(line("93000", "79"))), "modifier-scope", "error", 1, "global days XXX", "79");
        // 57 decides a major surgery: with only a minor (000-day) procedure on the claim, the visit takes 25
        expectOne(check(List.of(line("99213", "57"), line("20610", "RT"))), "modifier-scope", "warning", 1,
                "global days 000 on the claim's procedures", "25");
        check(List.of(line("99213", "57"), line("27447", "RT"))).body("clean", equalTo(true));
        check(List.of(line("99213", "25"), line("20610", "RT"))).body("clean", equalTo(true));
        check(List.of(line("11042", "59"))).body("clean", equalTo(true));
    }

    @Test
    void everyFindingNamesItsSourceRelease() {
        check(List.of(line("93000", "26"))).body("findings.find { it.rule == 'modifier-pctc' }.source.table",
                equalTo("mpfs-rvu"))
                .body("findings.find { it.rule == 'modifier-pctc' }.message", containsString("PC/TC indicator 4"));
    }

    @Test
    void ptpNotCheckedIsSaidOnEveryClaimWithoutATable() {
        // the practitioner PTP fixture is loaded, the outpatient hospital table is not
        check(List.of(line("99213"))).body("summary", not(containsString("not checked")))
                .body("summary", containsString("NCCI PTP"))
                .body("findings.findAll { it.rule == 'ncci-ptp' }", empty());
        check("outpatient-hospital", List.of(line("99213"))).body("clean", equalTo(true))
                .body("summary", containsString("PTP pairs were not checked"))
                .body("summary", not(containsString("NCCI PTP,")))
                .body("findings.find { it.rule == 'ncci-ptp' }.severity", equalTo("info"))
                .body("findings.find { it.rule == 'ncci-ptp' }.message", containsString("PTP pairs were not checked"));
        check("outpatient-hospital", List.of(line("93000", "26"))).body("clean", equalTo(false))
                .body("summary", containsString("PTP pairs were not checked"));
        check("dme-supplier", List.of(line("E0110"))).body("summary", containsString("PTP pairs were not checked"))
                .body("findings.find { it.rule == 'ncci-ptp' }.fix", nullValue());
        // with the table loaded, a pair is still found
        check(List.of(line("20610"), line("20604", "59"))).body("findings.find { it.rule == 'ncci-ptp' }.severity",
                equalTo("error"));
    }
}
