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
