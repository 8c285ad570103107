package com.casecoding.codes.page;

import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.DemoData;
import com.casecoding.codes.imports.ImportSummary;
import com.casecoding.codes.release.TestClock;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code page over the demo set (our own files, imported through the real importers). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodePageTest {

    @Inject
    DataSource dataSource;

    @Inject
    DemoData demoData;

    @Inject
    CodePageService pages;

    @BeforeAll
    void loadDemo() {
        // a day covered by every demo release (ICD-10 FY2025, HCPCS 2025-JAN, CPT 2025)
        TestClock.today(LocalDate.of(2025, 2, 15));
        CodesTestData.reset(dataSource);
        ImportSummary summary = demoData.load();
        assertEquals(0, summary.failed(), summary.files()::toString);
        pages.invalidate();
    }

    private static RequestSpecification registered() {
        return given().auth().oauth2(TestTokens.coder("11111111-1111-1111-1111-111111111111"));
    }

    @Test
    void aPageHasAnETagAndIfNoneMatchWithItAnswers304WithoutABody() {
        String etag = given().when().get("/api/codes/icd10cm/E11.9").then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-cache"))
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotNull(etag);
        given().header("If-None-Match", etag).when().get("/api/codes/icd10cm/e119").then().statusCode(304)
                .header("ETag", equalTo(etag)).body(equalTo(""));
        given().header("If-None-Match", "\"stale\", W/" + etag).when().get("/api/codes/icd10cm/E11.9")
                .then().statusCode(304);
        given().header("If-None-Match", "\"stale\"").when().get("/api/codes/icd10cm/E11.9").then().statusCode(200);
        // the registered page is another page, with another tag
        String registered = registered().when().get("/api/codes/icd10cm/E11.9").then().statusCode(200)
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, registered);
        registered().header("If-None-Match", etag).when().get("/api/codes/icd10cm/E11.9").then().statusCode(200);
    }

    @Test
    void guestSeesDescriptionsAndLockedStubs() {
        given().when().get("/api/codes/icd10cm/e11.9").then().statusCode(200)
                .body("code", equalTo("E11.9"))
                .body("system", equalTo("icd10cm"))
                .body("release.version", equalTo("FY2025"))
                .body("release.effectiveDate", equalTo("2024-10-01"))
                .body("release.current", equalTo(true))
                .body("status", equalTo("active"))
                .body("billable", equalTo(true))
                .body("access", equalTo("guest"))
                .body("sections.find { it.key == 'official' }.content.longDescription",
                        equalTo("Type 2 diabetes mellitus without complications"))
                .body("sections.find { it.key == 'commonLanguage' }.content.text", containsString("Type 2 diabetes"))
                .body("sections.find { it.key == 'hierarchy' }.locked", equalTo(true))
                .body("sections.find { it.key == 'hierarchy' }.content", nullValue())
                .body("sections.find { it.key == 'hierarchy' }.unlock", containsString("Register"))
                .body("sections.find { it.key == 'history' }.locked", equalTo(true))
                .body("sections.findAll { it.access == 'registered' }.locked", everyItem(equalTo(true)));
    }

    @Test
    void guestPlanTokenIsAGuest() {
        given().auth().oauth2(TestTokens.guest("22222222-2222-2222-2222-222222222222"))
                .when().get("/api/codes/icd10cm/E119").then().statusCode(200)
                .body("access", equalTo("guest"))
                .body("sections.find { it.key == 'crosswalk' }.locked", equalTo(true));
    }

    @Test
    void aBadTokenIsRefusedNotTreatedAsGuest() {
        given().auth().oauth2("not-a-jwt").when().get("/api/codes/icd10cm/E119").then().statusCode(401);
    }

    @Test
    void registeredSeesHierarchyAndCrosswalk() {
        registered().when().get("/api/codes/ICD10CM/E119").then().statusCode(200)
                .body("access", equalTo("registered"))
                .body("sections.locked", everyItem(equalTo(false)))
                .body("sections.find { it.key == 'hierarchy' }.content.chapter.number", equalTo("4"))
                .body("sections.find { it.key == 'hierarchy' }.content.chapter.range", equalTo("E00-E89"))
                .body("sections.find { it.key == 'hierarchy' }.content.block.range", equalTo("E08-E13"))
                .body("sections.find { it.key == 'hierarchy' }.content.block.title", equalTo("Diabetes mellitus"))
                .body("sections.find { it.key == 'hierarchy' }.content.ancestors.code", hasItem("E11"))
                .body("sections.find { it.key == 'hierarchy' }.content.siblings.code", hasItems("E11.6"))
                .body("sections.find { it.key == 'crosswalk' }.content.forward.code", hasItem("250.00"))
                .body("sections.find { it.key == 'crosswalk' }.content.forward[0].meaning",
                        containsString("Approximate"))
                .body("sections.find { it.key == 'crosswalk' }.content.backward.code", hasItem("250.00"));
    }

    @Test
    void combinationMappingIsExplained() {
        registered().when().get("/api/codes/icd10cm/E11.65").then().statusCode(200)
                .body("sections.find { it.key == 'crosswalk' }.content.forward.code", hasItems("250.80", "790.29"))
                .body("sections.find { it.key == 'crosswalk' }.content.forward[0].meaning",
                        containsString("Combination"));
    }

    @Test
    void pageCacheStaysWithinItsByteBudget() throws Exception {
        List<String> codes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select distinct system, code from codes.code_entry "
                     + "where system in ('icd10cm', 'icd10pcs', 'hcpcs') order by system, code limit 40")) {
            while (rs.next()) {
                codes.add(rs.getString(1) + "/" + rs.getString(2));
            }
        }
        assertTrue(codes.size() >= 30, "the demo set has enough codes: " + codes.size());
        long budget = 12_000;
        pages.invalidate();
        pages.budgetBytes(budget);
        try {
            for (String code : codes) {
                registered().when().get("/api/codes/" + code).then().statusCode(200)
                        .body("access", equalTo("registered"));
                assertTrue(pages.cachedBytes() <= budget, "cache holds " + pages.cachedBytes() + " bytes");
            }
            // an evicted page is rebuilt, the same for both audiences
            registered().when().get("/api/codes/" + codes.get(0)).then().statusCode(200)
                    .body("access", equalTo("registered"));
            given().when().get("/api/codes/" + codes.get(0)).then().statusCode(200)
                    .body("access", equalTo("guest"));
        } finally {
            pages.budgetBytes(-1);
            pages.invalidate();
        }
    }

    @Test
    void headerIsMarkedNotBillableWithChildren() {
        registered().when().get("/api/codes/icd10cm/e11").then().statusCode(200)
                .body("billable", equalTo(false))
                .body("sections.find { it.key == 'hierarchy' }.content.children.code", hasItems("E11.6", "E11.9"));
    }

    @Test
    void deletedCodeStaysFindable() {
        registered().when().get("/api/codes/icd10cm/D13.9").then().statusCode(200)
                .body("status", equalTo("deleted"))
                .body("deleted.version", equalTo("FY2025"))
                .body("release.version", equalTo("FY2024"))
                .body("release.current", equalTo(false))
                .body("sections.find { it.key == 'history' }.content.events[0].change", equalTo("deleted"));
    }

    @Test
    void revisedTitleHistoryAndEarlierRelease() {
        registered().when().get("/api/codes/icd10cm/A77.41").then().statusCode(200)
                .body("sections.find { it.key == 'official' }.content.longDescription",
                        containsString("corrected spelling"))
                .body("sections.find { it.key == 'history' }.content.events[0].change", equalTo("revised"))
                .body("sections.find { it.key == 'history' }.content.events[0].oldTitle",
                        containsString("old spelling"))
                .body("sections.find { it.key == 'history' }.content.events[0].newTitle",
                        containsString("corrected spelling"));
        given().when().get("/api/codes/icd10cm/A7741?version=FY2024").then().statusCode(200)
                .body("release.version", equalTo("FY2024"))
                .body("sections.find { it.key == 'official' }.content.longDescription", containsString("old spelling"));
        given().when().get("/api/codes/icd10cm/A7741?date=2024-09-30").then().statusCode(200)
                .body("release.version", equalTo("FY2024"));
        given().when().get("/api/codes/icd10cm/A7741?date=2024-10-01").then().statusCode(200)
                .body("release.version", equalTo("FY2025"));
    }

    @Test
    void codeThatBecameAHeader() {
        registered().when().get("/api/codes/icd10cm/Z86.010").then().statusCode(200)
                .body("billable", equalTo(false))
                .body("sections.find { it.key == 'history' }.content.events[0].description",
                        containsString("became a header"));
        given().when().get("/api/codes/icd10cm/Z86.010?version=fy2024").then().statusCode(200)
                .body("billable", equalTo(true));
    }

    @Test
    void unknownCodeIsProblemJsonWithSuggestions() {
        given().when().get("/api/codes/icd10cm/E11.99").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://casecoding.com/problems/not-found"))
                .body("suggestions.code", hasItems("E11.9"))
                .body("suggestions.code", not(hasItem("E11.99")));
        given().when().get("/api/codes/nosuchsystem/E119").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("icd10cm"));
        given().when().get("/api/codes/icd10cm/E119?version=FY1999").then().statusCode(404)
                .body("detail", containsString("FY2024"));
        given().when().get("/api/codes/icd10cm/E119?date=yesterday").then().statusCode(400)
                .body("violations.field", hasItem("date"));
        given().when().get("/api/codes/icd10cm/E1%2A9").then().statusCode(400);
    }

    @Test
    void cptWithoutLicenceSaysSo() {
        given().when().get("/api/codes/cpt/99213").then().statusCode(200)
                .body("code", equalTo("99213"))
                .body("sections.find { it.key == 'official' }.content.licenseRequired", equalTo(true))
                .body("sections.find { it.key == 'official' }.content.longDescription", nullValue())
                .body("sections.find { it.key == 'official' }.content.notice", containsString("American Medical"))
                .body("sections.find { it.key == 'commonLanguage' }.content.text", containsString("follow-up"));
    }

    @Test
    void hcpcsContinuationTerminationAndModifiers() {
        registered().when().get("/api/codes/hcpcs/e0110").then().statusCode(200)
                .body("sections.find { it.key == 'official' }.content.longDescription",
                        equalTo("Crutches, forearm, includes crutches of various materials, adjustable or fixed, "
                                + "pair, complete with tips and handgrips"))
                .body("sections.find { it.key == 'hcpcsDetails' }.content.betos", equalTo("D1E"))
                .body("sections.find { it.key == 'hcpcsDetails' }.content.pricingIndicators", hasItem("32"));
        given().when().get("/api/codes/hcpcs/Q4081").then().statusCode(200)
                .body("status", equalTo("deleted"))
                .body("billable", equalTo(false))
                .body("deleted.lastValid", equalTo("2024-12-31"))
                .body("deleted.effectiveDate", equalTo("2025-01-01"));
        given().when().get("/api/codes/modifier/rt").then().statusCode(200)
                .body("code", equalTo("RT"))
                .body("sections.find { it.key == 'official' }.content.shortDescription", equalTo("Right side"));
        registered().when().get("/api/codes/hcpcs/G0009").then().statusCode(200)
                .body("sections.find { it.key == 'related' }.content.codes.code", hasItem("G0008"));
    }

    @Test
    void pcsTableAndSection() {
        registered().when().get("/api/codes/icd10pcs/0dtj4zz").then().statusCode(200)
                .body("billable", equalTo(true))
                .body("sections.find { it.key == 'hierarchy' }.content.chapter.title", equalTo("Medical and Surgical"))
                .body("sections.find { it.key == 'hierarchy' }.content.ancestors[0].code", equalTo("0DT"))
                .body("sections.find { it.key == 'hierarchy' }.content.siblings.code", hasItem("0DTJ0ZZ"))
                .body("sections.find { it.key == 'crosswalk' }.content.forward.code", hasItem("47.01"));
    }

    @Test
    void icd9DisplayAndShortTitles() {
        registered().when().get("/api/codes/icd9cm/25000").then().statusCode(200)
                .body("code", equalTo("250.00"))
                .body("sections.find { it.key == 'official' }.content.shortDescription", equalTo("Type II DM, no cmp"))
                .body("sections.find { it.key == 'crosswalk' }.content.forward.code", hasItem("E11.9"));
        given().when().get("/api/codes/icd9pcs/47.01").then().statusCode(200).body("code", equalTo("47.01"));
    }

    @Test
    void commonLanguageIsEditedByAdminsOnly() {
        String body = "{\"text\": \"Our plain words about asthma flare-ups.\"}";
        given().contentType("application/json").body(body)
                .when().put("/api/codes/icd10cm/J45.901/common-language").then().statusCode(401);
        registered().contentType("application/json").body(body)
                .when().put("/api/codes/icd10cm/J45.901/common-language").then().statusCode(403);
        String admin = TestTokens.withRoles("33333333-3333-3333-3333-333333333333", "admin");
        given().auth().oauth2(admin).contentType("application/json").body("{\"text\": \" \"}")
                .when().put("/api/codes/icd10cm/J45.901/common-language").then().statusCode(400)
                .body("violations.field", hasItem("text"));
        given().auth().oauth2(admin).contentType("application/json").body(body)
                .when().put("/api/codes/icd10cm/J45.999/common-language").then().statusCode(404);
        given().auth().oauth2(admin).contentType("application/json").body(body)
                .when().put("/api/codes/icd10cm/j45901/common-language").then().statusCode(200)
                .body("code", equalTo("J45.901"))
                .body("updatedBy", equalTo("33333333-3333-3333-3333-333333333333"))
                .body("updatedAt", notNullValue());
        given().when().get("/api/codes/icd10cm/J45.901").then().statusCode(200)
                .body("sections.find { it.key == 'commonLanguage' }.content.text",
                        equalTo("Our plain words about asthma flare-ups."));
    }
}
