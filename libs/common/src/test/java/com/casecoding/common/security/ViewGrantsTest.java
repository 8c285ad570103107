package com.casecoding.common.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HMAC view grant: what it states, and every way a forged, altered or stale one is refused. */
class ViewGrantsTest {

    private static final long NOW = 1_800_000_000L;
    private static final String SUB = "5f0c6a52-3b51-4c1e-9d8a-1f0e2b7c9a10";

    private static byte[] secret(int seed) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7);
        }
        return bytes;
    }

    private static final ViewGrants GATEWAY = new ViewGrants(ViewGrantKeys.of(Map.of("k1", secret(1)), "k1"));

    @Test
    void aGrantStatesTheAccountTheCodeAndItsLifetime() {
        String grant = GATEWAY.sign(SUB, "icd10cm/E119", NOW, 60);
        ViewGrants.Grant claims = GATEWAY.verify(grant, NOW + 30).orElseThrow();
        assertEquals(SUB, claims.subject());
        assertEquals("icd10cm/E119", claims.codeKey());
        assertEquals(NOW, claims.issuedAt());
        assertEquals(NOW + 60, claims.expiresAt());
        assertTrue(claims.covers(SUB, "icd10cm/E119"));
        assertTrue(!claims.covers(SUB, "icd10cm/I10") && !claims.covers("someone-else", "icd10cm/E119"));
        String header = new String(Base64.getUrlDecoder().decode(grant.split("\\.")[0]), StandardCharsets.US_ASCII);
        assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}", header);
    }

    @Test
    void aGrantMayStateTheCallersViewMeterAndOneWithoutItStillVerifies() {
        ViewGrants.Meter meter = new ViewGrants.Meter("guest", 1, 1, 0,
                "0 code page views remaining. Guest accounts are limited to 1 \"page\" view.");
        ViewGrants.Grant claims = GATEWAY.verify(GATEWAY.sign(SUB, "cpt/27447", NOW, 60, meter), NOW).orElseThrow();
        assertEquals(meter, claims.meter());
        ViewGrants.Meter unlimited = new ViewGrants.Meter("pro", -1, 12, -1, "Unlimited code page views on your plan.");
        assertEquals(unlimited, GATEWAY.verify(GATEWAY.sign(SUB, "cpt/27447", NOW, 60, unlimited), NOW).orElseThrow()
                .meter());
        assertTrue(unlimited.unlimited() && !meter.unlimited());
        assertEquals(null, GATEWAY.verify(GATEWAY.sign(SUB, "cpt/27447", NOW, 60), NOW).orElseThrow().meter(),
                "a grant from a gateway that sends no meter");
    }

    @Test
    void subjectsAndCodesWithCharactersJsonEscapesSurviveTheRoundTrip() {
        String odd = "a\"b\\c\u0001d\u00e9";
        assertEquals(odd, GATEWAY.verify(GATEWAY.sign(odd, "x/Y", NOW, 60), NOW).orElseThrow().subject());
    }

    @Test
    void anExpiredGrantOrOneFromTheFutureIsRefused() {
        String grant = GATEWAY.sign(SUB, "icd10cm/E119", NOW, 60);
        assertTrue(GATEWAY.verify(grant, NOW + 60 + ViewGrants.SKEW_SECONDS - 1).isPresent(), "inside the clock skew");
        assertTrue(GATEWAY.verify(grant, NOW + 60 + ViewGrants.SKEW_SECONDS).isEmpty(), "expired");
        assertTrue(GATEWAY.verify(grant, NOW - ViewGrants.SKEW_SECONDS - 1).isEmpty(), "issued in the future");
        assertThrows(IllegalArgumentException.class, () -> GATEWAY.sign(SUB, "icd10cm/E119", NOW, 3600));
    }

    @Test
    void aGrantUnderAnotherSecretOrAnAlteredOneIsRefused() {
        ViewGrants other = new ViewGrants(ViewGrantKeys.of(Map.of("k1", secret(2)), "k1"));
        assertTrue(GATEWAY.verify(other.sign(SUB, "icd10cm/E119", NOW, 60), NOW).isEmpty(), "same kid, other secret");

        String[] parts = GATEWAY.sign(SUB, "icd10cm/E119", NOW, 60).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("E119", "I10").getBytes(StandardCharsets.UTF_8));
        assertTrue(GATEWAY.verify(parts[0] + "." + altered + "." + parts[2], NOW).isEmpty(), "payload changed");
        assertTrue(GATEWAY.verify(parts[0] + "." + parts[1] + ".", NOW).isEmpty(), "no signature");
        assertTrue(GATEWAY.verify(parts[0] + "." + parts[1] + "." + parts[2] + "x", NOW).isEmpty(), "signature changed");
        assertTrue(GATEWAY.verify(parts[0] + "." + parts[1], NOW).isEmpty(), "two parts");
        assertTrue(GATEWAY.verify("", NOW).isEmpty());
        assertTrue(GATEWAY.verify(null, NOW).isEmpty());
    }

    @Test
    void onlyTheHeaderThisClassWritesIsAccepted() {
        String[] parts = GATEWAY.sign(SUB, "icd10cm/E119", NOW, 60).split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        for (String header : new String[]{"{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"k1\"}",
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}", "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k9\"}",
                "{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}"}) {
            String encoded = b64.encodeToString(header.getBytes(StandardCharsets.US_ASCII));
            assertTrue(GATEWAY.verify(encoded + "." + parts[1] + "." + parts[2], NOW).isEmpty(), header);
            assertTrue(GATEWAY.verify(encoded + "." + parts[1] + ".", NOW).isEmpty(), header + " unsigned");
        }
    }

    @Test
    void aGrantWithTheWrongAudienceOrMissingClaimsIsRefusedEvenWhenSigned() throws Exception {
        // signed with the right secret but stating something else: only possible for a holder of the secret, still refused
        byte[] key = secret(1);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = GATEWAY.sign(SUB, "x/Y", NOW, 60).split("\\.")[0];
        for (String claims : new String[]{"{\"aud\":\"casecoding-api\",\"sub\":\"s\",\"code\":\"c\",\"iat\":1,\"exp\":2}",
                "{\"sub\":\"s\",\"code\":\"c\",\"iat\":" + NOW + ",\"exp\":" + (NOW + 60) + "}",
                "{\"aud\":\"casecoding-code-page\",\"code\":\"c\",\"iat\":" + NOW + ",\"exp\":" + (NOW + 60) + "}",
                "{\"aud\":\"casecoding-code-page\",\"sub\":\"s\",\"code\":\"c\",\"iat\":" + NOW + ",\"exp\":\"later\"}",
                "{\"aud\":\"casecoding-code-page\",\"sub\":\"s\",\"code\":\"c\",\"iat\":" + NOW + ",\"exp\":" + (NOW + 3600) + "}",
                "{\"aud\":\"casecoding-code-page\",\"sub\":\"s\",\"code\":\"c\",\"iat\":" + NOW + ",\"exp\":" + (NOW + 60) + ",\"x\":1}",
                "{\"aud\":\"casecoding-code-page\",\"sub\":\"s\",\"code\":\"c\",\"iat\":-1,\"exp\":" + (NOW + 60) + "}",
                "[1,2]", "not json"}) {
            String input = header + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            String token = input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
            assertEquals(Optional.empty(), GATEWAY.verify(token, NOW + 1), claims);
        }
    }

    @Test
    void duringARotationGrantsOfBothKeysAreAcceptedAndTheActiveOneSigns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2026-01-01"), Base64.getEncoder().encodeToString(secret(1)) + "\n");
        Files.writeString(dir.resolve("2026-06-01"), Base64.getUrlEncoder().withoutPadding().encodeToString(secret(3)));
        Files.createDirectories(dir.resolve("..data"));
        ViewGrantKeys keys = ViewGrantKeys.load(dir, Optional.empty());
        assertEquals("2026-06-01", keys.activeKid(), "the newest key id signs");
        ViewGrants codeService = new ViewGrants(keys);
        ViewGrants oldGateway = new ViewGrants(ViewGrantKeys.of(Map.of("2026-01-01", secret(1)), "2026-01-01"));
        assertTrue(codeService.verify(oldGateway.sign(SUB, "hcpcs/J1885", NOW, 60), NOW).isPresent());
        String grant = codeService.sign(SUB, "hcpcs/J1885", NOW, 60);
        assertTrue(grant.startsWith(Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"2026-06-01\"}".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(oldGateway.verify(grant, NOW).isEmpty(), "a key the verifier does not hold");
        assertEquals("2026-01-01", ViewGrantKeys.load(dir, Optional.of("2026-01-01")).activeKid());
    }

    @Test
    void unusableKeysStopTheStartWithWhatToFix(@TempDir Path dir) throws Exception {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> ViewGrantKeys.load(dir.resolve("nowhere"), Optional.empty()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> ViewGrantKeys.load(dir, Optional.empty()), "empty folder");
        Files.writeString(dir.resolve("short"), Base64.getEncoder().encodeToString(new byte[16]));
        IllegalStateException tooShort = assertThrows(IllegalStateException.class,
                () -> ViewGrantKeys.load(dir, Optional.empty()));
        assertTrue(tooShort.getMessage().contains("at least 32"), tooShort.getMessage());
        Files.writeString(dir.resolve("short"), Base64.getEncoder().encodeToString(secret(4)));
        assertThrows(IllegalStateException.class, () -> ViewGrantKeys.load(dir, Optional.of("absent")));
        Files.writeString(dir.resolve("bad"), "not base64 !!!");
        assertThrows(IllegalStateException.class, () -> ViewGrantKeys.load(dir, Optional.empty()));
    }
}
