package com.casecoding.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three packaged services on one embedded PostgreSQL: routing, errors from each service, a stopped upstream. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingIT {

    static Platform platform;
    static String gateway;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.get();
        gateway = platform.gateway.url();
    }

    @Test
    @Order(1)
    void gatewayIsReadyAndPublishesItsKeys() throws Exception {
        assertEquals(200, Http.get(platform.gateway.managementUrl() + "/q/health/ready", null).statusCode());
        // health and metrics are not on the public port
        assertEquals(404, Http.get(gateway + "/q/health/ready", null).statusCode());
        assertEquals(404, Http.get(gateway + "/q/metrics", null).statusCode());
        HttpResponse<String> jwks = Http.get(gateway + "/.well-known/jwks.json", null);
        assertEquals(200, jwks.statusCode());
        assertTrue(jwks.body().contains("\"kid\":\"system-test-key\""));
    }

    @Test
    @Order(2)
    void routesToCodeServiceWhichVerifiesTheGatewaysToken() throws Exception {
        HttpResponse<String> r = Http.get(gateway + "/api/code-systems", Http.guestToken(gateway));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"icd10cm\""));
    }

    @Test
    @Order(3)
    void routesToCareersService() throws Exception {
        HttpResponse<String> r = Http.get(gateway + "/api/jobs", null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"total\""));
    }

    @Test
    @Order(4)
    void problemJsonFromCodeServiceComesThroughWithTheRequestId() throws Exception {
        HttpResponse<String> r = Http.send("DELETE", gateway + "/api/code-systems", Http.guestToken(gateway), null,
                "system-test-405");
        assertEquals(405, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("\"requestId\":\"system-test-405\""), r.body());
        assertEquals("system-test-405", r.headers().firstValue("X-Request-Id").orElse(""));
    }

    @Test
    @Order(5)
    void problemJsonFromCareersServiceComesThrough() throws Exception {
        HttpResponse<String> r = Http.send("POST", gateway + "/api/jobs", null, "{\"title\": ", "system-test-400");
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("\"requestId\":\"system-test-400\""), r.body());
    }

    @Test
    @Order(6)
    void problemJsonFromTheGatewayItself() throws Exception {
        HttpResponse<String> r = Http.get(gateway + "/api/no-such-thing", null);
        assertEquals(404, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> noToken = Http.get(gateway + "/api/code-systems", null);
        assertEquals(401, noToken.statusCode());
        assertEquals("application/problem+json", noToken.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    @Order(7)
    void codePagesNeedTheGatewayEvenWithAValidToken() throws Exception {
        String token = Http.guestToken(gateway);
        HttpResponse<String> direct = Http.get(platform.codeService.url() + "/api/codes/icd10cm/E11.9", token);
        assertEquals(403, direct.statusCode(), direct.body());
        HttpResponse<String> viaGateway = Http.get(gateway + "/api/codes/icd10cm/E11.9", token);
        assertNotEquals(403, viaGateway.statusCode(), viaGateway.body());
        assertNotEquals(401, viaGateway.statusCode(), viaGateway.body());
    }

    @Test
    @Order(100)
    void aStoppedUpstreamGivesA503ProblemWithinSeconds() throws Exception {
        platform.careersService.close();
        long start = System.nanoTime();
        HttpResponse<String> r = Http.get(gateway + "/api/jobs", null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(millis < 5000, "answered in " + millis + " ms");
        // the other upstream is unaffected, and the stopped one serves again once it is back
        assertEquals(200, Http.get(gateway + "/api/code-systems", Http.guestToken(gateway)).statusCode());
        platform.restartCareers();
        assertEquals(200, Http.get(gateway + "/api/jobs", null).statusCode());
    }
}
