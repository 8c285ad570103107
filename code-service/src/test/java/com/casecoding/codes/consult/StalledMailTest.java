package com.casecoding.codes.consult;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consult mail whose first attempt stalls at the SMTP server is sent again on a new connection. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(value = StallingSmtpResource.class, restrictToAnnotatedClass = true)
class StalledMailTest {

    private static String sendRegisterMail() {
        String stranger = "stalled-" + UUID.randomUUID() + "@example.test";
        // an unknown sender gets a "please register" mail: the simplest consult mail to trigger
        given().header(InboundMailResource.SECRET_HEADER, GreenMailResource.INBOUND_SECRET)
                .contentType("application/json")
                .body(Map.of("sender", stranger, "subject", "A case", "text", "Which code?"))
                .when().post("/api/consults/inbound").then().statusCode(202);
        return stranger;
    }

    private static void awaitDelivery(String to) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!StallingSmtpResource.DELIVERED_TO.contains(to) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void aStalledAttemptIsTriedAgainOnANewConnectionAndTheMailArrives() throws InterruptedException {
        String stranger = sendRegisterMail();
        awaitDelivery(stranger);
        assertTrue(StallingSmtpResource.DELIVERED_TO.contains(stranger),
                "the mail arrives after the stalled attempt; connections: " + StallingSmtpResource.CONNECTIONS.get());
        assertTrue(StallingSmtpResource.CONNECTIONS.get() >= 2, "the second attempt used a new connection");
    }

    /**
     * The stalled connection wakes up once the mail has been delivered on the second one: an attempt the mailer gave
     * up must not deliver it a second time. With the Quarkus mailer it did (the abandoned attempt went on when the
     * server answered); {@code SmtpTransport} closes a connection that stays silent for the attempt timeout.
     */
    @Test
    void theStalledAttemptDoesNotDeliverASecondTimeWhenTheServerWakesUp() throws InterruptedException {
        String stranger = sendRegisterMail();
        awaitDelivery(stranger);
        assertTrue(StallingSmtpResource.STALLED_ENDED.await(30, TimeUnit.SECONDS),
                "the stalled connection is closed by the mailer once it answers");
        assertEquals(1, StallingSmtpResource.DELIVERED_TO.stream().filter(stranger::equals).count(),
                "delivered once, not again on the stalled connection");
    }
}
