package com.casecoding.gateway.quota;

import com.casecoding.gateway.support.Accounts;
import com.casecoding.gateway.support.GatewayTestResource;
import com.casecoding.gateway.support.StubUpstream;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class ViewQuotaTest {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    URI base;

    private static Response view(String token, String system, String code) {
        return given().auth().oauth2(token).when().get("/api/codes/" + system + "/" + code);
    }

    @Test
    void guestGetsOneViewThenTheRegisterMessage() {
        String guest = Accounts.guestToken();
        view(guest, "icd10cm", "E11.9").then().statusCode(200).header("X-Views-Remaining", "0");
        // the same code typed another way is the same page, and free again this month
        view(guest, "icd10cm", "e119").then().statusCode(200).header("X-Views-Remaining", "0");
        view(guest, "icd10cm", "I10").then().statusCode(403).contentType("application/problem+json")
                .header("X-Views-Remaining", "0")
                .body("type", equalTo("https://casecoding.com/problems/quota-exceeded"))
                .body("detail", equalTo("Guest accounts are limited to 1 page view. Register a free account to get 5 more views."))
                .body("plan", equalTo("guest"))
                .body("views.plan", equalTo("guest")).body("views.limit", equalTo(1)).body("views.used", equalTo(1))
                .body("views.remaining", equalTo(0)).body("views.size()", equalTo(5))
                .body("views.message", equalTo("0 code page views remaining. Guest accounts are limited to 1 page view."
                        + " Register a free account to get 5 more views."));
    }

    @Test
    void theGrantStatesTheCallersMeterAfterTheViewForCodeServiceToShow() {
        String subject = UUID.randomUUID().toString();
        long now = System.currentTimeMillis() / 1000;
        var grants = com.casecoding.testing.TestKeys.get().viewGrants();
        view(Accounts.freeToken(), "hcpcs", "C1071").then().statusCode(200).header("X-Views-Remaining", "5");
        var meter = grants.verify(StubUpstream.get().lastHeaders.get("/api/codes/hcpcs/C1071").getFirst("X-View-Grant"),
                now).orElseThrow().meter();
        assertEquals(new com.casecoding.common.security.ViewGrants.Meter("free", 6, 1, 5, "5 code page views remaining."
                + " Free accounts are limited to 6 page views a month. Upgrade to Pro for unlimited code page views."),
                meter);
        view(TestTokens.pro(subject), "hcpcs", "C1072").then().statusCode(200);
        var unlimited = grants.verify(StubUpstream.get().lastHeaders.get("/api/codes/hcpcs/C1072").getFirst("X-View-Grant"),
                now).orElseThrow().meter();
        assertEquals("pro", unlimited.plan());
        org.junit.jupiter.api.Assertions.assertTrue(unlimited.unlimited() && unlimited.remaining() < 0, unlimited.toString());
        assertEquals("Unlimited code page views on your plan.", unlimited.message());
    }

    @Test
    void aPageRevalidatedFromTheCallersOwnCopyIsAViewLikeAnyOther() {
        String free = Accounts.freeToken();
        view(free, "hcpcs", "C1091").then().statusCode(200).header("X-Views-Remaining", "5");
        given().auth().oauth2(free).header("If-None-Match", "\"v1\"").when().get("/api/codes/hcpcs/C1092")
                .then().statusCode(304).header("ETag", "\"v1\"").header("X-Views-Remaining", "4");
        given().auth().oauth2(free).get("/api/me").then().body("codePageViews.used", equalTo(2));
    }

    @Test
    void unknownCodesAreNotCounted() {
        String guest = Accounts.guestToken();
        view(guest, "icd10cm", "Q99.999").then().statusCode(404).header("X-Views-Remaining", "1");
        view(guest, "icd10cm", "Z99.999").then().statusCode(404);
        given().auth().oauth2(guest).get("/api/me").then().body("codePageViews.used", equalTo(0));
        view(guest, "icd10cm", "I10").then().statusCode(200).header("X-Views-Remaining", "0");
    }

    @Test
    void theEditSectionsOfACodeCountAsAViewOfThatCode() {
        String guest = Accounts.guestToken();
        given().auth().oauth2(guest).when().get("/api/edits/hcpcs/C1042").then().statusCode(200)
                .header("X-Views-Remaining", "0");
        view(guest, "hcpcs", "c1042").then().statusCode(200).header("X-Views-Remaining", "0");
        view(guest, "icd10cm", "I10").then().statusCode(403);
    }

    @Test
    void impossibleCodesAre400() {
        view(Accounts.guestToken(), "icd10cm", "E11.9;drop table").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void codeServiceReceivesASignedViewGrantAndClientGrantsAreDropped() {
        String token = Accounts.freeToken();
        given().auth().oauth2(token).header("X-View-Grant", "forged").when().get("/api/codes/icd10cm/C71")
                .then().statusCode(200);
        String grant = StubUpstream.get().lastHeaders.get("/api/codes/icd10cm/C71").getFirst("X-View-Grant");
        org.junit.jupiter.api.Assertions.assertNotEquals("forged", grant);
        assertEquals(3, grant.split("\\.").length, "a JWS");
        given().auth().oauth2(token).header("X-View-Grant", "forged").when().get("/api/code-systems")
                .then().statusCode(200);
        assertEquals(null, StubUpstream.get().lastHeaders.get("/api/code-systems").getFirst("X-View-Grant"));
    }

    @Test
    void eachViewCarriesAGrantForItsAccountAndCodeThatCodeServiceCanVerify() {
        String subject = UUID.randomUUID().toString();
        String pro = TestTokens.pro(subject);
        view(pro, "hcpcs", "C1061").then().statusCode(200);
        String first = StubUpstream.get().lastHeaders.get("/api/codes/hcpcs/C1061").getFirst("X-View-Grant");
        long now = System.currentTimeMillis() / 1000;
        var grants = com.casecoding.testing.TestKeys.get().viewGrants();
        var claims = grants.verify(first, now).orElseThrow(() -> new AssertionError("not a valid grant: " + first));
        org.junit.jupiter.api.Assertions.assertTrue(claims.covers(subject, "hcpcs/C1061"), claims.toString());
        assertEquals(60, claims.expiresAt() - claims.issuedAt());
        java.util.Map<String, Object> payload = payload(first);
        assertEquals("casecoding-code-page", payload.get("aud"));

        view(pro, "hcpcs", "C1062").then().statusCode(200);
        String other = StubUpstream.get().lastHeaders.get("/api/codes/hcpcs/C1062").getFirst("X-View-Grant");
        org.junit.jupiter.api.Assertions.assertFalse(grants.verify(other, now).orElseThrow().covers(subject, "hcpcs/C1061"));
        String someoneElse = UUID.randomUUID().toString();
        view(TestTokens.pro(someoneElse), "hcpcs", "C1061").then().statusCode(200);
        var theirs = grants.verify(StubUpstream.get().lastHeaders.get("/api/codes/hcpcs/C1061").getFirst("X-View-Grant"),
                now).orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(theirs.covers(someoneElse, "hcpcs/C1061"));
        // an access token is no grant: RS256 under the token key, not the grant key
        org.junit.jupiter.api.Assertions.assertTrue(grants.verify(pro, now).isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> payload(String jws) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                    java.util.Base64.getUrlDecoder().decode(jws.split("\\.")[1]), java.util.Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void guestViewsCarryOverToTheFreeAccount() {
        String guest = Accounts.guestToken();
        view(guest, "icd10cm", "E11.9").then().statusCode(200);
        Response registered = Accounts.register(Accounts.uniqueEmail(), guest);
        registered.then().statusCode(201);
        String free = registered.path("accessToken");
        given().auth().oauth2(free).get("/api/me").then().statusCode(200)
                .body("codePageViews.used", equalTo(1))
                .body("codePageViews.limit", equalTo(6))
                .body("codePageViews.remaining", equalTo(5));
        // the code the guest saw stays free; five new ones are allowed, the sixth new one is not
        view(free, "icd10cm", "E119").then().statusCode(200).header("X-Views-Remaining", "5");
        for (int i = 1; i <= 5; i++) {
            view(free, "hcpcs", "C" + (1000 + i)).then().statusCode(200).header("X-Views-Remaining", Integer.toString(5 - i));
        }
        view(free, "hcpcs", "C1006").then().statusCode(403)
                .body("detail", containsString("Free accounts are limited to 6 page views a month"));
        // a guest token can be carried over once only
        Accounts.register(Accounts.uniqueEmail(), guest).then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("guestToken"));
    }

    @Test
    void proIsUnlimited() {
        String pro = TestTokens.pro(UUID.randomUUID().toString());
        for (int i = 0; i < 10; i++) {
            view(pro, "hcpcs", "C" + (1100 + i)).then().statusCode(200).header("X-Views-Remaining", "unlimited");
        }
    }

    @Test
    void concurrentViewsNeverExceedTheQuota() {
        String token = Accounts.freeToken();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/codes/hcpcs/C" + (1200 + i)))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        long ok = calls.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();
        long refused = calls.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 403).count();
        assertEquals(6, ok);
        assertEquals(114, refused);
        given().auth().oauth2(token).get("/api/me").then().body("codePageViews.used", equalTo(6))
                .body("codePageViews.remaining", equalTo(0));
    }

    @Test
    void meShowsThePeriod() {
        given().auth().oauth2(Accounts.freeToken()).get("/api/me").then().statusCode(200)
                .body("codePageViews.period", notNullValue())
                .body("codePageViews.used", equalTo(0))
                .body("codePageViews.remaining", equalTo(6));
    }

}
