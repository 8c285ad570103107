package com.casecoding.codes.web;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class ProblemJsonTest {

    @Test
    void unknownPathIsProblemJson() {
        given().header("X-Request-Id", "probe-123")
                .when().get("/api/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", "probe-123")
                .body("type", equalTo("https://casecoding.com/problems/not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/nothing-here"))
                .body("requestId", equalTo("probe-123"));
    }

    @Test
    void wrongMethodListsAllowedMethods() {
        given().when().delete("/api/code-systems")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("detail", containsString("DELETE"));
    }

    @Test
    void unsupportedMediaType() {
        given().contentType("text/plain").body("hello")
                .when().post("/test/problems")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("application/json"));
    }

    @Test
    void malformedJsonSaysWhere() {
        given().contentType("application/json").body("{\"name\": \"x\", ")
                .when().post("/test/problems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://casecoding.com/problems/malformed-body"))
                .body("detail", startsWith("The request body is not valid JSON"));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().contentType("application/json").body("{\"name\": \"x\", \"count\": \"many\"}")
                .when().post("/test/problems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("count"))
                .body("detail", containsString("count"));
    }

    @Test
    void validationListsEveryField() {
        given().contentType("application/json").body("{\"name\": \" \", \"email\": \"nope\", \"count\": 0}")
                .when().post("/test/problems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://casecoding.com/problems/validation"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("count"));
    }

    @Test
    void invalidQueryParameterIsNamed() {
        given().when().get("/test/problems/limit?size=0")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("size"));
    }

    @Test
    void bodyOverOneMegabyteIs413ProblemJson() {
        given().contentType("application/json").body("{\"name\":\"" + "x".repeat(1_100_000) + "\"}")
                .when().post("/test/problems")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://casecoding.com/problems/payload-too-large"));
    }

    @Test
    void overLongUrlIs414ProblemJson() {
        given().when().get("/api/code-systems?q=" + "x".repeat(40_000))
                .then().statusCode(414)
                .contentType("application/problem+json");
    }

    @Test
    void unexpectedErrorHidesInternalsAndCarriesRequestId() {
        given().when().get("/test/problems/boom")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("requestId", notNullValue())
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("com.casecoding")));
    }

    @Test
    void requestIdIsCreatedWhenMissingOrInsane() {
        given().header("X-Request-Id", "bad id with spaces\u0001")
                .when().get("/api/code-systems")
                .then().statusCode(200)
                .header("X-Request-Id", not(containsString(" ")));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/started").then().statusCode(200);
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", startsWith("3."));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
    }
}
