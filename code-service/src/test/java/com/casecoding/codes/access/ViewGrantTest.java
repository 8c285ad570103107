package com.casecoding.codes.access;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** A valid access token alone does not open a code page: the gateway's view grant for that account and code is needed. */
@QuarkusTest
@TestProfile(ViewGrantTest.GrantsRequired.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class ViewGrantTest {

    public static class GrantsRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("code-page.require-view-grant", "true");
        }
    }

    @Test
    void directCallWithoutGrantIsRefused() {
        String sub = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.coder(sub)).when().get("/api/codes/icd10cm/E11.9")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("gateway"));
        given().when().get("/api/codes/icd10cm/E11.9").then().statusCode(403);
        given().auth().oauth2(TestTokens.coder(sub)).when().get("/api/edits/cpt/99213").then().statusCode(403);
    }

    @Test
    void grantForAnotherAccountOrCodeIsRefused() {
        String sub = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.coder(sub))
                .header("X-View-Grant", TestTokens.viewGrant(UUID.randomUUID().toString(), "icd10cm/E119"))
                .when().get("/api/codes/icd10cm/E11.9").then().statusCode(403);
        given().auth().oauth2(TestTokens.coder(sub))
                .header("X-View-Grant", TestTokens.viewGrant(sub, "icd10cm/I10"))
                .when().get("/api/codes/icd10cm/E11.9").then().statusCode(403);
        // an access token is not a grant
        given().auth().oauth2(TestTokens.coder(sub)).header("X-View-Grant", TestTokens.coder(sub))
                .when().get("/api/codes/icd10cm/E11.9").then().statusCode(403);
    }

    @Test
    void aGrantNotSignedWithTheSharedKeyIsRefused() {
        String sub = UUID.randomUUID().toString();
        // the RS256 grant of before (signed with the key that signs access tokens): no longer a grant
        String rs256 = io.smallrye.jwt.build.Jwt.issuer(TestTokens.ISSUER).audience("casecoding-code-page")
                .subject(sub).claim("code", "icd10cm/E119").expiresIn(60).jws().keyId(com.casecoding.testing.TestKeys.KID)
                .sign(com.casecoding.testing.TestKeys.get().privateKey());
        // an HMAC grant under a key of the token holder's choosing, with the test key's id
        byte[] guessed = new byte[32];
        String forged = new com.casecoding.common.security.ViewGrants(com.casecoding.common.security.ViewGrantKeys.of(
                Map.of(com.casecoding.testing.TestKeys.VIEW_GRANT_KID, guessed), com.casecoding.testing.TestKeys.VIEW_GRANT_KID))
                .sign(sub, "icd10cm/E119", System.currentTimeMillis() / 1000, 60);
        // a genuine grant that expired
        String expired = com.casecoding.testing.TestKeys.get().viewGrants()
                .sign(sub, "icd10cm/E119", System.currentTimeMillis() / 1000 - 120, 60);
        for (String grant : new String[]{rs256, forged, expired}) {
            given().auth().oauth2(TestTokens.coder(sub)).header("X-View-Grant", grant)
                    .when().get("/api/codes/icd10cm/E11.9").then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("invalid or expired"));
        }
    }

    @jakarta.inject.Inject
    VerifiedTokens verifiedTokens;

    @Test
    void aRememberedTokenIsUsedOnlyBeforeItsExpiry() throws Exception {
        String token = TestTokens.coder(UUID.randomUUID().toString());
        org.junit.jupiter.api.Assertions.assertTrue(verifiedTokens.remembered(token).isEmpty());
        long exp = verifiedTokens.verify(token).getExpirationTime();
        org.junit.jupiter.api.Assertions.assertTrue(verifiedTokens.remembered(token).isPresent());
        org.junit.jupiter.api.Assertions.assertTrue(verifiedTokens.remembered(token + "x").isEmpty(), "exact token only");
        java.time.Clock real = verifiedTokens.clock();
        try {
            verifiedTokens.useClock(java.time.Clock.fixed(java.time.Instant.ofEpochSecond(exp), java.time.ZoneOffset.UTC));
            org.junit.jupiter.api.Assertions.assertTrue(verifiedTokens.remembered(token).isEmpty(), "from exp on: not used");
        } finally {
            verifiedTokens.useClock(real);
        }
        // a tampered token is never remembered, and refused
        String tampered = token.substring(0, token.length() - 3) + "AAA";
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> verifiedTokens.verify(tampered));
        org.junit.jupiter.api.Assertions.assertTrue(verifiedTokens.remembered(tampered).isEmpty());
        given().auth().oauth2(tampered).when().get("/api/favorites").then().statusCode(401);
    }

    @Test
    void matchingGrantPassesWhateverWayTheCodeIsTyped() {
        String sub = UUID.randomUUID().toString();
        for (String typed : new String[]{"E11.9", "e119", "E119"}) {
            given().auth().oauth2(TestTokens.coder(sub))
                    .header("X-View-Grant", TestTokens.viewGrant(sub, "icd10cm/E119"))
                    .when().get("/api/codes/icd10cm/" + typed)
                    .then().statusCode(not(403));
        }
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @jakarta.inject.Inject
    com.casecoding.codes.imports.DemoData demoData;

    @Test
    void thePageShowsTheMeterTheGrantStatesAndNeverOneTheCallerSent() {
        // a day covered by the demo ICD-10-CM release
        com.casecoding.codes.release.TestClock.today(java.time.LocalDate.of(2025, 2, 15));
        com.casecoding.codes.imports.CodesTestData.reset(dataSource);
        org.junit.jupiter.api.Assertions.assertEquals(0, demoData.load().failed());
        String sub = UUID.randomUUID().toString();
        var meter = new com.casecoding.common.security.ViewGrants.Meter("free", 6, 2, 4,
                "4 code page views remaining. Free accounts are limited to 6 page views a month.");
        String grant = com.casecoding.testing.TestKeys.get().viewGrants()
                .sign(sub, "icd10cm/E119", System.currentTimeMillis() / 1000, 60, meter);
        for (int i = 0; i < 2; i++) {
            // the second answer comes from the page cache: the meter is still the caller's own
            given().auth().oauth2(TestTokens.coder(sub)).header("X-View-Grant", grant)
                    .header(ViewGrantFilter.METER_HEADER, "{\"plan\":\"forged\"}")
                    .when().get("/api/codes/icd10cm/E11.9")
                    .then().statusCode(200).body("code", org.hamcrest.Matchers.equalTo("E11.9"))
                    .body("views.plan", org.hamcrest.Matchers.equalTo("free"))
                    .body("views.limit", org.hamcrest.Matchers.equalTo(6))
                    .body("views.used", org.hamcrest.Matchers.equalTo(2))
                    .body("views.remaining", org.hamcrest.Matchers.equalTo(4))
                    .body("views.message", org.hamcrest.Matchers.startsWith("4 code page views remaining."));
        }
        var unlimited = new com.casecoding.common.security.ViewGrants.Meter("pro", -1, 0, -1,
                "Unlimited code page views on your plan.");
        given().auth().oauth2(TestTokens.pro(sub)).header("X-View-Grant", com.casecoding.testing.TestKeys.get()
                        .viewGrants().sign(sub, "icd10cm/E119", System.currentTimeMillis() / 1000, 60, unlimited))
                .when().get("/api/codes/icd10cm/E11.9")
                .then().statusCode(200).body("views.plan", org.hamcrest.Matchers.equalTo("pro"))
                .body("views.limit", org.hamcrest.Matchers.nullValue())
                .body("views.remaining", org.hamcrest.Matchers.nullValue());
        // a grant without a meter (a gateway that sends none): the page has no views, whatever the caller sent
        given().auth().oauth2(TestTokens.coder(sub)).header("X-View-Grant", TestTokens.viewGrant(sub, "icd10cm/E119"))
                .header(ViewGrantFilter.METER_HEADER, "{\"plan\":\"forged\"}")
                .when().get("/api/codes/icd10cm/E11.9")
                .then().statusCode(200).body("views", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void thePaymentAndEditsPageShowsTheMeterLikeTheCodePage() {
        String sub = UUID.randomUUID().toString();
        var meter = new com.casecoding.common.security.ViewGrants.Meter("free", 6, 3, 3,
                "3 code page views remaining. Free accounts are limited to 6 page views a month.");
        given().auth().oauth2(TestTokens.coder(sub)).header("X-View-Grant", com.casecoding.testing.TestKeys.get()
                        .viewGrants().sign(sub, "cpt/99213", System.currentTimeMillis() / 1000, 60, meter))
                .header(ViewGrantFilter.METER_HEADER, "{\"plan\":\"forged\"}")
                .when().get("/api/edits/cpt/99213")
                .then().statusCode(200).body("system", org.hamcrest.Matchers.equalTo("cpt"))
                .body("code", org.hamcrest.Matchers.equalTo("99213"))
                .body("sections", org.hamcrest.Matchers.notNullValue())
                .body("views.plan", org.hamcrest.Matchers.equalTo("free"))
                .body("views.used", org.hamcrest.Matchers.equalTo(3))
                .body("views.remaining", org.hamcrest.Matchers.equalTo(3))
                .body("views.message", org.hamcrest.Matchers.startsWith("3 code page views remaining."));
        given().auth().oauth2(TestTokens.coder(sub)).header("X-View-Grant", TestTokens.viewGrant(sub, "cpt/99213"))
                .header(ViewGrantFilter.METER_HEADER, "{\"plan\":\"forged\"}")
                .when().get("/api/edits/cpt/99213")
                .then().statusCode(200).body("views", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void otherEndpointsNeedNoGrant() {
        given().when().get("/api/code-systems").then().statusCode(200);
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI base;

    @Test
    void noSpellingOfACodePagePathIsServedWithoutAGrant() throws Exception {
        // curl --path-as-is localhost:8081/api/x/../codes/icd10cm/F329 answered 200 without a token
        String[] variants = {"/api/x/../codes/icd10cm/E119", "/api/%63odes/icd10cm/E119", "//api/codes/icd10cm/E119",
                "/api/codes/icd10cm/E119;x=1", "/api/codes/icd10cm/E119/;", "/api/codes/icd10cm/E119//",
                "/api/codes/icd10cm/E119/", "/api/edits/cpt/99213/;", "/api/codes/icd10cm/E11%2E9"};
        for (String variant : variants) {
            String status = rawStatus("GET", variant);
            org.junit.jupiter.api.Assertions.assertTrue(status.startsWith("HTTP/1.1 400")
                    || status.startsWith("HTTP/1.1 403"), variant + " -> " + status);
        }
        org.junit.jupiter.api.Assertions.assertTrue(rawStatus("HEAD", "/api/codes/icd10cm/E119").startsWith("HTTP/1.1 403"),
                "HEAD of a code page needs a grant like GET");
    }

    private String rawStatus(String method, String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1)).readLine();
        }
    }
}
