package com.casecoding.gateway.proxy;

import com.casecoding.gateway.support.Accounts;
import com.casecoding.gateway.support.GatewayTestResource;
import com.casecoding.gateway.support.StubUpstream;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a client sees of the upstreams: no internal address, TLS where configured, a bounded pool, timed exchanges. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class UpstreamsTest {

    /** The management interface's root ({@code http://localhost:<port>/q/}), with the metrics. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;


    @TestHTTPResource("/")
    URI base;

    @Test
    void aLocationOnTheUpstreamPointsAtTheGatewayInstead() {
        String token = Accounts.freeToken();
        given().auth().oauth2(token).redirects().follow(false).contentType("application/json").body("{}")
                .when().post("/api/echo/created")
                .then().statusCode(201)
                .header("Location", equalTo("/api/echo/things/42?view=full"))
                .header("Content-Location", equalTo("/api/echo/things/42"));
        // the link works on the gateway
        given().auth().oauth2(token).when().get("/api/echo/things/42?view=full").then().statusCode(200);
    }

    @Test
    void linksToOtherSitesAndRelativeOnesAreLeftAsTheyAreAndHopByHopHeadersStayBehind() {
        given().auth().oauth2(Accounts.freeToken()).redirects().follow(false)
                .when().get("/api/echo/elsewhere")
                .then().statusCode(303)
                .header("Location", equalTo("https://www.cms.gov/medicare/coding"))
                .header("Content-Location", equalTo("/api/echo/things/43"))
                .header("Keep-Alive", nullValue());
    }

    @Test
    void anHttpsUpstreamIsReachedOverTlsAndItsLocationsRewrittenToo() {
        given().auth().oauth2(Accounts.freeToken()).redirects().follow(false)
                .when().get("/api/secure/records")
                .then().statusCode(200)
                .body("tls", equalTo(true))
                .body("path", equalTo("/api/secure/records"))
                .header("Location", equalTo("/api/secure/moved"));
    }

    @Test
    void aRouteWhosePoolAndWaitQueueAreFullAnswers503AtOnce() throws Exception {
        String token = Accounts.freeToken();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/bulkhead/" + i + "/slow"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).GET().build();
            sent.add(System.nanoTime());
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            Thread.sleep(100); // in order: the first takes the one connection, the second waits
        }
        int quickRefusals = 0;
        for (int i = 0; i < calls.size(); i++) {
            HttpResponse<String> response = calls.get(i).join();
            long millis = (System.nanoTime() - sent.get(i)) / 1_000_000;
            assertEquals(503, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            if (response.body().contains("too many requests in progress")) {
                quickRefusals++;
                assertTrue(response.headers().firstValue("Retry-After").isPresent());
            }
        }
        // one request holds the connection (until the 3 s upstream timeout), one waits; the others are refused at once
        assertTrue(quickRefusals >= 2, quickRefusals + " refused for a full pool");
    }

    @Test
    void upstreamExchangesAreTimedByRouteStatusAndOutcome() {
        String token = Accounts.freeToken();
        given().auth().oauth2(token).when().get("/api/code-systems").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/codes/icd10cm/Q99.999").then().statusCode(404);
        given().when().get("/api/jobs").then().statusCode(503);
        String metrics = given().when().get(management + "metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("gateway_upstream_requests_seconds_count{outcome=\"answered\",route=\"codes\",status=\"200\"}"),
                "a 200 from code-service");
        assertTrue(metrics.contains("gateway_upstream_requests_seconds_count{outcome=\"answered\",route=\"codes\",status=\"404\"}"),
                "a 404 from code-service");
        assertTrue(metrics.contains("gateway_upstream_requests_seconds_count{outcome=\"failed\",route=\"careers\",status=\"none\"}"),
                "careers-service unreachable");
    }

    @Test
    void aWebSocketUpgradeIsNoWayPastTheFilters() throws Exception {
        // vertx-http-proxy tunnels upgrade requests before any interceptor by default: no token, no counted view
        String answer = raw("GET /api/codes/icd10cm/K219 HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\n"
                + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        String token = Accounts.freeToken();
        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(token).get("/api/codes/hcpcs/C" + (1500 + i)).then().statusCode(200);
        }
        answer = raw("GET /api/codes/icd10cm/K219 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 403"), "views used up: " + answer);
    }

    /** One request exactly as written; the answer's status line and headers. */
    private String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            StringBuilder head = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }
    }

    @Test
    void theServicesSeeTheGatewaysForwardedHeadersNotTheClients() {
        given().auth().oauth2(Accounts.freeToken()).header("X-Forwarded-For", "6.6.6.6").header("Forwarded", "for=6.6.6.6")
                .header("X-Real-IP", "6.6.6.6")
                .when().get("/api/echo/who").then().statusCode(200).body("method", equalTo("GET"));
        var forwarded = StubUpstream.get().lastHeaders.get("/api/echo/who");
        // the test resource trusts 127.0.0.1 as a proxy: the client is the address it names (ClientAddress), written
        // by the gateway itself; Forwarded and X-Real-IP are dropped
        assertEquals("6.6.6.6", forwarded.getFirst("X-Forwarded-For"));
        assertEquals(null, forwarded.getFirst("Forwarded"));
        assertEquals(null, forwarded.getFirst("X-Real-IP"));
        assertEquals("http", forwarded.getFirst("X-Forwarded-Proto"));
        given().auth().oauth2(Accounts.freeToken()).when().get("/api/echo/who")
                .then().header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
                .header("Date", containsString("GMT"));
    }
}
