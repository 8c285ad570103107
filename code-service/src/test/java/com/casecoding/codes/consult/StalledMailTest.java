package com.casecoding.codes.consult;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consult mail whose first attempt stalls at the SMTP server is sent again on a new connection. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(value = StallingSmtpResource.class, restrictToAnnotatedClass = true)
class StalledMailTest {

    @Test
    void aStalledAttemptIsTriedAgainAndTheMailArrivesOnce() throws InterruptedException {
        String stranger = "stalled-" + UUID.randomUUID() + "@example.test";
        // an unknown sender gets a "please register" mail: the simplest consult mail to trigger
        given().header(InboundMailResource.SECRET_HEADER, GreenMailResource.INBOUND_SECRET)
                .contentType("application/json")
                .body(Map.of("sender", stranger, "subject", "A case", "text", "Which code?"))
                .when().post("/api/consults/inbound").then().statusCode(202);

        long deadline = System.currentTimeMillis() + 15_000;
        while (!StallingSmtpResource.DELIVERED_TO.contains(stranger) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(StallingSmtpResource.DELIVERED_TO.contains(stranger),
                "the mail arrives after the stalled attempt; connections: " + StallingSmtpResource.CONNECTIONS.get());
        assertTrue(StallingSmtpResource.CONNECTIONS.get() >= 2, "the second attempt used a new connection");
        Thread.sleep(1_500); // a late duplicate would show up here
        assertEquals(1, StallingSmtpResource.DELIVERED_TO.stream().filter(stranger::equals).count());
    }
}
