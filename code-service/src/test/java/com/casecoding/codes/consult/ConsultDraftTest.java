package com.casecoding.codes.consult;

import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.imports.ImportSummary;
import com.casecoding.codes.search.SearchEngine;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instant draft against real code data: our own small ICD-10-CM codes file (invented wording, official layout)
 * is imported, indexed by the search engine, and the draft suggests codes for the affirmed phrases only.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = true)
class ConsultDraftTest {

    @Inject
    ImportRunner imports;

    @Inject
    SearchEngine search;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void importFixture() throws Exception {
        Path file = Path.of(getClass().getResource("/consult/codes/icd10cm_codes_2031.txt").toURI());
        ImportSummary summary = imports.importPaths(List.of(file), "test:consults");
        assertEquals(0, summary.failed(), summary.toString());
        search.requestRebuild("consult draft test");
        assertTrue(search.awaitIdle(Duration.ofSeconds(60)), "search index not built in time");
    }

    @AfterEach
    void removeFixture() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from codes.code_release where dataset = 'icd10cm' and version = 'FY2031'");
        }
        search.requestRebuild("consult draft test done");
        search.awaitIdle(Duration.ofSeconds(60));
    }

    @Test
    void suggestionsComeFromAffirmedPhrasesOnlyAndExist() {
        String coder = TestTokens.coder(UUID.randomUUID().toString());
        String caseText = "Osteoarthritis of the right knee. Type 2 diabetes mellitus with hyperglycemia. "
                + "No fracture of the radius. Denies chest pain. Pneumonia was ruled out.";
        given().auth().oauth2(coder).contentType("application/json")
                .body(Map.of("subject", "Draft " + UUID.randomUUID(), "question", "Is M17.11 billable?",
                        "caseText", caseText, "codes", List.of("M17.11", "Z99.999", "e1165")))
                .when().post("/api/consults")
                .then().statusCode(201)
                .body("draft.automated", equalTo(true))
                .body("draft.answer", notNullValue())
                .body("draft.suggestions.code", hasItem("M17.11"))
                .body("draft.suggestions.code", hasItem("E11.65"))
                // negated findings never become suggestions
                .body("draft.suggestions.code", not(hasItem("R07.9")))
                .body("draft.suggestions.code", not(hasItem("J18.9")))
                .body("draft.suggestions.code", not(hasItem("S52.501A")))
                .body("draft.suggestions.billable", everyItem(equalTo(true)))
                .body("draft.suggestions.phrase", hasItem("Osteoarthritis of the right knee"))
                .body("draft.notSuggested.phrase", hasItems("fracture of the radius", "chest pain", "Pneumonia"))
                // considered codes are checked against the loaded data
                .body("draft.checkedCodes.find { it.code == 'M17.11' }.exists", equalTo(true))
                .body("draft.checkedCodes.find { it.code == 'M17.11' }.system", equalTo("icd10cm"))
                .body("draft.checkedCodes.find { it.code == 'Z99.999' }.exists", equalTo(false))
                // a code found is shown as people write it, whatever form was typed
                .body("draft.checkedCodes.find { it.code == 'E11.65' }.exists", equalTo(true))
                .body("draft.generator", equalTo(AssistantDraftWriter.GENERATOR));
    }
}
