package com.casecoding.codes.edits;

import com.casecoding.codes.claims.ClaimTestData;
import com.casecoding.codes.catalog.CodeCatalog;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.page.CodePageService;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** The payment, unit-limit and add-on sections on the code page (GET /api/codes/{system}/{code}), fixture tables. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodePageEditSectionsTest {

    @Inject
    ImportRunner runner;

    @Inject
    EditTables tables;

    @Inject
    CodeCatalog catalog;

    @Inject
    CodePageService pages;

    @Inject
    DataSource dataSource;

    private final String coder = TestTokens.coder("5a1d2a5c-8a3e-4a57-9f0e-2f7f3b8c9d10");

    @BeforeAll
    void load() throws Exception {
        EditTestData.clean(dataSource, tables);
        runner.importPaths(List.of(EditTestData.writeFixtures(Files.createTempDirectory("page-edits"))), "test");
        ClaimTestData.install(dataSource, catalog);
        pages.invalidate();
    }

    @AfterAll
    void remove() {
        ClaimTestData.remove(dataSource, catalog);
        pages.invalidate();
    }

    @Test
    void registeredUsersSeePaymentUnitLimitsAndAddOnRules() {
        given().auth().oauth2(coder).when().get("/api/codes/cpt/99213").then().statusCode(200)
                .body("addOn", equalTo(false))
                .body("sections.find { it.key == 'payment' }.content.nationalFee.nonFacility", equalTo(93.00f))
                .body("sections.find { it.key == 'payment' }.content.localityFee", nullValue())
                .body("sections.find { it.key == 'unit-limits' }.content.find { it.setting == 'practitioner' }.value",
                        equalTo(1))
                .body("sections.find { it.key == 'add-on-rules' }.content.addOn", equalTo(false));
        given().auth().oauth2(coder).when().get("/api/codes/cpt/37253").then().statusCode(200)
                .body("addOn", equalTo(true))
                .body("sections.find { it.key == 'add-on-rules' }.content.eligiblePrimaries.code", hasItem("37252"))
                .body("sections.find { it.key == 'payment' }.content.globalDays.meaning", containsString("Add-on"));
    }

    @Test
    void modifiersComeFromTheFeeScheduleRowsAndIndicators() {
        // 27447: multiple procedure 2, bilateral 1, assistant 2, co-surgeons 1, team 0
        given().auth().oauth2(coder).when().get("/api/codes/cpt/27447").then().statusCode(200)
                .body("sections.find { it.key == 'modifiers' }.access", equalTo("registered"))
                .body("sections.find { it.key == 'modifiers' }.content.applies.find { it.modifier == 'AS' }.href",
                        equalTo("/api/codes/modifier/AS"))
                .body("sections.find { it.key == 'modifiers' }.content.applies.modifier",
                        hasItems("51", "50", "RT", "LT", "80", "81", "82", "AS", "62"))
                .body("sections.find { it.key == 'modifiers' }.content.applies.find { it.modifier == '50' }.rule",
                        containsString("150%"))
                .body("sections.find { it.key == 'modifiers' }.content.applies.modifier", not(hasItem("26")))
                .body("sections.find { it.key == 'modifiers' }.content.notPaid.modifier", equalTo(List.of("66")))
                .body("sections.find { it.key == 'modifiers' }.content.release.version", notNullValue());
        // a code the fee schedule does not list: said so
        given().auth().oauth2(coder).when().get("/api/codes/cpt/11042").then().statusCode(200)
                .body("sections.find { it.key == 'modifiers' }.content.note", containsString("not in the Medicare"));
    }

    @Test
    void localityFeeOnRequest() {
        given().auth().oauth2(coder).when().get("/api/codes/cpt/99213?locality=01112-54").then().statusCode(200)
                .body("sections.find { it.key == 'payment' }.content.localityFee.nonFacility", equalTo(98.55f))
                .body("sections.find { it.key == 'payment' }.content.localityFee.name", equalTo("BAKERSFIELD"));
        given().auth().oauth2(coder).when().get("/api/codes/cpt/99213?locality=12345-67").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void guestsGetLockedStubs() {
        given().when().get("/api/codes/cpt/99213?locality=01112-54").then().statusCode(200)
                .body("sections.find { it.key == 'payment' }.locked", equalTo(true))
                .body("sections.find { it.key == 'payment' }.content", nullValue())
                .body("sections.find { it.key == 'unit-limits' }.locked", equalTo(true));
    }
}
