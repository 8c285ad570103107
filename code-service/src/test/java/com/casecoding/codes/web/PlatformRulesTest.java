package com.casecoding.codes.web;

import com.casecoding.codes.search.SearchEngine;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.net.URL;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The rules every service shares (issue 18): one clock skew, strict JSON, health and metrics off the API port. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class PlatformRulesTest {

    @Inject
    SearchEngine search;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void aTokenIsAcceptedAtMostTheClockSkewPastItsExpiry() {
        int skew = TestTokens.CLOCK_SKEW_SECONDS;
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.expiredCoder(user, skew - 20)).get("/api/favorites").then().statusCode(200);
        given().auth().oauth2(TestTokens.expiredCoder(user, skew + 15)).get("/api/favorites").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void searchAndReferenceListsHaveAnETagAndAnswer304WhileTheyAreUnchanged() throws InterruptedException {
        assertTrue(search.awaitIdle(Duration.ofSeconds(60)));
        String token = TestTokens.coder(UUID.randomUUID().toString());
        for (String path : java.util.List.of("/api/code-systems", "/api/releases", "/api/search?q=diabetes",
                "/api/browse/icd10cm", "/api/edits/localities")) {
            var first = given().auth().oauth2(token).get(path).then().statusCode(200)
                    .header("Cache-Control", equalTo("private, no-cache")).contentType("application/json").extract();
            String etag = first.header("ETag");
            assertTrue(etag != null && etag.startsWith("\""), path + " has a strong ETag: " + etag);
            given().auth().oauth2(token).header("If-None-Match", etag).get(path).then().statusCode(304)
                    .header("ETag", equalTo(etag)).body(equalTo(""));
            // another tag (or a different answer) is a whole 200 with the same body as before
            String again = given().auth().oauth2(token).header("If-None-Match", "\"0-0\"").get(path).then()
                    .statusCode(200).header("ETag", equalTo(etag)).extract().asString();
            org.junit.jupiter.api.Assertions.assertEquals(first.asString(), again, path);
        }
        String other = given().auth().oauth2(token).get("/api/search?q=fracture").then().statusCode(200)
                .extract().header("ETag");
        String diabetes = given().auth().oauth2(token).get("/api/search?q=diabetes").then().statusCode(200)
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(diabetes, other, "each answer has its own tag");
    }

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Test
    void theServicesMapperWritesInstantsWithMilliseconds() throws Exception {
        org.junit.jupiter.api.Assertions.assertEquals("\"2026-12-03T17:25:21.123Z\"",
                mapper.writeValueAsString(java.time.Instant.parse("2026-12-03T17:25:21.123456789Z")));
    }

    @Test
    void aFieldNamedTwiceIsRefused() {
        given().contentType("application/json").body("{\"name\":\"x\",\"count\":1,\"name\":\"y\"}")
                .post("/test/problems").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://casecoding.com/problems/malformed-body"))
                .body("violations.field", hasItem("name"))
                .body("detail", containsString("more than once"));
    }

    @Test
    void healthAndMetricsAreOnTheManagementInterfaceOnly() throws InterruptedException {
        // ready once the search index built at start is in service (SearchIndexCheck)
        assertTrue(search.awaitIdle(Duration.ofSeconds(60)));
        given().get(management + "health/ready").then().statusCode(200);
        given().get(management + "metrics").then().statusCode(200).body(containsString("http_server"));
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
    }
}
