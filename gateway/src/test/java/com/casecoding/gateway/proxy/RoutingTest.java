package com.casecoding.gateway.proxy;

import com.casecoding.gateway.support.Accounts;
import com.casecoding.gateway.support.GatewayTestResource;
import com.casecoding.gateway.support.StubUpstream;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class RoutingTest {

    /** The management interface's root ({@code http://localhost:<port>/q/}): its own port, with health and metrics. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void routesByPrefixAndPassesPathQueryBodyAndToken() {
        String token = Accounts.freeToken();
        given().auth().oauth2(token).contentType("application/json").body("{\"a\":[1,2,3]}")
                .header("X-Request-Id", "trace-42")
                .when().post("/api/echo/things?x=1")
                .then().statusCode(200)
                .header("X-Request-Id", "trace-42")
                .body("method", equalTo("POST"))
                .body("body.a[2]", equalTo(3));
        var forwarded = StubUpstream.get().lastHeaders.get("/api/echo/things");
        assertEquals("Bearer " + token, forwarded.getFirst("Authorization"));
        assertEquals("trace-42", forwarded.getFirst("X-Request-Id"));
    }

    @Test
    void anIdempotentRequestIsSentAgainWhenTheUpstreamClosedTheConnectionBeforeAnswering() {
        String token = Accounts.freeToken();
        String key = java.util.UUID.randomUUID().toString();
        given().auth().oauth2(token).contentType("application/json").body("{\"a\":1}")
                .when().put("/api/echo/drop-once/put-" + key)
                .then().statusCode(200).body("method", equalTo("PUT")).body("body.a", equalTo(1));
        given().auth().oauth2(token).when().get("/api/echo/drop-once/get-" + key)
                .then().statusCode(200).body("method", equalTo("GET"));
        // a POST may have been acted on before the connection closed: it is not sent again
        given().auth().oauth2(token).contentType("application/json").body("{\"a\":1}")
                .when().post("/api/echo/drop-once/post-" + key)
                .then().statusCode(503).contentType("application/problem+json");
    }

    /**
     * Many at once, on both event loops: the second try of a PUT with a body is a request of its own, which the first
     * try's failing body write (it may fail a moment after its answer did) cannot reset.
     */
    @Test
    void idempotentRequestsAreSentAgainWhileManyAreInFlight() {
        java.util.stream.IntStream.range(0, 4).parallel().forEach(thread -> {
            for (int i = 0; i < 60; i++) {
                anIdempotentRequestIsSentAgainWhenTheUpstreamClosedTheConnectionBeforeAnswering();
            }
        });
    }

    @Test
    void aBodyOverTheBufferedSizeIsStreamedUpstream() {
        String token = Accounts.freeToken();
        String big = "x".repeat(200_000);
        given().auth().oauth2(token).contentType("application/json").body("{\"text\":\"" + big + "\"}")
                .when().post("/api/echo/big")
                .then().statusCode(200).body("bytes", equalTo(big.length() + 11));
    }

    @Test
    void aChunkedBodyIsStreamedUpstream() throws Exception {
        String part = "{\"text\":\"" + "y".repeat(90_000) + "\"}";
        // a body from a stream goes out chunked, with no declared length
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/api/echo/chunked"))
                .header("Authorization", "Bearer " + Accounts.freeToken())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(part.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        var response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(true, response.body().contains("\"bytes\":" + part.length()), response.body().substring(0, 40));
        var forwarded = StubUpstream.get().lastHeaders.get("/api/echo/chunked");
        assertEquals("chunked", forwarded.getFirst("Transfer-Encoding"));
    }

    @Test
    void largeAndUndeclaredResponsesAreRelayedWhole() {
        String token = Accounts.freeToken();
        for (int size : new int[]{0, 1, 65_536, 65_537, 3_000_001}) {
            byte[] body = given().auth().oauth2(token).when().get("/api/echo/large?bytes=" + size)
                    .then().statusCode(200).contentType("text/plain").extract().asByteArray();
            assertEquals(size, body.length, "bytes relayed of " + size);
            for (int i = 0; i < body.length; i++) {
                if (body[i] != "0123456789abcdef".charAt(i % 16)) {
                    throw new AssertionError("byte " + i + " of " + size + " differs");
                }
            }
        }
    }

    @Test
    void headAndNoContentAnswersHaveNoBody() {
        String token = Accounts.freeToken();
        given().auth().oauth2(token).when().head("/api/echo/things")
                .then().statusCode(200).body(equalTo(""));
        given().auth().oauth2(token).when().delete("/api/echo/empty")
                .then().statusCode(204).body(equalTo(""));
        // the connection stays usable after both
        given().auth().oauth2(token).when().get("/api/echo/after").then().statusCode(200).body("method", equalTo("GET"));
    }

    @Test
    void upstreamConnectionsAreKeptAliveAndReused() {
        String token = Accounts.freeToken();
        for (int i = 0; i < 40; i++) {
            given().auth().oauth2(token).when().get("/api/echo/pooled").then().statusCode(200);
        }
        // one connection per gateway event loop at most, not one per request (a gateway that closed each upstream
        // connection after its answer would open 40)
        int used = StubUpstream.get().clientPorts.get("/api/echo/pooled").size();
        assertTrue(used >= 1 && used <= GatewayTestResource.EVENT_LOOPS, used + " connections for 40 requests");
    }

    @Test
    void aConnectionPastTheRoutesAgeIsClosedAfterItsAnswerAndTheNextRequestConnectsAnew() {
        String token = Accounts.freeToken();
        // both routes hold one connection; bulkhead keeps it (default age 60 s), recycled retires it after 1 ms
        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(token).when().get("/api/bulkhead/kept").then().statusCode(200);
            given().auth().oauth2(token).when().get("/api/recycled/aged").then().statusCode(200);
        }
        assertEquals(1, StubUpstream.get().clientPorts.get("/api/bulkhead/kept").size(), "kept alive below the age");
        int recycled = StubUpstream.get().clientPorts.get("/api/recycled/aged").size();
        assertEquals(true, recycled >= 3, recycled + " connections for 6 requests: an aged connection was reused");
    }

    @Test
    void anUpstreamThatClosesAfterAnsweringIsNotReused() {
        String token = Accounts.freeToken();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().get("/api/echo/close").then().statusCode(200).body("method", equalTo("GET"));
        }
        assertEquals(5, StubUpstream.get().clientPorts.get("/api/echo/close").size());
    }

    @Test
    void anUpstreamThatDoesNotAnswerInTimeIsA503Problem() {
        long start = System.nanoTime();
        given().auth().oauth2(Accounts.freeToken()).when().get("/api/echo/slow")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("codes"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(true, millis >= 2_900 && millis < 5_900, "answered after " + millis + " ms");
    }

    @Test
    void theLongestPrefixWinsSoInboundMailNeedsNoToken() {
        given().contentType("application/json").body("{\"sender\":\"a@b.test\"}")
                .when().post("/api/consults/inbound")
                .then().statusCode(200).body("method", equalTo(null)).body("path", equalTo("/api/consults/inbound"));
        given().when().get("/api/consults").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aStoppedUpstreamIsA503ProblemQuickly() {
        long start = System.nanoTime();
        given().when().get("/api/jobs")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("https://casecoding.com/problems/service-unavailable"))
                .body("detail", containsString("careers"))
                .time(lessThan(5000L));
        assertEquals(true, (System.nanoTime() - start) / 1_000_000 < 5000);
    }

    @Test
    void httpMetricsNameRoutesNotRawPaths() {
        String token = Accounts.freeToken();
        given().auth().oauth2(token).when().get("/api/codes/icd10cm/E11.9").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/echo/item-8812").then().statusCode(200);
        String metrics = given().when().get(management + "metrics").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("uri=\"/api/codes/{system}/{code}\""), "code pages");
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("uri=\"/api/echo/*\""), "below a prefix");
        org.junit.jupiter.api.Assertions.assertFalse(metrics.contains("E11.9"), "no time series per code");
        org.junit.jupiter.api.Assertions.assertFalse(metrics.contains("item-8812"), "no time series per id");
    }

    @Test
    void unknownPathAtTheGatewayIsProblemJson() {
        given().when().get("/api/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/api/auth/login").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void searchIsRateLimitedPerPlan() {
        String token = Accounts.freeToken();
        for (int i = 0; i < 5; i++) {
            // every answer under a limit says the limit and what is left of it (issue 26)
            given().auth().oauth2(token).get("/api/search?q=x").then().statusCode(200)
                    .header("RateLimit-Limit", "5")
                    .header("RateLimit-Remaining", Integer.toString(4 - i))
                    .header("RateLimit-Reset", org.hamcrest.Matchers.notNullValue());
        }
        given().auth().oauth2(token).get("/api/code-systems").then().statusCode(200)
                .header("RateLimit-Limit", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(token).get("/api/search?q=x").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .header("RateLimit-Remaining", "0")
                .body("detail", containsString("5 search requests per minute"));
    }

    @Test
    void corsPreflightForConfiguredOrigins() {
        given().header("Origin", "https://app.casecoding.test")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization")
                .when().options("/api/code-systems")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.casecoding.test");
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .when().options("/api/code-systems")
                .then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        // a proxied answer carries the CORS headers too, and the gateway's request id
        given().auth().oauth2(Accounts.freeToken()).header("Origin", "https://app.casecoding.test")
                .when().get("/api/code-systems")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.casecoding.test")
                .header("Access-Control-Expose-Headers", containsString("X-Views-Remaining"))
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void pathsAreMatchedBySegmentNotByLetters() {
        // /api/codesx is not under /api/codes: it is no proxied route, and the gateway has no such endpoint
        given().auth().oauth2(Accounts.freeToken()).when().get("/api/codesx")
                .then().statusCode(404).contentType("application/problem+json");
        // a path with dot segments is refused, never resolved and routed (the gateway and a service could resolve it
        // differently); see PathVariantsTest
        given().auth().oauth2(Accounts.freeToken()).urlEncodingEnabled(false).when().get("/api/echo/%2e%2e/code-systems")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void healthAndMetricsAreOnTheManagementInterfaceOnly() {
        given().get(management + "health/ready").then().statusCode(200);
        given().get(management + "health/live").then().statusCode(200);
        given().get(management + "health/started").then().statusCode(200);
        given().get(management + "metrics").then().statusCode(200).body(containsString("http_server_requests"));
        // nothing of it on the public port, whatever the Ingress lets through
        given().get("/q/metrics").then().statusCode(404).contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/health").then().statusCode(404);
    }

    @Test
    void everyAnswerSaysItVariesByOrigin() {
        String token = Accounts.freeToken();
        // a proxied answer (the upstream's own Vary is kept), an own endpoint, a preflight and an error
        given().auth().oauth2(token).header("Origin", "https://app.casecoding.test").get("/api/code-systems")
                .then().statusCode(200).header("Vary", containsString("Origin"));
        given().auth().oauth2(token).get("/api/me").then().statusCode(200).header("Vary", containsString("Origin"));
        given().header("Origin", "https://app.casecoding.test").header("Access-Control-Request-Method", "GET")
                .options("/api/code-systems").then().header("Vary", containsString("Origin"));
        given().get("/api/nowhere").then().statusCode(404).header("Vary", containsString("Origin"));
    }

    @Test
    void upstreamGetsTheClientBehindTheTrustedProxyNotWhatTheClientWrote() {
        // 127.0.0.1 is a trusted proxy in these tests: what it appended is the client, what the client wrote is not
        given().auth().oauth2(Accounts.freeToken()).header("X-Forwarded-For", "6.6.6.6, 198.51.100.77")
                .get("/api/echo/forwarded-for").then().statusCode(200);
        assertEquals("198.51.100.77",
                StubUpstream.get().lastHeaders.get("/api/echo/forwarded-for").getFirst("X-Forwarded-For"));
        given().auth().oauth2(Accounts.freeToken()).get("/api/echo/forwarded-for-direct").then().statusCode(200);
        assertEquals("127.0.0.1",
                StubUpstream.get().lastHeaders.get("/api/echo/forwarded-for-direct").getFirst("X-Forwarded-For"));
    }
}
