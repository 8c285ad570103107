package com.casecoding.gateway.accounts;

import com.casecoding.gateway.auth.TokenAdmission;
import com.casecoding.gateway.support.Accounts;
import com.casecoding.gateway.support.GatewayTestResource;
import com.casecoding.gateway.support.TestClock;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A guest token works from its own network only, and guests nobody can use any more are deleted. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class GuestTokensTest {

    @Inject
    GuestPurge purge;
    @Inject
    TestClock clock;

    private static Response guest(String address) {
        return Accounts.from(address).when().post("/api/auth/guest");
    }

    @Test
    void aGuestTokenWorksOnlyFromTheNetworkItWasIssuedTo() {
        String token = guest("198.51.100.7").then().statusCode(201).extract().path("accessToken");
        // the same /24: a phone that got another address from the same network
        Accounts.from("198.51.100.200").auth().oauth2(token).get("/api/code-systems").then().statusCode(200);
        Accounts.from("198.51.100.200").auth().oauth2(token).get("/api/me").then().statusCode(200);
        // anywhere else the token is refused: minted guests cannot be handed out to other clients
        Accounts.from("203.0.113.5").auth().oauth2(token).get("/api/code-systems").then().statusCode(401)
                .contentType("application/problem+json").body("detail", equalTo(TokenAdmission.GUEST_ELSEWHERE));
        Accounts.from("203.0.113.5").auth().oauth2(token).get("/api/me").then().statusCode(401);
        Accounts.from("203.0.113.5").auth().oauth2(token).get("/api/codes/icd10cm/E11.9").then().statusCode(401);
    }

    @Test
    void anIpv6GuestIsBoundToItsSlash48() {
        String address = Accounts.uniqueIpv6();
        String token = guest(address).then().statusCode(201).extract().path("accessToken");
        String sameSite = address.replace(":1::", ":2::");
        Accounts.from(sameSite).auth().oauth2(token).get("/api/code-systems").then().statusCode(200);
        Accounts.from("2001:db8:ffff::1").auth().oauth2(token).get("/api/code-systems").then().statusCode(401);
    }

    @Test
    void aGuestRefreshesOnlyFromItsNetwork() {
        String refresh = guest("198.51.100.44").then().statusCode(201).extract().path("refreshToken");
        Accounts.from("203.0.113.44").contentType("application/json").body("{\"refreshToken\":\"" + refresh + "\"}")
                .post("/api/auth/refresh").then().statusCode(401);
        Accounts.from("198.51.100.45").contentType("application/json").body("{\"refreshToken\":\"" + refresh + "\"}")
                .post("/api/auth/refresh").then().statusCode(200);
    }

    @Test
    void guestsWhoseTokensHaveAllExpiredArePurged() throws Exception {
        String address = Accounts.uniqueAddress();
        Response old = guest(address);
        String oldToken = old.path("accessToken");
        // a code page view stores rows that reference the guest
        Accounts.from(address).auth().oauth2(oldToken).get("/api/codes/icd10cm/E11.9").then().statusCode(200);
        Response merged = guest(Accounts.uniqueAddress());
        String registered = Accounts.register(Accounts.uniqueEmail(), merged.path("accessToken"))
                .then().statusCode(201).extract().path("account.id");
        UUID oldId = UUID.fromString(old.path("account.id"));
        UUID mergedId = UUID.fromString(merged.path("account.id"));
        try {
            // 24 hours on, the guests' access tokens have expired but their refresh tokens have not
            clock.advance(Duration.ofHours(25));
            purge.purge();
            assertNotNull(find(oldId), "a guest that can still refresh is kept");
            assertNull(find(mergedId), "a carried-over guest whose tokens expired is deleted");
            // a month on, nothing of the old guest can be used any more
            clock.advance(Duration.ofDays(30));
            Response fresh = guest(Accounts.uniqueAddress());
            assertTrue(purge.purge() >= 1);
            assertNull(find(oldId));
            assertNotNull(find(UUID.fromString(fresh.path("account.id"))), "a new guest stays");
            assertNotNull(find(UUID.fromString(registered)), "registered accounts are never purged");
        } finally {
            clock.reset();
        }
        assertEquals(0, purge.purge(), "nothing left to purge");
    }

    private static Account find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findById(id));
    }
}
