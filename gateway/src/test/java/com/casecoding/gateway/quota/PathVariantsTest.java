package com.casecoding.gateway.quota;

import com.casecoding.gateway.support.Accounts;
import com.casecoding.gateway.support.GatewayTestResource;
import com.casecoding.gateway.support.StubUpstream;
import com.casecoding.gateway.quota.ViewQuotaService.Decision;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No spelling of a code page path is served without a counted view (the {@code /;} bypass), and a view given back
 * undoes only the reservation that counted it (the {@code ?version=NOPE} race).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class PathVariantsTest {

    /** Spellings of /api/codes/icd10cm/K219 that a lenient router would serve as that page. */
    static final String[] VARIANTS = {"/api/codes/icd10cm/K219/;", "/api/codes/icd10cm/K219;x=1",
            "/api/codes/icd10cm/K219/", "/api/codes/icd10cm/K219//", "//api/codes/icd10cm/K219",
            "/api/x/../codes/icd10cm/K219", "/api/./codes/icd10cm/K219", "/api/%63odes/icd10cm/K219",
            "/api/codes/icd10cm/K21%2E9", "/api/codes/icd10cm/K219%3B", "/api/codes%2Ficd10cm/K219",
            "/api/edits/icd10cm/K219/;", "/api/edits/icd10cm/K219;a", "/api/codes/icd10cm/K219%00"};

    @TestHTTPResource("/")
    URI base;

    @Inject
    ViewQuotaService quota;

    @Test
    void noVariantOfACodePagePathIsServedOnceTheViewsAreUsedUp() throws Exception {
        String token = Accounts.freeToken();
        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(token).get("/api/codes/hcpcs/C" + (1300 + i)).then().statusCode(200);
        }
        given().auth().oauth2(token).get("/api/codes/icd10cm/K219").then().statusCode(403);
        StubUpstream.get().lastHeaders.keySet().removeIf(p -> p.contains("K219") || p.contains("K21"));
        for (String variant : VARIANTS) {
            String answer = raw("GET", variant, token);
            assertTrue(answer.startsWith("HTTP/1.1 400"), variant + " -> " + firstLine(answer));
            assertTrue(answer.contains("application/problem+json"), variant);
        }
        assertTrue(StubUpstream.get().lastHeaders.keySet().stream().noneMatch(p -> p.contains("K21")),
                "no variant reached code-service: " + StubUpstream.get().lastHeaders.keySet());
    }

    @Test
    void headOfACodePageIsAViewLikeGet() throws Exception {
        String token = Accounts.freeToken();
        String answer = raw("HEAD", "/api/codes/hcpcs/C1400", token);
        assertTrue(answer.startsWith("HTTP/1.1 200"), firstLine(answer));
        assertTrue(answer.toLowerCase().contains("x-views-remaining: 5"), answer);
        given().auth().oauth2(token).get("/api/me").then().body("codePageViews.used", equalTo(1));
    }

    @Test
    void aGiveBackUndoesOnlyItsOwnReservation() throws Exception {
        UUID account = subject(Accounts.freeToken());
        // request A counts K and will be answered 404 (?version=NOPE); request B for K is served meanwhile
        Decision a = quota.reserve(account, "icd10cm/K219", 6);
        assertEquals(ViewQuotaService.Outcome.COUNTED, a.outcome());
        Decision b = quota.reserve(account, "icd10cm/K219", 6);
        assertEquals(ViewQuotaService.Outcome.ALREADY_SEEN, b.outcome());
        quota.release(account, a.period(), "icd10cm/K219", a.reservation());
        assertEquals(1, quota.usage(account, 6).used(), "B's page was served: the view stays counted");
        // a give-back with no request relying on the view meanwhile still works
        Decision c = quota.reserve(account, "icd10cm/E119", 6);
        quota.release(account, c.period(), "icd10cm/E119", c.reservation());
        assertEquals(1, quota.usage(account, 6).used());
        // and a reservation that is not the one that counted gives nothing back
        Decision d = quota.reserve(account, "icd10cm/I10", 6);
        quota.release(account, d.period(), "icd10cm/I10", UUID.randomUUID());
        assertEquals(2, quota.usage(account, 6).used());
        assertFalse(a.reservation().equals(d.reservation()));
    }

    private static UUID subject(String token) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return UUID.fromString(new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).get("sub").asText());
    }

    /** The request exactly as written (like curl --path-as-is); the answer's head. */
    private String raw(String method, String path, String token) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer "
                    + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            StringBuilder head = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }
    }

    private static String firstLine(String answer) {
        int nl = answer.indexOf('\n');
        return nl < 0 ? answer : answer.substring(0, nl);
    }
}
