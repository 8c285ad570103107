package com.casecoding.gateway.auth;

import com.casecoding.gateway.support.GatewayTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestKeys;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Every kind of bad token is refused, at the gateway's own endpoints and on proxied routes alike. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class TokenMatrixTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static String valid() {
        return TestTokens.coder(UUID.randomUUID().toString());
    }

    private static void refused(String token) {
        given().auth().oauth2(token).when().get("/api/code-systems")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://casecoding.com/problems/unauthorized"));
        given().auth().oauth2(token).when().get("/api/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void validTokenPasses() {
        given().auth().oauth2(valid()).when().get("/api/code-systems").then().statusCode(200);
    }

    @Test
    void missingTokenOnAProtectedRouteIs401() {
        given().when().get("/api/code-systems").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expired() {
        String token = TestTokens.claims(UUID.randomUUID().toString(), "free", 6, "coder", Set.of("coder"))
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(600))
                .jws().keyId(TestKeys.KID).sign(TestKeys.get().privateKey());
        refused(token);
    }

    @Test
    void aTokenAcceptedOnceIsNotKeptPastItsExpiry() throws Exception {
        // expired 27 s ago: still inside the 30 s clock skew, so it passes now; the cache must not carry it further
        String token = TestTokens.claims(UUID.randomUUID().toString(), "free", 6, "coder", Set.of("coder"))
                .issuedAt(Instant.now().minusSeconds(900)).expiresAt(Instant.now().minusSeconds(27))
                .jws().keyId(TestKeys.KID).sign(TestKeys.get().privateKey());
        given().auth().oauth2(token).when().get("/api/code-systems").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/code-systems").then().statusCode(200);
        Thread.sleep(4_000);
        refused(token);
    }

    @Test
    void aValidTokenKeepsPassingAndALookAlikeDoesNot() {
        String token = valid();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/code-systems").then().statusCode(200);
        }
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String otherSignature = parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A')
                + parts[2].charAt(parts[2].length() - 1);
        refused(parts[0] + "." + parts[1] + "." + otherSignature);
        given().auth().oauth2(token).when().get("/api/code-systems").then().statusCode(200);
    }

    @Test
    void notYetValid() {
        long future = Instant.now().plusSeconds(3600).getEpochSecond();
        String token = TestTokens.claims(UUID.randomUUID().toString(), "free", 6, "coder", Set.of("coder"))
                .issuedAt(future).claim("nbf", future).expiresAt(future + 600)
                .jws().keyId(TestKeys.KID).sign(TestKeys.get().privateKey());
        refused(token);
    }

    @Test
    void wrongIssuer() {
        String token = Jwt.issuer("https://evil.example/auth").audience("casecoding-api")
                .subject(UUID.randomUUID().toString()).upn("x").groups(Set.of("admin")).claim("plan", "pro")
                .claim("token_use", "access").expiresIn(600)
                .jws().keyId(TestKeys.KID).sign(TestKeys.get().privateKey());
        refused(token);
    }

    @Test
    void wrongAudience() {
        String token = Jwt.issuer(TestTokens.ISSUER).audience("some-other-api")
                .subject(UUID.randomUUID().toString()).upn("x").groups(Set.of("coder")).claim("plan", "free")
                .claim("token_use", "access").expiresIn(600)
                .jws().keyId(TestKeys.KID).sign(TestKeys.get().privateKey());
        refused(token);
    }

    @Test
    void tamperedPayload() {
        String[] parts = valid().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"plan\":\"free\"", "\"plan\":\"pro\"").replace("\"view_quota\":6", "\"view_quota\":-1");
        refused(parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    void algNone() {
        String[] parts = valid().split("\\.");
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        refused(header + "." + parts[1] + ".");
    }

    @Test
    void hs256SignedWithThePublicKey() throws Exception {
        String[] parts = valid().split("\\.");
        String header = B64.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + TestKeys.KID + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + parts[1];
        for (byte[] secret : new byte[][]{TestKeys.get().pair.getPublic().getEncoded(),
                TestKeys.pem("PUBLIC KEY", TestKeys.get().pair.getPublic().getEncoded()).getBytes(StandardCharsets.US_ASCII)}) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            refused(signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    @Test
    void unknownKid() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = TestTokens.claims(UUID.randomUUID().toString(), "pro", -1, "coder", Set.of("admin"))
                .jws().keyId("rotated-out-key").sign(generator.generateKeyPair().getPrivate());
        refused(token);
        String sameKeyOtherKid = TestTokens.claims(UUID.randomUUID().toString(), "pro", -1, "coder", Set.of("admin"))
                .jws().keyId("no-such-kid").sign(generator.generateKeyPair().getPrivate());
        refused(sameKeyOtherKid);
    }

    @Test
    void garbageIsRefused() {
        refused("not-a-jwt");
        refused("a.b.c");
        refused("x".repeat(10_000));
    }

    @Test
    void jwksPublishesTheKeyWithItsKid() {
        given().when().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys", hasSize(1))
                .body("keys[0].kid", equalTo(TestKeys.KID))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].n", notNullValue())
                .body("keys[0].d", equalTo(null));
    }
}
