package com.casecoding.codes.search;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class SearchResourceTest {

    @Inject
    SearchEngine engine;

    @BeforeEach
    void indexReady() throws InterruptedException {
        assertTrue(engine.awaitIdle(Duration.ofSeconds(60)), "search index not built");
    }

    @Test
    void searchAnswersTheDocumentedShape() {
        given().queryParam("q", "e11.9").when().get("/api/search")
                .then().statusCode(200).contentType("application/json")
                .body("total", greaterThan(0))
                .body("mode", equalTo("code"))
                .body("items[0].system", equalTo("icd10cm"))
                .body("items[0].code", equalTo("E11.9"))
                .body("items[0].normalizedCode", equalTo("E119"))
                .body("items[0].title", equalTo("Type 2 diabetes mellitus without complications"))
                .body("items[0].billable", equalTo(true))
                .body("items[0].status", equalTo("active"))
                .body("items[0].version", equalTo("FY2025"))
                .body("items[0].highlight", equalTo("Type 2 diabetes mellitus without complications"));
    }

    @Test
    void layWordsWithHighlightsExpansionsAndFilters() {
        // the test database may also hold the real code sets (another test imports them): assert the top 5
        given().queryParam("q", "heart attack").queryParam("limit", "5").when().get("/api/search")
                .then().statusCode(200)
                .body("items.code", hasItem("I21.9"))
                .body("items.highlight", hasItem(containsString("<mark>myocardial</mark>")))
                .body("expansions[0].typed", equalTo("heart attack"));
        given().queryParam("q", "diabetes").queryParam("system", "icd9cm").when().get("/api/search")
                .then().statusCode(200).body("items.system", everyItem(equalTo("icd9cm")))
                .body("total", greaterThan(0));
        given().queryParam("q", "diabetes").queryParam("billable", "false").when().get("/api/search")
                .then().statusCode(200).body("items.billable", everyItem(equalTo(false)));
        given().queryParam("q", "pnuemonia").queryParam("limit", "5").when().get("/api/search")
                .then().statusCode(200).body("items.code", hasItem("J18.9"))
                .body("corrections[0].searched", hasItem("pneumonia"));
    }

    @Test
    void deletedCodesAreMarkedAndFilterable() {
        given().queryParam("q", "T81.32XA").when().get("/api/search")
                .then().statusCode(200)
                .body("items[0].status", equalTo("deleted"))
                .body("items[0].deleted", equalTo(true));
        given().queryParam("q", "T81.32XA").queryParam("status", "active").when().get("/api/search")
                .then().statusCode(200).body("items.code", org.hamcrest.Matchers.not(hasItem("T81.32XA")));
    }

    @Test
    void badQueriesAreProblemJsonOrEmptyNeverAServerError() {
        given().when().get("/api/search").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("q"));
        given().queryParam("q", "   ").when().get("/api/search").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("q", "x".repeat(10_000)).when().get("/api/search").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("200"));
        given().queryParam("q", "!!!???").when().get("/api/search").then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
        given().queryParam("q", "title:foo AND (bar* OR \"x\"~2 [a TO z] \\").when().get("/api/search")
                .then().statusCode(200);
        given().queryParam("q", "heart").queryParam("limit", "101").when().get("/api/search").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("q", "heart").queryParam("limit", "abc").when().get("/api/search").then().statusCode(400);
        given().queryParam("q", "heart").queryParam("offset", "450").queryParam("limit", "100").when()
                .get("/api/search").then().statusCode(400).body("violations[0].field", equalTo("offset"));
        given().queryParam("q", "heart").queryParam("system", "snomed").when().get("/api/search").then()
                .statusCode(400).body("violations[0].field", equalTo("system"));
        given().queryParam("q", "heart").queryParam("status", "gone").when().get("/api/search").then()
                .statusCode(400);
        given().queryParam("q", "heart").queryParam("billable", "yes").when().get("/api/search").then()
                .statusCode(400);
    }

    @Test
    void noListOverOneHundred() {
        given().queryParam("q", "e").queryParam("limit", "100").when().get("/api/search")
                .then().statusCode(200).body("items.size()", lessThanOrEqualTo(100));
    }

    @Test
    void suggestIsShortAndCompletesTheLastWord() {
        given().queryParam("q", "acute myocardial infarction unsp").when().get("/api/search/suggest")
                .then().statusCode(200)
                .body("suggestions.code", hasItem("I21.9"))
                .body("suggestions.size()", lessThanOrEqualTo(8))
                .body("suggestions[0].highlight", org.hamcrest.Matchers.nullValue());
        given().queryParam("q", "myocard").queryParam("limit", "11").when().get("/api/search/suggest")
                .then().statusCode(400);
        given().when().get("/api/search/suggest").then().statusCode(400);
    }

    @Test
    void guestsMaySearchAndStatusIsPublic() {
        given().auth().oauth2(TestTokens.guest("guest-1")).queryParam("q", "UTI").queryParam("limit", "5").when()
                .get("/api/search").then().statusCode(200).body("items.code", hasItem("N39.0"));
        given().when().get("/api/search/status").then().statusCode(200).body("ready", equalTo(true))
                .body("documents", greaterThan(30));
    }

    @Test
    void onlyAdminsRebuild() {
        given().when().post("/api/search/index").then().statusCode(401);
        given().auth().oauth2(TestTokens.coder("c-1")).when().post("/api/search/index").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("a-1", "admin")).when().post("/api/search/index")
                .then().statusCode(202);
    }
}
