package com.casecoding.gateway.accounts;

import com.casecoding.gateway.support.Accounts;
import com.casecoding.gateway.support.GatewayTestResource;
import com.casecoding.gateway.support.TestClock;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class AccountsTest {

    @Inject
    TestClock clock;

    private static Response post(String path, String body) {
        return given().contentType("application/json").body(body).when().post(path);
    }

    @Test
    void guestGetsAGuestToken() {
        String token = Accounts.guestToken();
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200)
                .body("account.plan", equalTo("guest"))
                .body("account.roles", hasItem("guest"))
                .body("codePageViews.limit", equalTo(1))
                .body("codePageViews.remaining", equalTo(1));
    }

    @Test
    void registerSignsInAsFreeCoder() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, null).then().statusCode(201)
                .body("tokenType", equalTo("Bearer"))
                .body("refreshToken", notNullValue())
                .body("account.email", equalTo(email))
                .body("account.plan", equalTo("free"))
                .body("account.roles", equalTo(List.of("coder")));
    }

    @Test
    void registerRefusesEveryBadField() {
        post("/api/auth/register", "{}").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("email", "password", "accountType"));
        post("/api/auth/register", "{\"email\":\"not-an-email\",\"password\":\"Lumbar-Puncture-62270\",\"accountType\":\"coder\"}")
                .then().statusCode(400).body("violations.field", hasItem("email"));
        post("/api/auth/register", "{\"email\":\"" + Accounts.uniqueEmail() + "\",\"password\":\"short1\",\"accountType\":\"coder\"}")
                .then().statusCode(400).body("violations.field", hasItem("password"))
                .body("detail", containsString("at least 10"));
        post("/api/auth/register", "{\"email\":\"" + Accounts.uniqueEmail() + "\",\"password\":\"password123\",\"accountType\":\"coder\"}")
                .then().statusCode(400).body("detail", containsString("commonly used"));
        post("/api/auth/register", "{\"email\":\"" + Accounts.uniqueEmail() + "\",\"password\":\"Lumbar-Puncture-62270\",\"accountType\":\"admin\"}")
                .then().statusCode(400).body("violations.field", hasItem("accountType"));
        post("/api/auth/register", "{\"email\":\"" + Accounts.uniqueEmail() + "\",\"password\":\"" + "x1".repeat(100) + "\",\"accountType\":\"coder\"}")
                .then().statusCode(400).body("violations.field", hasItem("password"));
        post("/api/auth/register", "[1,2]").then().statusCode(400).contentType("application/problem+json");
        post("/api/auth/register", "{\"email\": ").then().statusCode(400).contentType("application/problem+json");
        given().contentType("text/plain").body("hi").post("/api/auth/register").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aFieldNamedTwiceIsRefused() {
        // two parsers could keep different copies (the first e-mail checked, the second stored): refuse the body
        post("/api/auth/register", "{\"email\":\"" + Accounts.uniqueEmail() + "\",\"password\":\"" + Accounts.PASSWORD
                + "\",\"accountType\":\"coder\",\"accountType\":\"employer\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://casecoding.com/problems/malformed-body"))
                .body("violations.field", hasItem("accountType"))
                .body("detail", containsString("more than once"));
    }

    @Test
    void noBodyCanSetItsOwnRoleOrPlan() {
        String email = Accounts.uniqueEmail();
        post("/api/auth/register", "{\"email\":\"" + email + "\",\"password\":\"Lumbar-Puncture-62270\","
                + "\"accountType\":\"coder\",\"roles\":[\"admin\"],\"plan\":\"pro\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("roles"));
        post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Lumbar-Puncture-62270\"}")
                .then().statusCode(401);
    }

    @Test
    void duplicateEmailIsAConflict() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, null).then().statusCode(201);
        Accounts.register(email.toUpperCase(), null).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void loginAnswersTheSameForUnknownEmailAndWrongPassword() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, null).then().statusCode(201);
        Response wrongPassword = post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Not-The-Password-1\"}");
        Response unknownEmail = post("/api/auth/login", "{\"email\":\"" + Accounts.uniqueEmail() + "\",\"password\":\"Not-The-Password-1\"}");
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownEmail.statusCode());
        assertEquals(wrongPassword.jsonPath().getString("detail"), unknownEmail.jsonPath().getString("detail"));
        assertEquals(wrongPassword.jsonPath().getString("type"), unknownEmail.jsonPath().getString("type"));
        post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD + "\"}")
                .then().statusCode(200).body("account.email", equalTo(email));
    }

    @Test
    void repeatedFailuresAreThrottledThenReleased() {
        String email = Accounts.uniqueEmail();
        Accounts.register(email, null).then().statusCode(201);
        String wrong = "{\"email\":\"" + email + "\",\"password\":\"Not-The-Password-1\"}";
        for (int i = 0; i < 3; i++) {
            post("/api/auth/login", wrong).then().statusCode(401);
        }
        String right = "{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD + "\"}";
        Response throttled = post("/api/auth/login", right);
        assertEquals(429, throttled.statusCode(), "even the right password waits while throttled");
        assertTrue(Integer.parseInt(throttled.header("Retry-After")) >= 1);
        assertEquals("application/problem+json", throttled.contentType());
        // unknown e-mails are throttled the same way: no difference tells an attacker which accounts exist
        String ghost = "{\"email\":\"" + Accounts.uniqueEmail() + "\",\"password\":\"Not-The-Password-1\"}";
        for (int i = 0; i < 3; i++) {
            post("/api/auth/login", ghost).then().statusCode(401);
        }
        post("/api/auth/login", ghost).then().statusCode(429);
        try {
            clock.advance(Duration.ofMillis(2500));
            post("/api/auth/login", right).then().statusCode(200);
        } finally {
            clock.reset();
        }
    }

    private static Response refresh(String address, String refreshToken) {
        return Accounts.from(address).contentType("application/json")
                .body("{\"refreshToken\":\"" + refreshToken + "\"}").when().post("/api/auth/refresh");
    }

    @Test
    void refreshRotatesAndALateReuseEndsTheSignIn() {
        String address = Accounts.uniqueAddress();
        Response registered = Accounts.register(Accounts.uniqueEmail(), null);
        String first = registered.path("refreshToken");
        Response rotated = refresh(address, first);
        rotated.then().statusCode(200).body("accessToken", notNullValue());
        String second = rotated.path("refreshToken");
        String access = rotated.path("accessToken");
        assertNotEquals(first, second);
        try {
            clock.advance(Duration.ofSeconds(11));
            refresh(address, first).then().statusCode(401).contentType("application/problem+json");
        } finally {
            clock.reset();
        }
        // the replay ended the whole sign-in: the newer refresh token and the access tokens of the sign-in are dead
        refresh(address, second).then().statusCode(401);
        given().auth().oauth2(access).get("/api/me").then().statusCode(401);
    }

    @Test
    void aRotatedTokenReplayedFromAnotherAddressEndsTheSignInAtOnce() {
        String first = Accounts.register(Accounts.uniqueEmail(), null).path("refreshToken");
        String second = refresh("198.51.100.10", first).then().statusCode(200).extract().path("refreshToken");
        refresh("203.0.113.10", first).then().statusCode(401);
        refresh("198.51.100.10", second).then().statusCode(401);
    }

    @Test
    void twoTabsRefreshingTheSameTokenAtOnceBothStaySignedIn() throws Exception {
        String address = Accounts.uniqueAddress();
        String shared = Accounts.register(Accounts.uniqueEmail(), null).path("refreshToken");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> tabs = List.of(1, 2).stream().map(tab -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return refresh(address, shared);
        })).toList();
        start.countDown();
        for (CompletableFuture<Response> tab : tabs) {
            Response r = tab.get();
            assertEquals(200, r.statusCode(), r.asString());
            // each tab goes on refreshing with the token it got
            String next = refresh(address, r.path("refreshToken")).then().statusCode(200).extract().path("accessToken");
            given().auth().oauth2(next).get("/api/me").then().statusCode(200);
        }
        // the grace allows two more uses of a rotated token: a third is a replay and ends the sign-in
        refresh(address, shared).then().statusCode(200);
        refresh(address, shared).then().statusCode(401);
    }

    @Test
    void logoutEndsTheSignInItsRefreshAndItsAccessTokens() {
        Response registered = Accounts.register(Accounts.uniqueEmail(), null);
        String refresh = registered.path("refreshToken");
        String access = registered.path("accessToken");
        given().auth().oauth2(access).get("/api/me").then().statusCode(200);
        post("/api/auth/logout", "{\"refreshToken\":\"" + refresh + "\"}").then().statusCode(204);
        post("/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}").then().statusCode(401);
        // the access token of the ended sign-in stops working at once, on the gateway and through it
        given().auth().oauth2(access).get("/api/me").then().statusCode(401);
        given().auth().oauth2(access).get("/api/code-systems").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("signed out"));
        post("/api/auth/logout", "{\"refreshToken\":\"unknown\"}").then().statusCode(204);
        post("/api/auth/refresh", "{}").then().statusCode(400).body("violations.field", hasItem("refreshToken"));
    }

    @Test
    void onlyAnAdminChangesRolesAndPlans() {
        Response coder = Accounts.register(Accounts.uniqueEmail(), null);
        String id = coder.path("account.id");
        String coderToken = coder.path("accessToken");
        given().auth().oauth2(coderToken).contentType("application/json").body("{\"roles\":[\"admin\"]}")
                .put("/api/admin/accounts/" + id + "/roles").then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body("{\"plan\":\"pro\"}")
                .put("/api/admin/accounts/" + id + "/plan").then().statusCode(401);

        String admin = Accounts.adminToken();
        given().auth().oauth2(admin).contentType("application/json").body("{\"roles\":[\"coder\",\"consultant\"]}")
                .put("/api/admin/accounts/" + id + "/roles").then().statusCode(200)
                .body("roles", hasItems("coder", "consultant"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"plan\":\"pro\"}")
                .put("/api/admin/accounts/" + id + "/plan").then().statusCode(200).body("plan", equalTo("pro"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"plan\":\"platinum\"}")
                .put("/api/admin/accounts/" + id + "/plan").then().statusCode(400).body("violations.field", hasItem("plan"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"roles\":[\"guest\"]}")
                .put("/api/admin/accounts/" + id + "/roles").then().statusCode(400);
        given().auth().oauth2(admin).contentType("application/json").body("{\"plan\":\"pro\"}")
                .put("/api/admin/accounts/not-a-uuid/plan").then().statusCode(400);

        // the change reaches the account's next token
        String refreshed = post("/api/auth/refresh", "{\"refreshToken\":\"" + coder.path("refreshToken") + "\"}")
                .then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(refreshed).get("/api/me").then().statusCode(200)
                .body("account.plan", equalTo("pro"))
                .body("account.roles", hasItem("consultant"))
                .body("codePageViews.limit", equalTo(-1));
    }

    @Test
    void adminSearchNeverShowsPasswordHashes() {
        given().auth().oauth2(Accounts.adminToken()).when().get("/api/admin/accounts?email=root.admin")
                .then().statusCode(200).body("items[0].email", equalTo("root.admin@casecoding.test"))
                .body("total", equalTo(1)).body("next", org.hamcrest.Matchers.nullValue())
                .body(not(containsString("argon2")));
    }
}
