package com.casecoding.codes.assistant;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class AssistantResourceTest {

    private static String body(String question) {
        return "{\"question\": \"" + question + "\"}";
    }

    @Test
    void answersWithMarkdownCitationsAndFollowUps() {
        given().auth().oauth2(TestTokens.pro(UUID.randomUUID().toString()))
                .contentType(ContentType.JSON).body(body("What is the difference between modifier 25 and 59?"))
                .when().post("/api/assistant/ask")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("answer", containsString("Modifier 25"))
                .body("citations.kind", hasItem("guideline"))
                .body("citations.ref", hasItem("guidelines/modifier-25-vs-59"))
                .body("followUps", notNullValue())
                .body("intent", equalTo("guideline"));
    }

    @Test
    void streamsServerSentEventsOnRequest() {
        String stream = given().auth().oauth2(TestTokens.pro(UUID.randomUUID().toString()))
                .contentType(ContentType.JSON).accept("text/event-stream").body(body("Explain E/M levels"))
                .when().post("/api/assistant/ask")
                .then().statusCode(200).contentType(containsString("text/event-stream"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(stream.startsWith("content-type:application/json\nevent:meta") || stream.contains("event:meta"), stream);
        org.junit.jupiter.api.Assertions.assertTrue(stream.contains("medical decision making"), stream);
        org.junit.jupiter.api.Assertions.assertTrue(stream.contains("guidelines/em-levels"), stream);
        org.junit.jupiter.api.Assertions.assertTrue(stream.indexOf("event:done") > stream.indexOf("event:citations"), stream);
    }

    @Test
    void needsAToken() {
        given().contentType(ContentType.JSON).body(body("What is E11.9?"))
                .when().post("/api/assistant/ask")
                .then().statusCode(401);
    }

    @Test
    void badInputIsProblemJson() {
        String token = TestTokens.pro(UUID.randomUUID().toString());
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body(""))
                .when().post("/api/assistant/ask")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("question"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body("x".repeat(20_000)))
                .when().post("/api/assistant/ask")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("question"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body("abc\\u0000\\u0007def"))
                .when().post("/api/assistant/ask")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("binary"));
        byte[] junk = new byte[512];
        new Random(7).nextBytes(junk);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(junk)
                .when().post("/api/assistant/ask")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/api/assistant/ask")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"question\": \"What is this?\", \"code\": {\"system\": \"klingon\", \"code\": \"E11.9\"}}")
                .when().post("/api/assistant/ask")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void guestsGetThreeQuestionsADayThen429() {
        String token = TestTokens.guest(UUID.randomUUID().toString());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body("Explain modifier 25"))
                    .when().post("/api/assistant/ask").then().statusCode(200);
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body("Explain modifier 25"))
                .when().post("/api/assistant/ask")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("limit", equalTo(3))
                .body("detail", containsString("Register a free account"));
        given().auth().oauth2(TestTokens.guest(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body(body("Explain modifier 25")).when().post("/api/assistant/ask").then().statusCode(200);
    }

    @Test
    void badQuestionsDoNotUseUpTheLimitAndProIsUnlimited() {
        String guest = TestTokens.guest(UUID.randomUUID().toString());
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(guest).contentType(ContentType.JSON).body(body(""))
                    .when().post("/api/assistant/ask").then().statusCode(400);
        }
        given().auth().oauth2(guest).contentType(ContentType.JSON).body(body("Explain modifier 59"))
                .when().post("/api/assistant/ask").then().statusCode(200);
        String pro = TestTokens.pro(UUID.randomUUID().toString());
        for (int i = 0; i < 25; i++) {
            given().auth().oauth2(pro).contentType(ContentType.JSON).body(body("Explain modifier 59"))
                    .when().post("/api/assistant/ask").then().statusCode(200);
        }
    }

    @Test
    void freeAccountsGetTwenty() {
        String free = TestTokens.coder(UUID.randomUUID().toString());
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(free).contentType(ContentType.JSON).body(body("Explain add-on codes"))
                    .when().post("/api/assistant/ask").then().statusCode(200);
        }
        given().auth().oauth2(free).contentType(ContentType.JSON).body(body("Explain add-on codes"))
                .when().post("/api/assistant/ask").then().statusCode(429).body("detail", containsString("Pro"));
    }
}
