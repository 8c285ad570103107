package com.casecoding.codes.claims;

import com.casecoding.codes.catalog.CodeCatalog;
import com.casecoding.codes.edits.EditTables;
import com.casecoding.codes.edits.EditTestData;
import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.ImportRunner;
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
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * The claim check over HTTP against the real 2026 Q2 MUE and add-on tables (../shared/data), the PTP fixture in
 * the CMS layout and a small code-set fixture. Every rule has a finding case and a clean case.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimCheckTest {

    @Inject
    ImportRunner runner;

    @Inject
    EditTables tables;

    @Inject
    CodeCatalog catalog;

    @Inject
    DataSource dataSource;

    private final String token = TestTokens.coder("7b0c7c39-0d4f-4c31-9b53-2d7f6f1f7a11");

    @BeforeAll
    void load() throws Exception {
        Path data = CodesTestData.sharedDataOrSkip();
        EditTestData.clean(dataSource, tables);
        Path ptp = EditTestData.writePtpFixture(Files.createTempDirectory("ptp"));
        runner.importPaths(List.of(data.resolve("ncci/2026Q2"), ptp), "test");
        ClaimTestData.install(dataSource, catalog);
    }

    @AfterAll
    void removeCodeFixture() {
        ClaimTestData.remove(dataSource, catalog);
    }

    private static Map<String, Object> line(String code, int units, List<String> modifiers) {
        return Map.of("code", code, "units", units, "modifiers", modifiers, "diagnosisPointers", List.of(1));
    }

    private static Map<String, Object> line(String code, int units) {
        return line(code, units, List.of());
    }

    private ValidatableResponse check(String dos, List<String> dx, List<Map<String, Object>> lines) {
        return check(dos, "practitioner", dx, lines);
    }

    private ValidatableResponse check(String dos, String setting, List<String> dx, List<Map<String, Object>> lines) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("dateOfService", dos, "setting", setting, "diagnoses", dx, "lines", lines))
                .when().post("/api/claims/check").then();
    }

    private static final String DOS = "2026-04-15";
    private static final List<String> DX = List.of("E11.9");

    @Test
    void aCleanClaimSaysSo() {
        check(DOS, DX, List.of(line("99213", 1))).statusCode(200)
                .body("clean", equalTo(true))
                .body("errors", equalTo(0))
                .body("warnings", equalTo(0))
                .body("summary", containsString("No problems found"));
    }

    @Test
    void codeValidity() {
        check(DOS, List.of("E11", "E11.9", "E11.99"), List.of(
                line("1234", 1), line("99998", 1), line("0104T", 1), line("0042T", 1), line("99213", 1)))
                .statusCode(200)
                .body("clean", equalTo(false))
                .body("findings.find { it.rule == 'code-malformed' && it.lines == [1] }.severity", equalTo("error"))
                .body("findings.find { it.rule == 'code-unknown' && it.lines == [2] }.message", containsString("99998"))
                .body("findings.find { it.rule == 'code-not-yet-effective' }.message", containsString("2026-07-01"))
                .body("findings.find { it.rule == 'code-deleted' && it.lines == [4] }.message",
                        containsString("deleted effective 2026-03-01"))
                .body("findings.find { it.rule == 'code-deleted' && it.lines == [4] }.source.release",
                        equalTo("claims-test-B"))
                .body("findings.find { it.rule == 'diagnosis-not-billable' }.message", containsString("E11 "))
                .body("findings.find { it.rule == 'code-unknown' && it.message.contains('E11.99') }", not(equalTo(null)))
                .body("findings.findAll { it.lines == [5] }", empty());
    }

    @Test
    void ptpIndicator0IsNeverAllowed() {
        check(DOS, DX, List.of(line("20610", 1), line("20604", 1, List.of("59")))).statusCode(200)
                .body("findings.find { it.rule == 'ncci-ptp' }.severity", equalTo("error"))
                .body("findings.find { it.rule == 'ncci-ptp' }.lines", equalTo(List.of(1, 2)))
                .body("findings.find { it.rule == 'ncci-ptp' }.message", containsString("never"))
                .body("findings.find { it.rule == 'ncci-ptp' }.source.table", equalTo("ptp-practitioner"))
                .body("findings.find { it.rule == 'ncci-ptp' }.source.editEffective", equalTo("2019-01-01"));
    }

    @Test
    void ptpIndicator1NeedsADistinctServiceModifier() {
        check(DOS, DX, List.of(line("11042", 1), line("97597", 1))).statusCode(200)
                .body("findings.find { it.rule == 'ncci-ptp' }.severity", equalTo("error"))
                .body("findings.find { it.rule == 'ncci-ptp' }.fix", containsString("59"));
        check(DOS, DX, List.of(line("11042", 1), line("97597", 1, List.of("XS")))).statusCode(200)
                .body("clean", equalTo(true))
                .body("findings.find { it.rule == 'ncci-ptp' }.severity", equalTo("info"))
                .body("findings.find { it.rule == 'ncci-ptp' }.message", containsString("XS"));
        // anatomic modifiers bypass only when they name different sites
        check(DOS, DX, List.of(line("27447", 1, List.of("RT")), line("20610", 1, List.of("LT")))).statusCode(200)
                .body("findings.find { it.rule == 'ncci-ptp' }.severity", equalTo("info"));
        check(DOS, DX, List.of(line("27447", 1, List.of("RT")), line("20610", 1, List.of("RT")))).statusCode(200)
                .body("findings.find { it.rule == 'ncci-ptp' }.severity", equalTo("error"));
    }

    @Test
    void ptpRespectsIndicator9AndEditDates() {
        check(DOS, DX, List.of(line("99213", 1), line("97110", 1))).statusCode(200)
                .body("findings.findAll { it.rule == 'ncci-ptp' }", empty());
        // 99213/36415 was deleted 2023-12-31; 29881/29880 starts 2027-01-01
        check(DOS, DX, List.of(line("99213", 1), line("36415", 1))).statusCode(200)
                .body("findings.findAll { it.rule == 'ncci-ptp' }", empty());
        check("2023-12-31", DX, List.of(line("99213", 1), line("36415", 1))).statusCode(200)
                .body("findings.find { it.rule == 'ncci-ptp' }.severity", equalTo("error"))
                .body("findings.find { it.rule == 'ncci-ptp' }.source.editDeleted", equalTo("2023-12-31"));
        check(DOS, DX, List.of(line("29881", 1), line("29880", 1))).statusCode(200)
                .body("findings.findAll { it.rule == 'ncci-ptp' }", empty());
    }

    @Test
    void mueLineEditJudgesEachLine() {
        // A6460: 1 unit, adjudication indicator 1 (line edit)
        check(DOS, DX, List.of(line("A6460", 1), line("A6460", 1))).statusCode(200)
                .body("findings.findAll { it.rule == 'mue' && it.severity == 'error' }", empty());
        check(DOS, DX, List.of(line("A6460", 2))).statusCode(200)
                .body("findings.find { it.rule == 'mue' }.severity", equalTo("error"))
                .body("findings.find { it.rule == 'mue' }.message", containsString("Line edit"))
                .body("findings.find { it.rule == 'mue' }.source.release", equalTo("2026Q2"));
    }

    @Test
    void mueDateOfServiceEditsSumTheLines() {
        // 11042: 1 unit, indicator 2 (policy); 99213: 2 units, indicator 3 (clinical)
        check(DOS, DX, List.of(line("11042", 1), line("11042", 1, List.of("59")))).statusCode(200)
                .body("findings.find { it.rule == 'mue' }.lines", equalTo(List.of(1, 2)))
                .body("findings.find { it.rule == 'mue' }.fix", containsString("not paid, even on appeal"));
        check(DOS, DX, List.of(line("99213", 3))).statusCode(200)
                .body("findings.find { it.rule == 'mue' }.fix", containsString("appeal"))
                .body("findings.find { it.rule == 'mue' }.message", containsString("clinical"));
        check(DOS, DX, List.of(line("99213", 2))).statusCode(200)
                .body("findings.findAll { it.rule == 'mue' }", empty());
    }

    @Test
    void mueUsesTheChosenSetting() {
        // A4206 is 0 units for DME suppliers
        check(DOS, "dme-supplier", DX, List.of(line("A4206", 1))).statusCode(200)
                .body("findings.find { it.rule == 'mue' }.fix", containsString("no units are payable"));
    }

    @Test
    void addOnNeedsAnEligiblePrimary() {
        check(DOS, DX, List.of(line("37253", 1))).statusCode(200)
                .body("findings.find { it.rule == 'add-on' }.severity", equalTo("error"))
                .body("findings.find { it.rule == 'add-on' }.message", containsString("Type 1"));
        check(DOS, DX, List.of(line("36221", 1), line("37253", 1))).statusCode(200)
                .body("findings.findAll { it.rule == 'add-on' }", empty());
        check(DOS, DX, List.of(line("99291", 1), line("99292", 1))).statusCode(200)
                .body("clean", equalTo(true));
        // type 3: none of the listed primaries -> warning, contractor may allow others
        check(DOS, DX, List.of(line("0984T", 1))).statusCode(200)
                .body("findings.find { it.rule == 'add-on' }.severity", equalTo("warning"));
        check(DOS, DX, List.of(line("36221", 1), line("0984T", 1))).statusCode(200)
                .body("findings.findAll { it.rule == 'add-on' }", empty());
    }

    @Test
    void modifiers() {
        check(DOS, DX, List.of(line("99213", 1, List.of("ZZ", "88")), line("11042", 1, List.of("SF")))).statusCode(200)
                .body("findings.findAll { it.rule == 'modifier-unknown' }.size()", equalTo(2))
                .body("findings.find { it.rule == 'modifier-terminated' }.lines", equalTo(List.of(2)))
                .body("findings.find { it.rule == 'modifier-terminated' }.message", containsString("2026-03-01"));
        check(DOS, DX, List.of(line("99213", 1, List.of("25", "GA")))).statusCode(200)
                .body("clean", equalTo(true));
    }

    @Test
    void missingDiagnosisPointerIsAWarning() {
        check(DOS, DX, List.of(Map.of("code", "99213", "units", 1))).statusCode(200)
                .body("findings.find { it.rule == 'diagnosis-pointer' }.severity", equalTo("warning"));
    }

    @Test
    void badClaimsAreProblem400s() {
        check(DOS, DX, List.of()).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("lines")));
        List<Map<String, Object>> many = IntStream.range(0, 10_000).mapToObj(i -> line("99213", 1))
                .collect(Collectors.toList());
        check(DOS, DX, many).statusCode(400).contentType("application/problem+json");
        check(DOS, DX, List.of(line("99213", -2))).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("units")));
        check(DOS, DX, List.of(line("<script>alert(1)</script>", 1))).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("code")));
        check(DOS, "nursing-home", DX, List.of(line("99213", 1))).statusCode(400)
                .contentType("application/problem+json");
        check(DOS, List.of(), List.of(line("99213", 1))).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("diagnosisPointers"));
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .when().post("/api/claims/check").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aTokenIsRequired() {
        given().contentType("application/json")
                .body(Map.of("dateOfService", DOS, "setting", "practitioner", "lines", List.of(line("99213", 1))))
                .when().post("/api/claims/check").then().statusCode(401);
        given().auth().oauth2(TestTokens.guest("0c6b5a0e-8a4b-4f8c-9c55-0f8c1a0e2b33")).contentType("application/json")
                .body(Map.of("dateOfService", DOS, "setting", "practitioner", "diagnoses", DX,
                        "lines", List.of(line("99213", 1))))
                .when().post("/api/claims/check").then().statusCode(200);
    }
}
