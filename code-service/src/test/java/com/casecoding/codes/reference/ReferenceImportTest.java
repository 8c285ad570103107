package com.casecoding.codes.reference;

import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.ImportOutcome;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.imports.ImportSummary;
import com.casecoding.codes.page.CodePageService;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CMS-HCC, MS-DRG and Place of Service importers on our own fixture files, and what the ICD-10-CM/PCS code pages,
 * {@code /api/drgs} and {@code /api/place-of-service} show from them.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceImportTest {

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Inject
    CodePageService pages;

    ImportSummary summary;

    @BeforeAll
    void importFixtures() {
        CodesTestData.reset(dataSource);
        summary = runner.importPaths(List.of(ReferenceFixtures.folder()), "test");
        pages.invalidate();
    }

    @Inject
    ReferenceTables referenceTables;

    /** Leaves the shared test database and search index as other test classes expect them: without our fixtures. */
    @AfterAll
    void removeFixtures() throws InterruptedException {
        CodesTestData.reset(dataSource);
        referenceTables.reload();
        pages.invalidate();
        searchEngine.requestRebuild("test cleanup");
        assertTrue(searchEngine.awaitIdle(java.time.Duration.ofSeconds(60)));
    }

    private static RequestSpecification registered() {
        return given().auth().oauth2(TestTokens.coder("44444444-4444-4444-4444-444444444444"));
    }

    @Test
    void everyFixtureIsImportedAsAReleaseOfItsCalendar() {
        assertEquals(0, summary.failed(), summary.files()::toString);
        assertEquals(List.of(), summary.unrecognized());
        Map<String, ImportOutcome> byDataset = summary.files().stream()
                .collect(Collectors.toMap(ImportOutcome::dataset, o -> o));
        assertEquals("PY2026-P1M", byDataset.get("cms-hcc-v24").version());
        assertEquals(LocalDate.of(2026, 1, 1), byDataset.get("cms-hcc-v24").effectiveDate());
        assertEquals("PY2026-T1N", byDataset.get("cms-hcc-v28").version());
        assertEquals(7, byDataset.get("cms-hcc-v28").rows());
        assertEquals("v43", byDataset.get("msdrg").version());
        assertEquals(LocalDate.of(2025, 10, 1), byDataset.get("msdrg").effectiveDate(), "v43 = FY2026");
        assertEquals("2026-01", byDataset.get("pos").version());
        assertEquals(7, byDataset.get("pos").rows());
        // DRGs 11, CC/MCC 4 (I46.9 once, flagged alive-only), HAC lines 3
        assertEquals(11 + 4 + 3, byDataset.get("msdrg").rows());
        // 20 nodes, 11 notes, 4 seventh characters
        assertEquals("FY2026", byDataset.get("icd10cm-tabular").version());
        assertEquals(20 + 11 + 4, byDataset.get("icd10cm-tabular").rows());
        assertEquals(13, byDataset.get("icd10cm-index").rows());
        assertEquals(2 + 7, byDataset.get("icd10cm-neoplasm").rows(), "2 rows, 7 cells (a '--' cell is no code)");
        assertEquals(1 + 6, byDataset.get("icd10cm-drug").rows());
    }

    @Test
    void tabularNotesOnThePageWithWhereTheyArePrinted() {
        String tab = "sections.find { it.key == 'tabular' }.content";
        registered().when().get("/api/codes/icd10cm/E11.9").then().statusCode(200)
                .body(tab + ".loaded", equalTo(true))
                .body(tab + ".printedAt", equalTo("E11.9"))
                .body(tab + ".release.version", equalTo("FY2026"))
                .body(tab + ".notes.find { it.kind == 'excludes1' }.text", equalTo("type 1 diabetes mellitus (E10.-)"))
                .body(tab + ".notes.find { it.kind == 'excludes1' }.at", equalTo("E11"))
                .body(tab + ".notes.find { it.kind == 'excludes1' }.inherited", equalTo(true))
                .body(tab + ".notes.find { it.kind == 'excludes1' }.codes", equalTo(List.of("E10")))
                .body(tab + ".notes.find { it.kind == 'excludes2' }.heading", equalTo("Excludes2"))
                .body(tab + ".notes.find { it.kind == 'useAdditionalCode' }.at", equalTo("E08-E13"))
                .body(tab + ".notes.find { it.kind == 'notes' }.atKind", equalTo("chapter"))
                .body(tab + ".notes.find { it.kind == 'includes' }.text", equalTo("insulin resistant diabetes"));
        registered().when().get("/api/codes/icd10cm/I46.9").then().statusCode(200)
                .body(tab + ".notes.find { it.kind == 'codeFirst' }.heading", equalTo("Code first"));
        registered().when().get("/api/codes/icd10cm/I50.9").then().statusCode(200)
                .body(tab + ".notes.find { it.kind == 'codeAlso' }.codes", equalTo(List.of("I50.84")));
    }

    @Test
    void seventhCharacterTableOfAnExtendedCode() {
        String tab = "sections.find { it.key == 'tabular' }.content";
        registered().when().get("/api/codes/icd10cm/S72.001A").then().statusCode(200)
                .body(tab + ".printedAt", equalTo("S72.001"))
                .body(tab + ".seventhCharacters.at", equalTo("S72"))
                .body(tab + ".seventhCharacters.characters.character", equalTo(List.of("A", "B", "D", "S")))
                .body(tab + ".seventhCharacters.characters[0].meaning", equalTo("initial encounter for closed fracture"))
                .body(tab + ".notes.find { it.kind == 'sevenChrNote' }.at", equalTo("S72"))
                .body(tab + ".note", containsString("extends S72.001"));
    }

    @Test
    void alphabeticIndexEntriesLeadingToTheCode() {
        String idx = "sections.find { it.key == 'alphabeticIndex' }.content";
        registered().when().get("/api/codes/icd10cm/E11.9").then().statusCode(200)
                .body(idx + ".loaded", equalTo(true))
                .body(idx + ".files.find { it.file == 'Index to Diseases and Injuries' }.entries.path",
                        equalTo(List.of("Diabetes, diabetic", "Diabetes, diabetic > type 2")))
                .body(idx + ".files.find { it.file == 'Index to Diseases and Injuries' }.entries[0].nemod",
                        equalTo("(mellitus) (sugar)"));
        registered().when().get("/api/codes/icd10cm/J96.01").then().statusCode(200)
                .body(idx + ".files.find { it.file == 'Index to Diseases and Injuries' }.entries.path",
                        equalTo(List.of("Failure > respiratory > acute > with hypoxia")));
        assertEquals(1, CodesTestData.count(dataSource, "select count(*) from codes.icd10cm_index_cell "
                + "where code = 'C343' and incomplete and heading = 'Malignant Primary'"));
        assertEquals(1, CodesTestData.count(dataSource, "select count(*) from codes.icd10cm_index_term "
                + "where see = 'Diabetes' and title = 'DM'"));
        assertEquals(1, CodesTestData.count(dataSource, "select count(*) from codes.icd10cm_index_cell "
                + "where code = 'T383X5' and heading = 'Adverse effect'"));
    }

    @Inject
    com.casecoding.codes.reference.tabular.Excludes1Service excludes1;

    @Test
    void excludes1BetweenTwoDiagnosesForClaimChecks() {
        var result = excludes1.check(List.of("e10.9", "E119", "I50.9"), LocalDate.of(2026, 1, 15));
        assertTrue(result.loaded());
        assertEquals("FY2026", result.release().version());
        assertEquals(1, result.conflicts().size(), result::toString);
        var conflict = result.conflicts().get(0);
        assertEquals("E10.9", conflict.code());
        assertEquals("E11.9", conflict.excludedCode());
        assertEquals("E10", conflict.noteAt());
        assertEquals("type 2 diabetes mellitus (E11.-)", conflict.note());
        assertTrue(conflict.fix().contains("remove"));
        assertEquals(List.of(), excludes1.check(List.of("E11.9", "I50.9", "S72.001A"), LocalDate.of(2026, 1, 15))
                .conflicts());
        var old = excludes1.check(List.of("E10.9", "E11.9"), LocalDate.of(2024, 5, 1));
        assertTrue(!old.loaded() && old.message().contains("fiscal year 2024"), old::toString);
    }

    @Inject
    com.casecoding.codes.search.SearchEngine searchEngine;

    @Test
    void searchFiltersByHccCcAndMcc() throws InterruptedException {
        searchEngine.requestRebuild("test");
        assertTrue(searchEngine.awaitIdle(java.time.Duration.ofSeconds(60)));
        given().when().get("/api/search?q=diabetes&system=icd10cm&flag=hcc-v28").then().statusCode(200)
                .body("items.code", org.hamcrest.Matchers.containsInAnyOrder("E10.9", "E11.51", "E11.9"));
        given().when().get("/api/search?q=diabetes&system=icd10cm").then().statusCode(200)
                .body("items.code", hasItems("E10", "E11", "E10.9"));
        given().when().get("/api/search?q=failure&flag=mcc").then().statusCode(200)
                .body("items.code", equalTo(List.of("J96.01")));
        given().when().get("/api/search?q=failure&flag=cc,mcc").then().statusCode(200)
                .body("items.code", org.hamcrest.Matchers.containsInAnyOrder("J96.01", "I50.9"));
        given().when().get("/api/search?q=cardiac&flag=hac").then().statusCode(200)
                .body("total", equalTo(0));
        given().when().get("/api/search?q=diabetes&flag=hac").then().statusCode(200)
                .body("items.code", equalTo(List.of("E10.9")));
        given().when().get("/api/search?q=diabetes&flag=expensive").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("flag"));
    }

    @Inject
    com.casecoding.codes.reference.query.ReferenceQueries queries;

    @Test
    void casePilotQuestionKindsAnsweredFromTheData() throws InterruptedException {
        assertTrue(searchEngine.awaitIdle(java.time.Duration.ofSeconds(60)));
        var v28 = queries.hcc("e119", "v28");
        assertTrue(v28.answered());
        assertEquals(List.of(38), v28.facts().get(0).hccs().stream().map(c -> c.hcc()).toList());
        assertTrue(v28.sentence().contains("E11.9 maps to HCC 38"), v28.sentence());
        assertEquals("PY2026-T1N", v28.sources().get(0).version());
        var none = queries.hcc("R05.1", null);
        assertTrue(none.sentence().contains("No HCC"), none.sentence());
        assertTrue(!queries.hcc("E11.8", "V28").answered(), "a code missing from the loaded release is not answered");
        var mcc = queries.severity("J96.01");
        assertTrue(mcc.answered());
        assertEquals("mcc", mcc.facts().status());
        assertTrue(queries.severity("I46.9").sentence().contains("discharged alive"));
        var chf = queries.hccForCondition("CHF", "V28");
        assertTrue(chf.answered(), chf.sentence());
        assertEquals(226, chf.facts().get(0).hcc());
        assertTrue(chf.facts().get(0).codes().contains("I50.9"));
        var drg = queries.drg("DRG 470");
        assertTrue(drg.answered());
        assertTrue(drg.sentence().contains("470") && drg.sentence().contains("MAJOR HIP AND KNEE JOINT REPLACEMENT"),
                drg.sentence());
        assertEquals("v43", drg.sources().get(0).version());
        assertTrue(!queries.drg("471").answered());
        var notes = queries.tabularNotes("E11.9", null);
        assertTrue(notes.answered(), notes.sentence());
        assertTrue(notes.sentence().contains("Excludes1 (at E11): type 1 diabetes mellitus (E10.-)"), notes.sentence());
        assertEquals("FY2026", notes.sources().get(0).version());
        var old = queries.tabularNotes("E11.9", LocalDate.of(2025, 3, 1));
        assertTrue(!old.answered() && old.sentence().startsWith("Not loaded"), old.sentence());
        var pair = queries.excludes1(List.of("E11.9", "E10.9"), LocalDate.of(2026, 2, 1));
        assertTrue(pair.answered() && pair.facts().conflicts().size() == 1, pair.sentence());
        assertTrue(pair.sentence().contains("are not coded together"), pair.sentence());
    }

    @Test
    void aTabularFileBreakingTheSchemaIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("icd10cm_tabular_2027.xml"), "<ICD10CM.tabular><version>2027</version>"
                + "<chapter><name>1</name><desc>x</desc>\n<section id=\"A00-A09\"><desc>y</desc>\n"
                + "<diag><name>A0-0</name><desc>z</desc></diag></section></chapter></ICD10CM.tabular>");
        Files.writeString(dir.resolve("icd10cm_index_2027.xml"), "<ICD10CM.index><version>2026</version>"
                + "<letter><title>A</title></letter></ICD10CM.index>");
        ImportSummary bad = runner.importPaths(List.of(dir), "test");
        assertEquals(2, bad.failed(), bad.files()::toString);
        assertTrue(bad.files().stream().anyMatch(o -> o.reason().contains("'A0-0' is not an ICD-10-CM code")
                && o.line() == 3), bad.files()::toString);
        assertTrue(bad.files().stream().anyMatch(o -> o.reason().contains("<version> is '2026'")),
                bad.files()::toString);
    }

    @Test
    void icd10cmPageShowsHccPerModelAndPaymentYear() {
        registered().when().get("/api/codes/icd10cm/E11.51").then().statusCode(200)
                .body("sections.find { it.key == 'riskAdjustment' }.locked", equalTo(false))
                .body("sections.find { it.key == 'riskAdjustment' }.content.models.model", equalTo(List.of("V24", "V28")))
                .body("sections.find { it.key == 'riskAdjustment' }.content.models[0].paymentYear", equalTo(2026))
                .body("sections.find { it.key == 'riskAdjustment' }.content.models[0].hccs.hcc", equalTo(List.of(18, 108)))
                .body("sections.find { it.key == 'riskAdjustment' }.content.models[1].hccs.hcc", equalTo(List.of(37, 264)))
                .body("sections.find { it.key == 'riskAdjustment' }.content.models[1].hccs[0].label",
                        containsString("Diabetes with a chronic complication"))
                .body("sections.find { it.key == 'riskAdjustment' }.content.models[1].release.version",
                        equalTo("PY2026-T1N"));
    }

    @Test
    void aCodeInNoHccTableSaysNoHcc() {
        registered().when().get("/api/codes/icd10cm/R05.1").then().statusCode(200)
                .body("sections.find { it.key == 'riskAdjustment' }.content.models.status",
                        equalTo(List.of("none", "none")))
                .body("sections.find { it.key == 'riskAdjustment' }.content.models[1].statement",
                        containsString("No HCC"))
                .body("sections.find { it.key == 'msDrg' }.content.status", equalTo("none"))
                .body("sections.find { it.key == 'msDrg' }.content.statement", containsString("Neither CC nor MCC"));
    }

    @Test
    void ccMccAndTheDischargedAliveNuance() {
        registered().when().get("/api/codes/icd10cm/I50.9").then().statusCode(200)
                .body("sections.find { it.key == 'msDrg' }.content.status", equalTo("cc"))
                .body("sections.find { it.key == 'msDrg' }.content.version", equalTo("v43"))
                .body("sections.find { it.key == 'msDrg' }.content.ccExclusions", containsString("Appendix C"));
        registered().when().get("/api/codes/icd10cm/J96.01").then().statusCode(200)
                .body("sections.find { it.key == 'msDrg' }.content.status", equalTo("mcc"))
                .body("sections.find { it.key == 'msDrg' }.content.mccOnlyIfDischargedAlive", equalTo(false));
        registered().when().get("/api/codes/icd10cm/I46.9").then().statusCode(200)
                .body("sections.find { it.key == 'msDrg' }.content.status", equalTo("mcc"))
                .body("sections.find { it.key == 'msDrg' }.content.mccOnlyIfDischargedAlive", equalTo(true))
                .body("sections.find { it.key == 'msDrg' }.content.statement", containsString("discharged alive"));
    }

    @Test
    void hacMembershipWithItsRoleAndOtherCriteria() {
        registered().when().get("/api/codes/icd10cm/J96.01").then().statusCode(200)
                .body("sections.find { it.key == 'msDrg' }.content.hac", hasSize(1))
                .body("sections.find { it.key == 'msDrg' }.content.hac[0].category", equalTo("13"))
                .body("sections.find { it.key == 'msDrg' }.content.hac[0].criterion", equalTo(2))
                .body("sections.find { it.key == 'msDrg' }.content.hac[0].criteria", equalTo(2))
                .body("sections.find { it.key == 'msDrg' }.content.hac[0].statement",
                        containsString("secondary diagnosis"));
    }

    @Test
    void guestsGetLockedStubs() {
        given().when().get("/api/codes/icd10cm/E11.9").then().statusCode(200)
                .body("sections.find { it.key == 'riskAdjustment' }.locked", equalTo(true))
                .body("sections.find { it.key == 'riskAdjustment' }.content", nullValue())
                .body("sections.find { it.key == 'msDrg' }.locked", equalTo(true));
    }

    @Test
    void drgListFiltersAndPages() {
        given().when().get("/api/drgs?mdc=05").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.drg", equalTo(List.of("291", "292", "293")))
                .body("release.version", equalTo("v43"));
        given().when().get("/api/drgs?type=surgical&limit=2&offset=1").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.drg", equalTo(List.of("469", "470")));
        given().when().get("/api/drgs?mdc=pre").then().statusCode(200)
                .body("items.drg", equalTo(List.of("001", "014", "999")));
        given().when().get("/api/drgs?mdc=26").then().statusCode(400)
                .body("violations[0].field", equalTo("mdc"));
        given().when().get("/api/drgs?limit=0").then().statusCode(400);
        given().when().get("/api/drgs?type=both").then().statusCode(400);
    }

    @Test
    void drgPageWithItsFamily() {
        given().when().get("/api/drgs/470").then().statusCode(200)
                .contentType("application/json")
                .body("drg", equalTo("470"))
                .body("mdc", equalTo("08"))
                .body("type", equalTo("surgical"))
                .body("severityLevel", equalTo("without MCC"))
                .body("family.drg", equalTo(List.of("469")))
                .body("statement", containsString("MDC 08"));
        given().when().get("/api/drgs/1").then().statusCode(200).body("preMdc", equalTo("pre-MDC"));
        given().when().get("/api/drgs/471").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("v43"));
        given().when().get("/api/drgs/abc").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void placeOfServiceLookup() {
        given().when().get("/api/place-of-service").then().statusCode(200)
                .body("items.code", hasItems("02", "11", "21", "54"))
                .body("release.version", equalTo("2026-01"));
        given().when().get("/api/place-of-service/11").then().statusCode(200)
                .body("name", equalTo("Office"))
                .body("paymentRate", equalTo("non-facility"));
        given().when().get("/api/place-of-service/2").then().statusCode(200)
                .body("code", equalTo("02"))
                .body("paymentRate", equalTo("facility"));
        given().when().get("/api/place-of-service/54").then().statusCode(200)
                .body("name", equalTo("Intermediate care facility, intellectual disabilities"));
        given().when().get("/api/place-of-service/97").then().statusCode(200).body("paymentRate", equalTo("not-listed"));
        given().when().get("/api/place-of-service/12").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/place-of-service/1A").then().statusCode(400).contentType("application/problem+json");
    }

    @Inject
    PlaceOfServiceService placeOfService;

    @Test
    void placeOfServiceCheckForClaims() {
        PlaceOfServiceService.Check office = placeOfService.check("11", LocalDate.of(2026, 4, 15));
        assertTrue(office.valid());
        assertEquals(PaymentRate.NON_FACILITY, office.place().paymentRate());
        assertTrue(placeOfService.check("21", null).facilityRate());
        assertEquals(PlaceOfServiceService.Status.UNKNOWN, placeOfService.check("12", null).status());
        assertEquals(PlaceOfServiceService.Status.MALFORMED, placeOfService.check("office", null).status());
        assertTrue(placeOfService.check("office", null).fix().contains("two-digit"));
    }

    @Test
    void aMalformedFileIsRefusedWithLineAndReasonAndKeepsNothing(@TempDir Path dir) throws IOException {
        Path hcc = Files.createDirectories(dir.resolve("hcc")).resolve("F2827T1N.TXT");
        Files.writeString(hcc, "E119\t38\t\nE11-9\t38\t\n");
        Path pos = Files.createDirectories(dir.resolve("pos/2027-01")).resolve("place_of_service_codes.csv");
        Files.writeString(pos, "code,description\n11,Office\n1A,Nowhere\n");
        Path drg = Files.createDirectories(dir.resolve("msdrg/v44")).resolve("appendix_A.txt");
        Files.writeString(drg, "Appendix A List of MS-DRGs Version 44.0\nDRG MDC MS Description\n001     P  A TITLE\nX01 01  M  BAD\n");
        ImportSummary bad = runner.importPaths(List.of(dir), "test");
        assertEquals(3, bad.failed(), bad.files()::toString);
        for (ImportOutcome o : bad.files()) {
            assertEquals("refused", o.status(), o::toString);
            assertTrue(o.line() != null && o.line() > 1, o::toString);
        }
        assertTrue(bad.files().stream().anyMatch(o -> o.reason().contains("'E11-9' is not an ICD-10-CM code")));
        assertTrue(bad.files().stream().anyMatch(o -> o.reason().contains("'1A' is not a place of service code")));
        assertEquals(0, CodesTestData.count(dataSource, "select count(*) from codes.code_release where dataset = "
                + "'cms-hcc-v28' and version = 'PY2027-T1N'"));
        assertEquals(0, CodesTestData.count(dataSource, "select count(*) from codes.code_release where dataset = "
                + "'msdrg' and version = 'v44'"));
    }
}
