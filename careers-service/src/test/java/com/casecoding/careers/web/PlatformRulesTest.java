package com.casecoding.careers.web;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.UUID;

import static com.casecoding.careers.CareersFixtures.bearer;
import static com.casecoding.careers.CareersFixtures.employer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The rules every service shares (issue 18): one clock skew, strict JSON, health and metrics off the API port. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class PlatformRulesTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void aTokenIsAcceptedAtMostTheClockSkewPastItsExpiry() {
        int skew = TestTokens.CLOCK_SKEW_SECONDS;
        given().auth().oauth2(TestTokens.expiredCoder(UUID.randomUUID().toString(), skew - 20))
                .get("/api/careers/me/applications").then().statusCode(200);
        given().auth().oauth2(TestTokens.expiredCoder(UUID.randomUUID().toString(), skew + 15))
                .get("/api/careers/me/applications").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aFieldNamedTwiceIsRefused() {
        given().header("Authorization", bearer(employer(UUID.randomUUID().toString())))
                .contentType("application/json")
                .body("{\"organizationName\":\"A Clinic\",\"website\":\"https://a.test\",\"organizationName\":\"B\"}")
                .put("/api/careers/employer/profile").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://casecoding.com/problems/malformed-body"))
                .body("violations.field", hasItem("organizationName"));
    }

    @Test
    void healthAndMetricsAreOnTheManagementInterfaceOnly() {
        given().get(management + "health/ready").then().statusCode(200);
        given().get(management + "metrics").then().statusCode(200).body(containsString("http_server"));
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
    }
}
