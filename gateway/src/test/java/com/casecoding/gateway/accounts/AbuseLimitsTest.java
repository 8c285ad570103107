package com.casecoding.gateway.accounts;

import com.casecoding.gateway.support.Accounts;
import com.casecoding.gateway.support.GatewayTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits per client address and per account, at a small size: the auth rate limit on the gateway's own endpoints,
 * bounded password hashing, login throttling per e-mail and address, per address and per e-mail, guest issuance, and
 * probing registrations. Clients at different addresses are played through X-Forwarded-For from the trusted 127.0.0.1,
 * as an Ingress controller sends them.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
@TestProfile(AbuseLimitsTest.SmallLimits.class)
class AbuseLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("gateway.rate-limits.auth.per-minute.anonymous", "8"),
                    Map.entry("gateway.guest.max-per-address", "3"),
                    Map.entry("gateway.login.free-failures", "3"),
                    Map.entry("gateway.login.address-free-failures", "5"),
                    Map.entry("gateway.login.account-free-failures", "4"),
                    Map.entry("gateway.login.base-delay", "60s"),
                    Map.entry("gateway.password.max-concurrent-hashes", "1"),
                    Map.entry("gateway.password.hash-queue-size", "0"));
        }
    }

    private static Response login(String address, String email, String password) {
        return Accounts.from(address).contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").when().post("/api/auth/login");
    }

    private static Response register(String address, String email) {
        return Accounts.from(address).contentType("application/json").body("{\"email\":\"" + email
                + "\",\"password\":\"" + Accounts.PASSWORD + "\",\"accountType\":\"coder\"}").post("/api/auth/register");
    }

    @Test
    void theAuthRateLimitAppliesToTheGatewaysOwnEndpoints() {
        String address = Accounts.uniqueAddress();
        for (int i = 0; i < 8; i++) {
            Accounts.from(address).contentType("application/json").body("{\"refreshToken\":\"x" + i + "\"}")
                    .post("/api/auth/refresh").then().statusCode(401);
        }
        Accounts.from(address).contentType("application/json").body("{\"refreshToken\":\"x\"}")
                .post("/api/auth/refresh").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://casecoding.com/problems/rate-limited"))
                .body("detail", containsString("8 auth requests per minute"));
        // the limit counts per address: another client is not affected
        Accounts.from(Accounts.uniqueAddress()).post("/api/auth/guest").then().statusCode(201);
    }

    @Test
    void concurrentHashesBeyondTheBoundAre503WithRetryAfter() throws Exception {
        int clients = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String address = "198.51.100." + (100 + i);
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return login(address, Accounts.uniqueEmail(), "Not-The-Password-1");
            }));
        }
        start.countDown();
        int refused = 0;
        for (CompletableFuture<Response> call : calls) {
            Response r = call.get();
            assertTrue(r.statusCode() == 401 || r.statusCode() == 503, r.statusCode() + " " + r.asString());
            if (r.statusCode() == 503) {
                refused++;
                assertEquals("application/problem+json", r.contentType());
                assertTrue(Integer.parseInt(r.header("Retry-After")) >= 1);
                assertTrue(r.jsonPath().getString("detail").contains("Try again in"), r.asString());
            }
        }
        assertTrue(refused >= 1, "one hash at a time and no queue: " + clients + " at once cannot all run");
    }

    @Test
    void anAttackerElsewhereCannotLockTheOwnerOut() {
        String email = Accounts.uniqueEmail();
        String home = Accounts.uniqueAddress();
        register(home, email).then().statusCode(201);
        String attacker = Accounts.uniqueAddress();
        for (int i = 0; i < 3; i++) {
            login(attacker, email, "Not-The-Password-1").then().statusCode(401);
        }
        login(attacker, email, "Not-The-Password-1").then().statusCode(429)
                .body("detail", containsString("from your address"));
        // behind the same Ingress, from the owner's own address: signed in at once
        login(home, email, Accounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void aBotnetGuessingOneAccountDoesNotHoldBackItsFamiliarNetwork() {
        String email = Accounts.uniqueEmail();
        String home = "198.51.100." + (1 + new java.util.Random().nextInt(50));
        register(home, email).then().statusCode(201);
        login(home, email, Accounts.PASSWORD).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            login("203.0.113." + (200 + i), email, "Not-The-Password-1").then().statusCode(401);
        }
        // the account has had its free failures from new places: a fifth new place waits, with the right password too
        login("203.0.113.240", email, Accounts.PASSWORD).then().statusCode(429)
                .body("detail", containsString("from new places"));
        // the owner's familiar network (the /24 it signed in from) is not held back
        login(home.substring(0, home.lastIndexOf('.')) + ".250", email, Accounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedDown() {
        String sprayer = Accounts.uniqueIpv6();
        for (int i = 0; i < 5; i++) {
            login(sprayer, Accounts.uniqueEmail(), "Summer2024!!").then().statusCode(401);
        }
        login(sprayer, Accounts.uniqueEmail(), "Summer2024!!").then().statusCode(429)
                .header("Retry-After", notNullValue()).body("detail", containsString("from your address"));
        // the next address in the same IPv6 /64 is the same client
        login(sprayer.substring(0, sprayer.lastIndexOf(':')) + ":beef", Accounts.uniqueEmail(), "x1234567890")
                .then().statusCode(429);
    }

    @Test
    void guestTokensAreLimitedPerAddress() {
        String address = Accounts.uniqueAddress();
        for (int i = 0; i < 3; i++) {
            Accounts.from(address).post("/api/auth/guest").then().statusCode(201);
        }
        Accounts.from(address).post("/api/auth/guest").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("detail", containsString("3 guest tokens"));
        Accounts.from(Accounts.uniqueIpv6()).post("/api/auth/guest").then().statusCode(201);
    }

    @Test
    void probingRegistrationsForTakenEmailsIsSlowedDown() {
        String taken = Accounts.uniqueEmail();
        register(Accounts.uniqueAddress(), taken).then().statusCode(201);
        String prober = Accounts.uniqueIpv6();
        for (int i = 0; i < 5; i++) {
            register(prober, taken).then().statusCode(409);
        }
        register(prober, taken).then().statusCode(429).header("Retry-After", notNullValue());
        register(prober, Accounts.uniqueEmail()).then().statusCode(429);
    }
}
