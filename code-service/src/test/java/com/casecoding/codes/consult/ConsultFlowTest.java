package com.casecoding.codes.consult;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole loop at code-service: submit, instant draft, consultant answers, mail, reply, close. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = true)
class ConsultFlowTest {

    static final String CASE_TEXT = "67-year-old female with osteoarthritis of the right knee and type 2 diabetes "
            + "mellitus. X-ray shows no fracture. Denies chest pain. Pneumonia was ruled out.";

    static Map<String, Object> submission(String subject) {
        return Map.of("subject", subject,
                "question", "Which code fits an injection of the right knee joint?",
                "caseText", CASE_TEXT,
                "codes", List.of("20610", "m17.11"));
    }

    @Test
    void theWholeLoop() {
        String coderSub = UUID.randomUUID().toString();
        String coder = TestTokens.coder(coderSub);
        String coderEmail = coderSub + "@example.test";
        String consultant = TestTokens.withRoles(UUID.randomUUID().toString(), "consultant");
        String subject = "Knee injection " + UUID.randomUUID();

        // submit: id, status and the instant draft at once
        ExtractableResponse<Response> created = given().auth().oauth2(coder).contentType("application/json")
                .body(submission(subject))
                .when().post("/api/consults")
                .then().statusCode(201)
                .header("Location", containsString("/api/consults/"))
                .body("status", equalTo("new"))
                .body("caseText", equalTo(CASE_TEXT))
                .body("consideredCodes", equalTo(List.of("20610", "M17.11")))
                .body("draft.automated", equalTo(true))
                .body("draft.notice", containsString("Automated"))
                .body("draft.answer", notNullValue())
                .body("draft.notSuggested.phrase", hasItems("fracture", "chest pain", "Pneumonia"))
                .body("draft.generator", equalTo(AssistantDraftWriter.GENERATOR))
                .body("draft.suggestions.phrase", not(hasItem("fracture")))
                .body("history.to", equalTo(List.of("new")))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(id));

        // the "received" mail: to the account's address, with the id, never the case text
        Mailbox.Mail received = Mailbox.await(coderEmail, "Received: " + subject);
        assertTrue(received.subject().contains(id));
        assertTrue(received.body().contains(id));
        assertFalse(received.body().contains("osteoarthritis"), received.body());
        assertFalse(received.body().contains("Denies"), received.body());

        // the consultant sees it in the queue with its age, but not its case text before claiming
        given().auth().oauth2(consultant).when().get("/api/consults/queue?status=new")
                .then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.ageSeconds", greaterThanOrEqualTo(0))
                .body("items.find { it.id == '" + id + "' }.claimed", equalTo(false));
        given().auth().oauth2(consultant).when().get("/api/consults/" + id)
                .then().statusCode(200)
                .body("question", notNullValue())
                .body("caseText", nullValue())
                .body("draft", nullValue())
                .body("caseDetailsHidden", equalTo(true));

        // claim, then the case text and draft are there to edit into the answer
        String draftAnswer = given().auth().oauth2(consultant).when().post("/api/consults/" + id + "/claim")
                .then().statusCode(200)
                .body("status", equalTo("claimed"))
                .body("claimedByYou", equalTo(true))
                .body("caseText", equalTo(CASE_TEXT))
                .extract().path("draft.answer");
        given().auth().oauth2(consultant).when().get("/api/consults/queue?status=claimed&mine=true")
                .then().statusCode(200).body("items.id", hasItem(id));

        given().auth().oauth2(consultant).contentType("application/json")
                .body(Map.of("body", "Edited: " + draftAnswer + "\nUse 20610 with modifier RT.", "fromDraft", true))
                .when().post("/api/consults/" + id + "/answer")
                .then().statusCode(200)
                .body("status", equalTo("answered"))
                .body("messages.author", equalTo(List.of("consultant")));

        Mailbox.Mail answered = Mailbox.await(coderEmail, "Answered: " + subject);
        assertTrue(answered.body().contains(id));
        assertTrue(answered.body().contains("has answered"), answered.body());
        assertFalse(answered.body().contains("osteoarthritis"), answered.body());

