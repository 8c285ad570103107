package com.casecoding.codes.web;

import com.casecoding.codes.search.SearchEngine;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.time.Duration;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class ProblemJsonTest {

    @Inject
    SearchEngine search;

    @TestHTTPResource(value = "/", management = true)
    java.net.URL management;

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

    /**
     * A client that keeps sending a refused body still gets the 413: the connection is closed only after the body
     * arrived (a close with unread data resets the connection, and the reset can swallow the answer already sent).
     */
    @Test
    void aRefusedBodyStillBeingSentGetsIts413BeforeTheConnectionCloses() throws Exception {
        int length = 3_000_000;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /test/problems HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            // the whole body goes out without a reset, although the answer came after its first bytes: the client
            // pauses after the first chunk, long enough for the answer (and, before, the close) to happen
            for (int sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, length - sent));
                if (sent == 0) {
                    out.flush();
                    Thread.sleep(500);
                }
            }
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // up to the close
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("connection: close"), answer);
            assertTrue(answer.contains("payload-too-large"), answer);
        }
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
    void healthAndOpenApiAreServed() throws InterruptedException {
        // health and metrics: on the management interface (PlatformRulesTest)
        // ready once the search index built at start is in service (SearchIndexCheck)
        assertTrue(search.awaitIdle(Duration.ofSeconds(60)));
        given().when().get(management + "health/ready").then().statusCode(200);
        given().when().get(management + "health/live").then().statusCode(200);
        given().when().get(management + "health/started").then().statusCode(200);
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", startsWith("3."));
    }
}
