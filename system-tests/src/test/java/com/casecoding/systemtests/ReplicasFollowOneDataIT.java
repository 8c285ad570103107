package com.casecoding.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 27: two code-service replicas on one database agree. A text edited through the first gateway and
 * code-service is served by a second code-service (behind a second gateway) within seconds, though that replica had
 * the page in its cache: it follows the data generation in the database (release.DataGeneration, polled every
 * second here). A rate limit holds across both gateways: they add up their counts in the database
 * (gateway.rate-limit-scope=cluster, as in Kubernetes; proxy.SharedRateWindows).
 */
class ReplicasFollowOneDataIT {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    static Platform platform;
    static ServiceProcess codeB;
    static ServiceProcess gatewayB;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.get();
        codeB = platform.startCodeService("code-service-b", ServiceProcess.freePort());
        gatewayB = platform.startGateway("gateway-b", ServiceProcess.freePort(), codeB.url(),
                platform.careersService.url());
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess p : new ServiceProcess[]{gatewayB, codeB}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @Test
    void aTextEditedThroughOneReplicaIsServedByTheOther() throws Exception {
        String admin = Flows.adminToken(platform.gateway.url());
        String page = "/api/codes/icd10cm/I10";
        // replica B builds and caches the page first
        Flows.at(gatewayB.url(), admin).get(page).then().statusCode(200);

        String text = "High blood pressure with no other cause found (replica test " + UUID.randomUUID() + ").";
        Flows.at(platform.gateway.url(), admin).body(Map.of("text", text))
                .put(page + "/common-language").then().statusCode(200);

        long end = System.nanoTime() + WITHIN.toNanos();
        String served = null;
        while (System.nanoTime() < end) {
            served = Flows.at(gatewayB.url(), admin).get(page).then().statusCode(200).extract()
                    .path("sections.find { it.key == 'commonLanguage' }.content.text");
            if (text.equals(served)) {
                return;
            }
            Thread.sleep(250);
        }
        fail("replica B still serves '" + served + "' " + WITHIN.toSeconds() + " s after the edit on replica A");
    }

    @Test
    void theRateLimitHoldsAcrossBothGateways() throws Exception {
        // a guest may search 60 times a minute, on all replicas together (each alone would allow 60)
        int limit = 60;
        String guest = Flows.at(platform.gateway.url(), null).post("/api/auth/guest").then().statusCode(201).extract()
                .path("accessToken");
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 35_000) {
            // the requests below take about 16 s: keep them in one minute, where the expected count is exact
            Thread.sleep(60_000 - intoMinute + 200);
        }
        int allowed = 0;
        int refused = 0;
        for (int i = 0; i < limit + 10; i++) {
            String gateway = i % 2 == 0 ? platform.gateway.url() : gatewayB.url();
            var response = Flows.at(gateway, guest).get("/api/search?q=asthma").then().extract();
            if (response.statusCode() == 200) {
                allowed++;
                assertEquals(Integer.toString(limit), response.header("RateLimit-Limit"));
            } else {
                assertEquals(429, response.statusCode(), response.body().asString());
                assertEquals("application/problem+json", response.contentType().split(";")[0]);
                int wait = Integer.parseInt(response.header("Retry-After"));
                assertTrue(wait >= 1 && wait <= 120, "Retry-After " + wait);
                assertEquals("0", response.header("RateLimit-Remaining"));
                refused++;
            }
            Thread.sleep(200); // longer than two sync intervals of the test gateways (50 ms)
        }
        assertEquals(limit, allowed, "allowed over both gateways (refused " + refused + ")");
    }

    @Test
    void bothReplicasAnswerTheSameSearch() {
        String admin = Flows.adminToken(platform.gateway.url());
        String q = "/api/search?q=hypertension";
        String a = Flows.at(platform.gateway.url(), admin).get(q).then().statusCode(200).extract().path("total")
                .toString();
        String b = Flows.at(gatewayB.url(), admin).get(q).then().statusCode(200).extract().path("total").toString();
        assertEquals(a, b);
    }
}
