package com.casecoding.benchmarks;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportAndKeysTest {

    private static String b64(BigInteger v) {
        byte[] bytes = v.toByteArray();
        if (bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void jwksKeyBecomesTheSamePublicKeyInPem() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"x\"},{\"kty\":\"RSA\",\"kid\":\"k1\",\"n\":\"" + b64(pub.getModulus())
                + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"}]}";
        String pem = Jwks.rsaPublicKeyPem(jwks, "k1");
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        assertEquals(pub, KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
        assertThrows(IllegalArgumentException.class, () -> Jwks.rsaPublicKeyPem(jwks, "other"));
    }

    @Test
    void haproxyConfigChecksSignatureIssuerAudienceAndExpiry() {
        String cfg = Haproxy.config(9000, "/tmp/k.pem", "https://issuer", "aud-x", "127.0.0.1", 8081, 2);
        assertTrue(cfg.contains("jwt_verify(txn.jwt_alg,\"/tmp/k.pem\")"));
        assertTrue(cfg.contains("-m str https://issuer"));
        assertTrue(cfg.contains("-m sub aud-x"));
        assertTrue(cfg.contains("jwt_payload_query('$.exp','int')"));
        assertTrue(cfg.contains("server code 127.0.0.1:8081"));
        assertTrue(cfg.contains("bind 127.0.0.1:9000"));
    }

    @Test
    void costTableComparesGatewayWithDirectAndJudgesTheTarget() {
        List<LoadResult> results = List.of(
                new LoadResult("A (direct)", 300, 100, 0, Map.of(200, 100L), 300, 1000, 1500, 3000, 5000, ""),
                new LoadResult("A (gateway)", 300, 100, 0, Map.of(200, 100L), 300, 1800, 2500, 7000, 9000, ""),
                new LoadResult("A (HAProxy)", 300, 100, 0, Map.of(200, 100L), 300, 1200, 1700, 3500, 6000, ""),
                new LoadResult("B (direct)", 300, 100, 0, Map.of(200, 100L), 300, 1000, 1500, 3000, 5000, ""),
                new LoadResult("B (gateway)", 300, 100, 0, Map.of(200, 100L), 300, 2500, 2500, 3000, 5000, ""),
                LoadResult.notAvailable("C (direct)", 300, "not available"));
        String table = Report.costTable(results);
        assertTrue(table.contains("| A | gateway | +0.80 | +4.00 | met |"), table);
        assertTrue(table.contains("| A | HAProxy | +0.20 | +0.50 | (peer) |"), table);
        assertTrue(table.contains("| B | gateway | +1.50 | +0.00 | NOT met |"), table);
        assertTrue(!table.contains("| C |"), table);
        assertTrue(Report.row(results.get(5)).contains("not available"));
    }

    @Test
    void anOpenLoopRowThatFellBehindOrFailedIsOverloaded() {
        LoadResult kept = new LoadResult("kept", 1000, 30000, 0, Map.of(200, 30000L), 996, 900, 2000, 8000, 12000, "");
        LoadResult behind = new LoadResult("behind", 1000, 30000, 0, Map.of(200, 30000L), 700, 900, 2000, 8000, 12000, "");
        LoadResult failing = new LoadResult("failing", 1000, 30000, 600, Map.of(200, 29400L, -1, 600L), 1000, 900, 2000,
                8000, 12000, "");
        LoadResult closedLoop = new LoadResult("max", 0, 30000, 0, Map.of(200, 30000L), 700, 900, 2000, 8000, 12000, "");
        assertTrue(!kept.overloaded() && !closedLoop.overloaded());
        assertTrue(behind.overloaded() && failing.overloaded());
        assertTrue(Report.row(behind).contains("**overloaded**: 70 % of the target rate answered"), Report.row(behind));
        assertTrue(Report.row(failing).contains("2.0 % errors"), Report.row(failing));
        assertTrue(!Report.row(kept).contains("overloaded"));
        String cost = Report.costTable(List.of(
                new LoadResult("X (direct)", 1000, 30000, 0, Map.of(200, 30000L), 1000, 900, 2000, 8000, 12000, ""),
                new LoadResult("X (gateway)", 1000, 30000, 0, Map.of(200, 30000L), 700, 900, 2000, 8000, 12000, "")));
        assertTrue(cost.contains("| X | gateway | +0.00 | +0.00 | not judged (overloaded) |"), cost);
    }

    @Test
    void busyTableJudgesEachTargetAndSaysWhatWasNotMeasured() {
        List<LoadResult> results = List.of(
                new LoadResult("page", 1000, 30000, 0, Map.of(200, 30000L), 999, 900, 2000, 8000, 12000, ""),
                new LoadResult("suggest", 500, 15000, 0, Map.of(200, 15000L), 500, 900, 2000, 11000, 12000, ""),
                new LoadResult("search", 300, 9000, 0, Map.of(200, 9000L), 200, 900, 2000, 9000, 12000, ""),
                LoadResult.notAvailable("assistant", 10, "did not complete (overloaded or failed): timeout"));
        String table = Report.busyTable(results, List.of(new Report.BusyTarget("page", 1000, 10),
                new Report.BusyTarget("suggest", 500, 10), new Report.BusyTarget("search", 300, 20),
                new Report.BusyTarget("assistant", 10, 50), new Report.BusyTarget("jobs", 100, 20)));
        assertTrue(table.contains("| page | 1000 | 10 | 8.00 | met |"), table);
        assertTrue(table.contains("| suggest | 500 | 10 | 11.00 | NOT met |"), table);
        assertTrue(table.contains("| search | 300 | 20 | 9.00 | NOT met (overloaded: 67 % of the target rate answered) |"), table);
        assertTrue(table.contains("| assistant | 10 | 50 | – | not measured: did not complete (overloaded or failed): timeout |"), table);
        assertTrue(table.contains("| jobs | 100 | 20 | – | not measured |"), table);
    }

    @Test
    void openapiPathsAreFoundExactly() {
        String doc = "{\"paths\":{\"/api/search-history\":{},\"/api/codes/{system}/{code}\":{}}}";
        assertTrue(BenchmarkMain.documented(doc, "/api/codes/{system}/{code}"));
        assertTrue(!BenchmarkMain.documented(doc, "/api/search"));
    }
}
