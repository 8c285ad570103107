package com.casecoding.codes.plain;

import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.DemoData;
import com.casecoding.codes.imports.ImportSummary;
import com.casecoding.codes.page.CodePageService;
import com.casecoding.codes.release.TestClock;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22 over the demo set (our own small files): which text a page shows and where it came from, the admin
 * workflow (submit, approve, versions, problem+json on bad input), and CasePilot reading the same texts.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainLanguageTest {

    static final String ADMIN_ID = "44444444-4444-4444-4444-444444444444";
    static final String OTHER_ADMIN_ID = "55555555-5555-5555-5555-555555555555";

    @Inject
    DataSource dataSource;

    @Inject
    DemoData demoData;

    @Inject
    CodePageService pages;

    @Inject
    PlainLanguage plainLanguage;

    @Inject
    com.casecoding.codes.search.PlainTextLookup lookup;

    /** A demo ICD-10-CM code with neither an editorial nor a demo text: J45.901 is editorial, J45.90 is not. */
    private String codeWithoutText() {
        for (String code : new String[]{"J4590", "J459", "J45"}) {
            if (EditorialTexts.loadResources().get(new com.casecoding.common.codes.CodeKey(CodeSystem.ICD10CM, code)) == null) {
                return code;
            }
        }
        throw new IllegalStateException("every demo asthma code has an editorial text");
    }

    @BeforeAll
    void loadDemo() {
        TestClock.today(LocalDate.of(2025, 2, 15));
        CodesTestData.reset(dataSource);
        ImportSummary summary = demoData.load();
        assertEquals(0, summary.failed(), summary.files()::toString);
        pages.invalidate();
    }

    private static String admin(String id) {
        return TestTokens.withRoles(id, "admin");
    }

    private static String section(String field) {
        return "sections.find { it.key == 'commonLanguage' }." + field;
    }

    @Test
    void guestSeesAStructureTextWithItsRelease() {
        given().when().get("/api/codes/icd10pcs/0DTJ0ZZ").then().statusCode(200)
                .body("access", equalTo("guest"))
                .body(section("locked"), equalTo(false))
                .body(section("content.source"), equalTo("structure"))
                .body(section("content.builtFrom"), equalTo("FY2025"))
                .body(section("content.reviewedBy"), nullValue())
                .body(section("content.text"), containsString("appendix"))
                .body(section("content.text"), containsString("removed whole"))
                .body(section("content.text"), containsString("open incision"))
                .body(section("content.note"), containsString("structure"));
    }

    @Test
    void editorialTextWinsOverStructure() {
        given().when().get("/api/codes/icd10cm/J45.909").then().statusCode(200)
                .body(section("content.source"), equalTo("editorial"))
                .body(section("content.author"), containsString("CaseCoding editorial"))
                .body(section("content.version"), equalTo(1))
                .body(section("content.builtFrom"), nullValue());
        EditorialParser.Editorial e = EditorialTexts.loadResources().get(
                new com.casecoding.common.codes.CodeKey(CodeSystem.ICD10CM, "J45909"));
        given().when().get("/api/codes/icd10cm/J45909").then().statusCode(200)
                .body(section("content.text"), equalTo(e.text()));
    }

    @Test
    void aCodeWithoutAnyTextSaysSo() {
        // ICD-9-CM has no structure templates and no editorial texts
        given().when().get("/api/codes/icd9cm/250.00").then().statusCode(200)
                .body(section("locked"), equalTo(false))
                .body(section("content.text"), nullValue())
                .body(section("content.source"), nullValue())
                .body(section("content.note"), equalTo(CommonLanguageSection.NONE));
        // a CPT number without an editorial or admin text has none: its structure carries no meaning
        assertTrue(plainLanguage.text(CodeSystem.CPT, unwrittenCptNumber()).isEmpty());
    }

    private static String unwrittenCptNumber() {
        java.util.Map<com.casecoding.common.codes.CodeKey, EditorialParser.Editorial> all = EditorialTexts.loadResources();
        for (int n = 99100; n < 99999; n++) {
            if (!all.containsKey(new com.casecoding.common.codes.CodeKey(CodeSystem.CPT, Integer.toString(n)))) {
                return Integer.toString(n);
            }
        }
        throw new IllegalStateException("no CPT number without a text");
    }

    @Test
    void submitApproveKeepsEveryVersion() {
        String code = codeWithoutText();
        String body = "{\"text\": \"Asthma that flares up: our first plain words.\"}";
        int id = given().auth().oauth2(admin(ADMIN_ID)).contentType(ContentType.JSON).body(body)
                .when().post("/api/admin/plain-language/icd10cm/" + code.toLowerCase() + "/submissions").then().statusCode(201)
                .header("Location", containsString("/api/admin/plain-language/submissions/"))
                .body("status", equalTo("pending"))
                .body("author", equalTo(ADMIN_ID))
                .body("code", equalTo(code))
                .extract().path("id");
        // pending: the page still shows the structure text
        given().when().get("/api/codes/icd10cm/" + code).then().statusCode(200)
                .body(section("content.source"), equalTo("structure"));
        given().auth().oauth2(admin(OTHER_ADMIN_ID)).when()
                .post("/api/admin/plain-language/submissions/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("approved"))
                .body("reviewedBy", equalTo(OTHER_ADMIN_ID))
                .body("version", equalTo(1));
        given().when().get("/api/codes/icd10cm/" + code).then().statusCode(200)
                .body(section("content.source"), equalTo("admin"))
                .body(section("content.text"), equalTo("Asthma that flares up: our first plain words."))
                .body(section("content.author"), equalTo(ADMIN_ID))
                .body(section("content.reviewedBy"), equalTo(OTHER_ADMIN_ID))
                .body(section("content.version"), equalTo(1));
        // approving twice is a conflict
        given().auth().oauth2(admin(OTHER_ADMIN_ID)).when()
                .post("/api/admin/plain-language/submissions/" + id + "/approve").then().statusCode(409)
                .contentType("application/problem+json");

        int second = given().auth().oauth2(admin(OTHER_ADMIN_ID)).contentType(ContentType.JSON)
                .body("{\"text\": \"Asthma that flares up: a better second version.\"}")
                .when().post("/api/admin/plain-language/icd10cm/" + code + "/submissions").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(admin(ADMIN_ID)).when()
                .post("/api/admin/plain-language/submissions/" + second + "/approve").then().statusCode(200)
                .body("version", equalTo(2));
        given().auth().oauth2(admin(ADMIN_ID)).when().get("/api/admin/plain-language/icd10cm/" + code + "/versions")
                .then().statusCode(200)
                .body("items.version", org.hamcrest.Matchers.contains(2, 1))
                .body("items[1].text", equalTo("Asthma that flares up: our first plain words."))
                .body("items[0].author", equalTo(OTHER_ADMIN_ID))
                .body("items[0].reviewedBy", equalTo(ADMIN_ID));
        given().auth().oauth2(admin(ADMIN_ID)).when().get("/api/admin/plain-language/icd10cm/" + code)
                .then().statusCode(200)
                .body("current.source", equalTo("admin"))
                .body("current.version", equalTo(2))
                .body("submissions.status", everyItem(equalTo("approved")));
    }

    @Test
    void theAdminPutIsKeptAsAVersionToo() {
        String admin = admin(ADMIN_ID);
        for (String text : new String[]{"First words on E11.", "Second words on E11."}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"text\": \"" + text + "\"}")
                    .when().put("/api/codes/icd10cm/E11/common-language").then().statusCode(200);
        }
        // the demo data wrote version 1, the two edits 2 and 3
        given().auth().oauth2(admin).when().get("/api/admin/plain-language/icd10cm/E11/versions")
                .then().statusCode(200)
                .body("items.version", org.hamcrest.Matchers.contains(3, 2, 1))
                .body("items[0].text", equalTo("Second words on E11."))
                .body("items[0].author", equalTo(ADMIN_ID));
        given().when().get("/api/codes/icd10cm/E11").then().statusCode(200)
                .body(section("content.source"), equalTo("admin"))
                .body(section("content.version"), equalTo(3));
    }

    @Test
    void badInputIsProblemJson() {
        String admin = admin(ADMIN_ID);
        given().contentType(ContentType.JSON).body("{\"text\": \"x\"}")
                .when().post("/api/admin/plain-language/icd10cm/J45.901/submissions").then().statusCode(401);
        given().auth().oauth2(TestTokens.coder(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body("{\"text\": \"x\"}")
                .when().post("/api/admin/plain-language/icd10cm/J45.901/submissions").then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"text\": \"  \"}")
                .when().post("/api/admin/plain-language/icd10cm/J45.901/submissions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("text"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"text\": \"" + "a".repeat(EditorialParser.MAX_CHARS + 1) + "\"}")
                .when().post("/api/admin/plain-language/icd10cm/J45.901/submissions").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"text\": \"x\"}")
                .when().post("/api/admin/plain-language/icd10cm/Q99.999/submissions").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).when().post("/api/admin/plain-language/submissions/999999/approve")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).when().get("/api/admin/plain-language/missing").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("system"));
        given().auth().oauth2(admin).when().get("/api/admin/plain-language/missing?system=icd10cm&chapter=23")
                .then().statusCode(400).body("violations.field", hasItem("chapter"));
        given().auth().oauth2(admin).when().get("/api/admin/plain-language/missing?system=hcpcs&chapter=4")
                .then().statusCode(400).body("violations.field", hasItem("chapter"));
        given().auth().oauth2(admin).when().get("/api/admin/plain-language/missing?system=icd10cm&limit=0")
                .then().statusCode(400).body("violations.field", hasItem("limit"));
    }

    @Test
    void missingListsCodesWithoutEditorialOrAdminTextMostUsedFirst() {
        String admin = admin(ADMIN_ID);
        String coder = TestTokens.coder(UUID.randomUUID().toString());
        given().auth().oauth2(admin).when().get("/api/admin/plain-language/missing?system=icd10cm&chapter=4&limit=500")
                .then().statusCode(200)
                .body("system", equalTo("icd10cm"))
                .body("frequencyBasis", containsString("favorites"))
                .body("items.code", not(hasItem("E11.9")))   // demo admin text
                .body("items.code", not(hasItem("E11.65")))  // editorial text
                .body("total", greaterThanOrEqualTo(1)).body("limit", equalTo(500)).body("offset", equalTo(0))
                .body("items.code", everyItem(org.hamcrest.Matchers.startsWith("E")));
        String target = given().auth().oauth2(admin).when()
                .get("/api/admin/plain-language/missing?system=icd10cm&limit=500").then().statusCode(200)
                .extract().path("items[-1].code");
        // a favorite makes the last code of the list the most used one
        given().auth().oauth2(coder).when().put("/api/favorites/icd10cm/" + target).then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        given().auth().oauth2(admin).when().get("/api/admin/plain-language/missing?system=icd10cm&limit=1")
                .then().statusCode(200)
                .body("items[0].code", equalTo(target))
                .body("items[0].frequency", equalTo(1));
    }

    @Test
    void casePilotExplainsACodeInTheSameWords() {
        String expected = plainLanguage.text(CodeSystem.ICD10PCS, "0DTJ0ZZ").orElseThrow().text();
        assertTrue(expected.contains("appendix"), expected);
        given().auth().oauth2(TestTokens.pro(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body("{\"question\": \"What is 0DTJ0ZZ?\"}")
                .when().post("/api/assistant/ask").then().statusCode(200)
                .body("answer", containsString("removed whole"));
    }

    @Test
    void searchLookupGivesTheTextToIndex() {
        assertTrue(lookup instanceof PlainLanguageSearchTexts, lookup.getClass().getName());
        String drug = null;
        java.util.Map<com.casecoding.common.codes.CodeKey, EditorialParser.Editorial> all = EditorialTexts.loadResources();
        for (int n = 1000; n < 9000 && drug == null; n++) {
            String code = "J" + n;
            if (!all.containsKey(new com.casecoding.common.codes.CodeKey(CodeSystem.HCPCS, code))) {
                drug = code;
            }
        }
        String text = lookup.plainText(CodeSystem.HCPCS, drug, "Injection, examplemab, 15 mg");
        assertTrue(text != null && text.contains("billed per 15 mg, so 30 mg is 2 units"), text);
        assertEquals(null, lookup.plainText(CodeSystem.CPT, unwrittenCptNumber(), ""));
        // an admin text (the demo's) wins in the index as on the page
        String page = given().when().get("/api/codes/icd10pcs/0DTJ4ZZ").then().statusCode(200)
                .body(section("content.source"), equalTo("admin")).extract().path(section("content.text"));
        assertEquals(page, lookup.plainText(CodeSystem.ICD10PCS, "0DTJ4ZZ",
                "Resection of Appendix, Percutaneous Endoscopic Approach"));
    }
}