        // the user reads the answer and replies: back to the consultant who claimed it
        given().auth().oauth2(coder).when().get("/api/consults/" + id)
                .then().statusCode(200)
                .body("status", equalTo("answered"))
                .body("messages[0].body", containsString("modifier RT"))
                .body("messages[0].yours", equalTo(false));
        given().auth().oauth2(coder).contentType("application/json")
                .body(Map.of("body", "Thanks. Does the same apply to the left knee next week?"))
                .when().post("/api/consults/" + id + "/messages")
                .then().statusCode(200)
                .body("status", equalTo("claimed"))
                .body("messages.author", equalTo(List.of("consultant", "user")));

        // the consultant asks for more information (waiting), the user answers, the consultant answers and closes
        given().auth().oauth2(consultant).contentType("application/json")
                .body(Map.of("body", "Is it a separate encounter?", "waitForUser", true))
                .when().post("/api/consults/" + id + "/answer")
                .then().statusCode(200).body("status", equalTo("waiting"));
        Mailbox.Mail waiting = Mailbox.await(coderEmail, "More information needed: " + subject);
        assertTrue(waiting.body().contains("needs more information"), waiting.body());
        given().auth().oauth2(coder).contentType("application/json").body(Map.of("body", "Yes, a separate visit."))
                .when().post("/api/consults/" + id + "/messages")
                .then().statusCode(200).body("status", equalTo("claimed"));
        given().auth().oauth2(consultant).contentType("application/json")
                .body(Map.of("body", "Then code it again with LT."))
                .when().post("/api/consults/" + id + "/answer")
                .then().statusCode(200).body("status", equalTo("answered"));
        given().auth().oauth2(consultant).when().post("/api/consults/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("closed"));

        // the history has every step with timestamps; a closed consult takes no more replies
        given().auth().oauth2(coder).when().get("/api/consults/" + id)
                .then().statusCode(200)
                .body("status", equalTo("closed"))
                .body("history.to", equalTo(List.of("new", "claimed", "answered", "claimed", "waiting", "claimed",
                        "answered", "closed")))
                .body("history.by", equalTo(List.of("user", "consultant", "consultant", "user", "consultant",
                        "user", "consultant", "consultant")))
                .body("history.at", not(hasItem(nullValue())));
        given().auth().oauth2(coder).contentType("application/json").body(Map.of("body", "One more thing"))
                .when().post("/api/consults/" + id + "/messages")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(coder).when().get("/api/consults?status=closed")
                .then().statusCode(200).body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.messageCount", equalTo(5));

        // response times are reported from the history
        given().auth().oauth2(consultant).when().get("/api/consults/stats?days=1")
                .then().statusCode(200)
                .body("submitted", greaterThanOrEqualTo(1))
                .body("firstResponse.count", greaterThanOrEqualTo(1))
                .body("firstResponse.medianSeconds", greaterThanOrEqualTo(0f))
                .body("resolution.count", greaterThanOrEqualTo(1));
        assertEquals(1, Mailbox.count(coderEmail, "Received: " + subject));
    }

    @Test
    void answeringAnUnclaimedConsultClaimsIt() {
        String coder = TestTokens.coder(UUID.randomUUID().toString());
        String consultantSub = UUID.randomUUID().toString();
        String consultant = TestTokens.withRoles(consultantSub, "consultant");
        String id = given().auth().oauth2(coder).contentType("application/json")
                .body(Map.of("subject", "Quick one", "question", "Is E11.9 billable?"))
                .when().post("/api/consults").then().statusCode(201)
                .body("caseText", nullValue())
                .body("draft.suggestions", equalTo(List.of()))
                .extract().path("id");
        given().auth().oauth2(consultant).contentType("application/json").body(Map.of("body", "Yes."))
                .when().post("/api/consults/" + id + "/answer")
                .then().statusCode(200)
                .body("status", equalTo("answered"))
                .body("claimedByYou", equalTo(true))
                .body("history.to", equalTo(List.of("new", "answered")));
        // the owner may close too
        given().auth().oauth2(coder).when().post("/api/consults/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("closed"))
                .body("history[-1].by", equalTo("user"));
        given().auth().oauth2(coder).when().post("/api/consults/" + id + "/close")
                .then().statusCode(409);
    }
}
