package com.casecoding.gateway.auth;

import com.casecoding.gateway.support.Accounts;
import com.casecoding.gateway.support.GatewayTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Tokens that stop working before they expire: a demoted admin, a changed plan, another replica's sign-out. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class RevocationTest {

    @Inject
    Revocations revocations;
    @Inject
    AgroalDataSource dataSource;

    private static Response roles(String admin, String id, String roles) {
        return given().auth().oauth2(admin).contentType("application/json").body("{\"roles\":" + roles + "}")
                .put("/api/admin/accounts/" + id + "/roles");
    }

    @Test
    void aDemotedAdminsTokenStopsWorkingAtOnce() {
        Response coder = Accounts.register(Accounts.uniqueEmail(), null);
        String id = coder.path("account.id");
        String root = Accounts.adminToken();
        roles(root, id, "[\"coder\",\"admin\"]").then().statusCode(200);
        String promoted = given().contentType("application/json")
                .body("{\"refreshToken\":\"" + coder.path("refreshToken") + "\"}").post("/api/auth/refresh")
                .then().statusCode(200).body("account.roles", hasItem("admin")).extract().path("accessToken");
        given().auth().oauth2(promoted).get("/api/admin/accounts?email=root.admin").then().statusCode(200);
        given().auth().oauth2(promoted).get("/api/admin/imports").then().statusCode(200);

        roles(root, id, "[\"coder\"]").then().statusCode(200);
        // the token still carries the admin role and has 15 minutes to live, yet it is refused on the gateway's own
        // admin endpoints and on the routed ones
        given().auth().oauth2(promoted).get("/api/admin/accounts?email=root.admin").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(promoted).get("/api/admin/imports").then().statusCode(401)
                .body("detail", containsString("older than a change to its account"));
        given().auth().oauth2(promoted).put("/api/admin/accounts/" + id + "/plan").then().statusCode(401);
    }

    @Test
    void aChangedPlanEndsTheOldTokensAndARefreshGivesTheNewPlan() {
        Response coder = Accounts.register(Accounts.uniqueEmail(), null);
        String token = coder.path("accessToken");
        given().auth().oauth2(Accounts.adminToken()).contentType("application/json").body("{\"plan\":\"pro\"}")
                .put("/api/admin/accounts/" + coder.path("account.id") + "/plan").then().statusCode(200);
        given().auth().oauth2(token).get("/api/codes/icd10cm/E11.9").then().statusCode(401);
        String fresh = given().contentType("application/json")
                .body("{\"refreshToken\":\"" + coder.path("refreshToken") + "\"}").post("/api/auth/refresh")
                .then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(fresh).get("/api/codes/icd10cm/E11.9").then().statusCode(200)
                .header("X-Views-Remaining", "unlimited");
    }

    @Test
    void aSignOutStoredByAnotherReplicaIsPickedUpByThePoll() throws Exception {
        Response coder = Accounts.register(Accounts.uniqueEmail(), null);
        String token = coder.path("accessToken");
        given().auth().oauth2(token).get("/api/code-systems").then().statusCode(200);
        Caller caller = Caller.of(new io.smallrye.jwt.auth.principal.DefaultJWTParser().parseOnly(token));
        // what another replica's sign-out writes
        try (Connection c = dataSource.getConnection(); PreparedStatement i = c.prepareStatement(
                "insert into token_revocation (account_id, session_id, expires_at) values (?, ?, ?)")) {
            i.setObject(1, UUID.fromString(caller.subject()));
            i.setObject(2, UUID.fromString(caller.session()));
            i.setTimestamp(3, Timestamp.from(Instant.now().plusSeconds(3600)));
            i.executeUpdate();
        }
        given().auth().oauth2(token).get("/api/code-systems").then().statusCode(200);
        revocations.poll();
        given().auth().oauth2(token).get("/api/code-systems").then().statusCode(401)
                .body("type", equalTo("https://casecoding.com/problems/unauthorized"));
        given().auth().oauth2(token).get("/api/me").then().statusCode(401);
    }

    @Test
    void aGuestCarriedOverIntoAnAccountLosesItsToken() {
        String guest = Accounts.guestToken();
        given().auth().oauth2(guest).get("/api/code-systems").then().statusCode(200);
        Accounts.register(Accounts.uniqueEmail(), guest).then().statusCode(201);
        given().auth().oauth2(guest).get("/api/code-systems").then().statusCode(401);
    }
}
