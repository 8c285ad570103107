package com.casecoding.codes.edits;

import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** The payment, unit-limit and add-on sections over HTTP, on the fixture tables. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditsResourceTest {

    @Inject
    ImportRunner runner;

    @Inject
    EditTables tables;

    @Inject
    DataSource dataSource;

    private final String coder = TestTokens.coder("3f1d2a5c-8a3e-4a57-9f0e-2f7f3b8c9d10");

    @BeforeAll
    void load() throws Exception {
        EditTestData.clean(dataSource, tables);
        runner.importPaths(List.of(EditTestData.writeFixtures(Files.createTempDirectory("edits"))), "test");
    }

    @Test
    void sectionsForACodeWithLocalityFee() {
        given().auth().oauth2(coder).when().get("/api/edits/cpt/99213?locality=01112-54").then().statusCode(200)
                .body("sections[0].key", equalTo("payment"))
                .body("sections[0].body.nationalFee.nonFacility", equalTo(93.00f))
                .body("sections[0].body.localityFee.nonFacility", equalTo(98.55f))
                .body("sections[0].body.globalDays.meaning", containsString("does not apply"))
                .body("sections[1].key", equalTo("unit-limits"))
                .body("sections[1].body.find { it.setting == 'practitioner' }.value", equalTo(1))
                .body("sections[1].body.find { it.setting == 'practitioner' }.adjudicationExplained", containsString("clinical"))
                .body("sections[1].body.find { it.setting == 'outpatient-hospital' }.value", nullValue())
                .body("sections[2].body.addOn", equalTo(false));
    }

    @Test
    void addOnRulesListPrimariesAndRelatedCodes() {
        given().auth().oauth2(coder).when().get("/api/edits/cpt/37252").then().statusCode(200)
                .body("sections[2].body.addOn", equalTo(true))
                .body("sections[2].body.eligiblePrimaries.code", hasItem("37224"))
                .body("sections[2].body.addOnCodesForThisCode", hasItem("37253"))
                .body("sections[2].body.types[0]", containsString("Type 1"));
    }

    @Test
    void guestsAndBadInputAreRefused() {
        given().when().get("/api/edits/cpt/99213").then().statusCode(401);
        given().auth().oauth2(TestTokens.guest("7c7d2a5c-8a3e-4a57-9f0e-2f7f3b8c9d10"))
                .when().get("/api/edits/cpt/99213").then().statusCode(403);
        given().auth().oauth2(coder).when().get("/api/edits/cpt/99213?locality=99999-99").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(coder).when().get("/api/edits/icd10cm/E1190").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(coder).when().get("/api/edits/localities").then().statusCode(200)
                .body("items.find { it.id == '01112-54' }.counties", equalTo(List.of("KERN")));
    }
}
