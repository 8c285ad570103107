package com.casecoding.codes.imports;

import com.casecoding.codes.catalog.CodeCatalog;
import com.casecoding.codes.catalog.CodeStatus;
import com.casecoding.codes.page.CodePageService;
import com.casecoding.codes.release.TestClock;
import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A yearly ICD-10-CM release nobody here has seen, written by us in CDC's official layouts (order file and order
 * addenda; invented titles): FY2030 adds a category with a letter in the second position ({@code QA0}) and deletes a
 * code. It imports, its history derives from the files and matches the addenda, and pages, claim checks and the
 * code catalog follow it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewAnnualReleaseTest {

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Inject
    CodeCatalog catalog;

    @Inject
    CodePageService pages;

    ImportSummary summary;

    /** A record of the order file: order number, code, header flag, short and long title in their columns. */
    static String order(int n, String code, boolean billable, String shortTitle, String longTitle) {
        return String.format("%05d %-7s %s %-60s %s", n, code, billable ? "1" : "0", shortTitle, longTitle);
    }

    /** A record of the order addenda: action label, then the order record without its number. */
    static String addendum(String label, String code, boolean billable, String shortTitle, String longTitle) {
        return String.format("%-12s %s %-7s %-60s %s", label, billable ? "1" : "0", code, shortTitle, longTitle);
    }

    @BeforeAll
    void importTwoYears() throws IOException {
        CodesTestData.reset(dataSource);
        Path root = Files.createTempDirectory("icd10cm-new-year");
        Path fy29 = Files.createDirectories(root.resolve("FY2029"));
        Path fy30 = Files.createDirectories(root.resolve("FY2030"));
        Files.write(fy29.resolve("icd10cm_order_2029.txt"), List.of(
                order(1, "A00", false, "Test cholera category", "Test cholera category"),
                order(2, "A000", true, "Test cholera, first kind", "Test cholera of the first kind"),
                order(3, "D13", false, "Test benign growth category", "Test benign growth category"),
                order(4, "D139", true, "Test benign growth, site unclear", "Test benign growth of an unclear site"),
                order(5, "E11", false, "Test diabetes category", "Test diabetes category"),
                order(6, "E119", true, "Test diabetes without complication", "Test diabetes without complication")));
        Files.write(fy30.resolve("icd10cm_order_2030.txt"), List.of(
                order(1, "A00", false, "Test cholera category", "Test cholera category"),
                order(2, "A000", true, "Test cholera, first kind", "Test cholera of the first kind"),
                order(3, "D13", false, "Test benign growth category", "Test benign growth category"),
                order(4, "E11", false, "Test diabetes category", "Test diabetes category"),
                order(5, "E119", true, "Test diabetes without complication", "Test diabetes without complication"),
                order(6, "QA0", false, "Test category, letter second", "Test category with a letter in second place"),
                order(7, "QA00", true, "Test new code, first", "Test new code of the new category, first"),
                order(8, "QA01", true, "Test new code, second", "Test new code of the new category, second")));
        Files.write(fy30.resolve("icd10cm_order_addenda_2030.txt"), List.of(
                addendum("Add:", "QA0", false, "Test category, letter second",
                        "Test category with a letter in second place"),
                addendum("Add:", "QA00", true, "Test new code, first", "Test new code of the new category, first"),
                addendum("Add:", "QA01", true, "Test new code, second", "Test new code of the new category, second"),
                addendum("Delete:", "D139", true, "Test benign growth, site unclear",
                        "Test benign growth of an unclear site"),
                "",
                "Total adds: 3, deletes: 1"));
        summary = runner.importPaths(List.of(root), "test");
        catalog.invalidate();
        pages.invalidate();
    }

    @BeforeEach
    void inFy2030() {
        TestClock.today(LocalDate.of(2030, 1, 15));
    }

    @Test
    void theNewReleaseImportsWithItsCalendar() {
        assertEquals(0, summary.failed(), summary.files()::toString);
        assertEquals(3, summary.stored());
        given().when().get("/api/releases").then().statusCode(200)
                .body("items.find { it.dataset == 'icd10cm' && it.version == 'FY2030' }.validFrom", equalTo("2029-10-01"))
                .body("items.find { it.dataset == 'icd10cm' && it.version == 'FY2030' }.validTo", equalTo("2030-09-30"))
                .body("items.find { it.dataset == 'icd10cm' && it.version == 'FY2030' }.current", equalTo(true))
                .body("items.find { it.dataset == 'icd10cm' && it.version == 'FY2029' }.current", equalTo(false));
    }

    @Test
    void historyFollowsTheFilesAndMatchesTheAddenda() {
        assertEquals(4, CodesTestData.count(dataSource, "select count(*) from codes.code_change c join "
                + "codes.code_release r on r.id = c.release_id where c.system = 'icd10cm' and r.version = 'FY2030'"));
        given().auth().oauth2(TestTokens.coder("40404040-4040-4040-4040-404040404040"))
                .when().get("/api/codes/icd10cm/qa0.0").then().statusCode(200)
                .body("code", equalTo("QA0.0"))
                .body("release.version", equalTo("FY2030"))
                .body("status", equalTo("active"))
                .body("billable", equalTo(true))
                .body("sections.find { it.key == 'hierarchy' }.content.ancestors.code", hasItem("QA0"))
                .body("sections.find { it.key == 'hierarchy' }.content.siblings.code", hasItem("QA0.1"))
                .body("sections.find { it.key == 'history' }.content.events[0].change", equalTo("added"))
                .body("sections.find { it.key == 'history' }.content.events[0].version", equalTo("FY2030"))
                .body("sections.find { it.key == 'history' }.content.validity.since", equalTo("2029-10-01"))
                .body("sections.find { it.key == 'history' }.content.validity.sinceBasis",
                        containsString("addenda FY2030"));
        given().when().get("/api/codes/icd10cm/QA0").then().statusCode(200)
                .body("header", equalTo(true))
                .body("billable", equalTo(false));
        given().auth().oauth2(TestTokens.coder("40404040-4040-4040-4040-404040404040"))
                .when().get("/api/codes/icd10cm/QA0").then().statusCode(200)
                .body("sections.find { it.key == 'hierarchy' }.content.children.code", hasItems("QA0.0", "QA0.1"));
        given().when().get("/api/codes/icd10cm/D13.9").then().statusCode(200)
                .body("status", equalTo("deleted"))
                .body("billable", equalTo(false))
                .body("deleted.effectiveDate", equalTo("2029-10-01"))
                .body("release.version", equalTo("FY2029"));
    }

    @Test
    void codeStatusOnDatesBeforeAndAfter() {
        CodeKey qa00 = new CodeKey(CodeSystem.ICD10CM, "QA00");
        assertEquals(CodeStatus.State.NOT_YET_VALID, catalog.status(qa00, LocalDate.of(2029, 6, 1)).state());
        assertEquals(LocalDate.of(2029, 10, 1), catalog.status(qa00, LocalDate.of(2029, 6, 1)).since());
        assertEquals(CodeStatus.State.VALID, catalog.status(qa00, LocalDate.of(2030, 9, 30)).state());
        assertEquals(CodeStatus.State.UNVERIFIED, catalog.status(qa00, LocalDate.of(2030, 10, 1)).state());
        given().auth().oauth2(TestTokens.coder("40404040-4040-4040-4040-404040404040")).contentType("application/json")
                .body(Map.of("dateOfService", "2030-02-01", "setting", "practitioner", "diagnoses", List.of("QA0.0"),
                        "lines", List.of(Map.of("code", "G0008", "units", 1, "diagnosisPointers", List.of(1)))))
                .when().post("/api/claims/check").then().statusCode(200)
                .body("findings.findAll { it.rule.startsWith('code-') && it.message.contains('QA0') }",
                        org.hamcrest.Matchers.empty());
        given().auth().oauth2(TestTokens.coder("40404040-4040-4040-4040-404040404040")).contentType("application/json")
                .body(Map.of("dateOfService", "2029-06-01", "setting", "practitioner", "diagnoses", List.of("QA0.0"),
                        "lines", List.of(Map.of("code", "G0008", "units", 1, "diagnosisPointers", List.of(1)))))
                .when().post("/api/claims/check").then().statusCode(200)
                .body("findings.find { it.rule == 'code-not-yet-effective' }.message", containsString("2029-10-01"));
    }
}
