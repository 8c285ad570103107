package com.casecoding.codes.consult;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Object-level rules: own consults only, consultants for the queue, no e-mail or foreign case text anywhere. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = true)
class ConsultSecurityTest {

    static final String SECRET_CASE = "Confidential case: severe sepsis with acute kidney failure.";

    private static String submit(String token, String subject) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("subject", subject, "question", "What to code?", "caseText", SECRET_CASE))
                .when().post("/api/consults").then().statusCode(201).extract().path("id");
    }

    @Test
    void anonymousAndGuestsCannotSubmit() {
        given().contentType("application/json").body(Map.of("subject", "s", "question", "q"))
                .when().post("/api/consults")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.guest(UUID.randomUUID().toString())).contentType("application/json")
                .body(Map.of("subject", "s", "question", "q"))
                .when().post("/api/consults")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("register"));
        given().auth().oauth2(TestTokens.guest(UUID.randomUUID().toString()))
                .when().get("/api/consults").then().statusCode(403);
    }

    @Test
    void aUserSeesOnlyTheirOwnConsults() {
        String ownerSub = UUID.randomUUID().toString();
        String owner = TestTokens.coder(ownerSub);
        String other = TestTokens.pro(UUID.randomUUID().toString());
        String id = submit(owner, "Mine " + UUID.randomUUID());

        given().auth().oauth2(other).when().get("/api/consults/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body(not(containsString("sepsis")));
        given().auth().oauth2(other).contentType("application/json").body(Map.of("body", "hijack"))
                .when().post("/api/consults/" + id + "/messages").then().statusCode(404);
        given().auth().oauth2(other).when().post("/api/consults/" + id + "/close").then().statusCode(404);
        given().auth().oauth2(other).when().get("/api/consults")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(owner).when().get("/api/consults")
                .then().statusCode(200).body("items.id", hasItem(id));
        // the owner's thread was not touched by the other user
        given().auth().oauth2(owner).when().get("/api/consults/" + id)
                .then().statusCode(200).body("status", equalTo("new")).body("messages", equalTo(List.of()));
    }

    @Test
    void onlyConsultantsWorkTheQueue() {
        String owner = TestTokens.coder(UUID.randomUUID().toString());
        String id = submit(owner, "Queue " + UUID.randomUUID());
        for (String path : List.of("/api/consults/queue", "/api/consults/stats")) {
            given().auth().oauth2(owner).when().get(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(owner).when().post("/api/consults/" + id + "/claim").then().statusCode(403);
        given().auth().oauth2(owner).contentType("application/json").body(Map.of("body", "self-answer"))
                .when().post("/api/consults/" + id + "/answer").then().statusCode(403);
        given().when().get("/api/consults/queue").then().statusCode(401);
        // a consultant who sends a consult cannot answer it themselves
        String consultantSub = UUID.randomUUID().toString();
        String consultant = TestTokens.withRoles(consultantSub, "consultant");
        String own = submit(consultant, "Own " + UUID.randomUUID());
        given().auth().oauth2(consultant).when().post("/api/consults/" + own + "/claim").then().statusCode(409);
        given().auth().oauth2(consultant).contentType("application/json").body(Map.of("body", "self"))
                .when().post("/api/consults/" + own + "/answer").then().statusCode(409);
    }

    @Test
    void noEmailAddressOrForeignCaseTextLeaks() {
        String ownerSub = UUID.randomUUID().toString();
        String owner = TestTokens.coder(ownerSub);
        String ownerEmail = ownerSub + "@example.test";
        String subject = "Leak " + UUID.randomUUID();
        String id = submit(owner, subject);
        String consultantA = TestTokens.withRoles(UUID.randomUUID().toString(), "consultant");
        String consultantB = TestTokens.withRoles(UUID.randomUUID().toString(), "consultant");

        String queue = given().auth().oauth2(consultantA).when().get("/api/consults/queue?limit=500")
                .then().statusCode(200).body("items.id", hasItem(id)).extract().asString();
        assertFalse(queue.contains(ownerEmail) || queue.contains(ownerSub) || queue.contains("sepsis"), queue);

        String unclaimed = given().auth().oauth2(consultantA).when().get("/api/consults/" + id)
                .then().statusCode(200).body("caseText", nullValue()).body("draft", nullValue())
                .extract().asString();
        assertFalse(unclaimed.contains(ownerEmail) || unclaimed.contains(ownerSub) || unclaimed.contains("sepsis"),
                unclaimed);

        String claimed = given().auth().oauth2(consultantA).when().post("/api/consults/" + id + "/claim")
                .then().statusCode(200).body("caseText", equalTo(SECRET_CASE)).extract().asString();
        assertFalse(claimed.contains(ownerEmail) || claimed.contains(ownerSub), claimed);

        // another consultant: no case text, cannot take over, answer or close it
        given().auth().oauth2(consultantB).when().get("/api/consults/" + id)
                .then().statusCode(200).body("caseText", nullValue()).body("caseDetailsHidden", equalTo(true))
                .body(not(containsString("sepsis")));
        given().auth().oauth2(consultantB).when().post("/api/consults/" + id + "/claim").then().statusCode(409);
        given().auth().oauth2(consultantB).contentType("application/json").body(Map.of("body", "mine now"))
                .when().post("/api/consults/" + id + "/answer").then().statusCode(409);
        given().auth().oauth2(consultantB).when().post("/api/consults/" + id + "/close").then().statusCode(409);

        String owners = given().auth().oauth2(owner).when().get("/api/consults/" + id)
                .then().statusCode(200).body("claimed", equalTo(true)).extract().asString();
        assertFalse(owners.contains(ownerEmail), owners);
    }

    @Test
    void caseTextIsBoundedAndStoredAsPlainText() {
        String owner = TestTokens.coder(UUID.randomUUID().toString());
        given().auth().oauth2(owner).contentType("application/json")
                .body(Map.of("subject", "Big", "question", "q", "caseText", "x".repeat(20_001)))
                .when().post("/api/consults")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("caseText"));
        given().auth().oauth2(owner).contentType("application/json")
                .body(Map.of("subject", "Line\r\nBcc: someone@evil.test", "question", "q",
                        "caseText", "Gout\u0000 of the\u001b[31m toe\r\nSecond line"))
                .when().post("/api/consults")
                .then().statusCode(201)
                .body("subject", equalTo("Line Bcc: someone@evil.test"))
                .body("caseText", equalTo("Gout of the[31m toe\nSecond line"));
        given().auth().oauth2(owner).contentType("application/json")
                .body(Map.of("subject", "s", "question", "q", "ownerSub", "someone-else"))
                .when().post("/api/consults")
                .then().statusCode(400).body("violations.field", hasItem("ownerSub"));
        given().auth().oauth2(owner).contentType("application/json")
                .body(Map.of("subject", " ", "question", "q", "codes", List.of("E11.9", "<script>")))
                .when().post("/api/consults")
                .then().statusCode(400)
                .body("violations.field", hasItem("subject"))
                .body("violations.field", hasItem("codes"));
        given().auth().oauth2(owner).when().get("/api/consults/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(owner).when().get("/api/consults?status=bogus").then().statusCode(400)
                .body("violations.field", hasItem("status"));
    }

    @Test
    void everyEndpointIsInTheOpenApiSpec() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/consults"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/consults/{id}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/consults/{id}/messages"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/consults/{id}/close"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/consults/{id}/claim"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/consults/{id}/answer"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/consults/queue"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/consults/stats"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/consults/inbound"));
    }

    @Test
    void twoConsultantsClaimingAtOnceGetOneClaim() throws Exception {
        String id = submit(TestTokens.coder(UUID.randomUUID().toString()), "Race " + UUID.randomUUID());
        List<String> tokens = List.of(TestTokens.withRoles(UUID.randomUUID().toString(), "consultant"),
                TestTokens.withRoles(UUID.randomUUID().toString(), "consultant"),
                TestTokens.withRoles(UUID.randomUUID().toString(), "consultant"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(tokens.size());
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (String token : tokens) {
                results.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).when().post("/api/consults/" + id + "/claim")
                            .then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : results) {
                codes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes::toString);
            org.junit.jupiter.api.Assertions.assertEquals(2, codes.stream().filter(c -> c == 409).count(), codes::toString);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(tokens.get(0)).when().get("/api/consults/" + id)
                .then().body("history.to", equalTo(List.of("new", "claimed")));
    }
}
