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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = true)
class InboundMailTest {

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> mail) {
        return given().header(InboundMailResource.SECRET_HEADER, GreenMailResource.INBOUND_SECRET)
                .contentType("application/json").body(mail)
                .when().post("/api/consults/inbound").then();
    }

    @Test
    void theSharedSecretIsRequired() {
        Map<String, Object> mail = Map.of("sender", "a@example.test", "subject", "s", "text", "t");
        given().contentType("application/json").body(mail).when().post("/api/consults/inbound")
                .then().statusCode(401).contentType("application/problem+json");
        given().header(InboundMailResource.SECRET_HEADER, GreenMailResource.INBOUND_SECRET + "x")
                .contentType("application/json").body(mail).when().post("/api/consults/inbound")
                .then().statusCode(401);
        // an unauthenticated caller learns nothing about the body either
        given().header(InboundMailResource.SECRET_HEADER, "wrong").contentType("application/json")
                .body(Map.of("sender", "")).when().post("/api/consults/inbound")
                .then().statusCode(401);
        post(Map.of("sender", "", "text", "t")).statusCode(400).body("violations.field", hasItem("sender"));
        post(Map.of("sender", "not an address", "text", "t")).statusCode(400);
    }

    @Test
    void anUnknownSenderOnlyGetsOnePleaseRegisterReply() {
        String stranger = "stranger-" + UUID.randomUUID() + "@example.test";
        String subject = "Case " + UUID.randomUUID();
        post(Map.of("sender", "Some One <" + stranger + ">", "subject", subject, "text", "Denies fever."))
                .statusCode(202).body("outcome", equalTo("unknown-sender")).body("consultId", org.hamcrest.Matchers.nullValue());
        Mailbox.Mail reply = Mailbox.await(stranger, "Please register");
        assertTrue(reply.body().contains("register"), reply.body());
        assertTrue(!reply.body().contains("Denies fever"), reply.body());
        post(Map.of("sender", stranger, "subject", subject, "text", "again")).statusCode(202)
                .body("outcome", equalTo("unknown-sender"));
        // nothing of the mail was kept
        given().auth().oauth2(TestTokens.withRoles(UUID.randomUUID().toString(), "consultant"))
                .when().get("/api/consults/queue?status=new,claimed,waiting,answered,closed&limit=500")
                .then().statusCode(200).body("items.subject", not(hasItem(subject)));
        // robots never get a reply
        post(Map.of("sender", "MAILER-DAEMON@example.test", "subject", "Undelivered", "text", "x"))
                .statusCode(202).body("outcome", equalTo("unknown-sender"));
        assertEquals(1, Mailbox.count(stranger, "Please register"));
        assertEquals(0, Mailbox.to("mailer-daemon@example.test").size());
    }

    @Test
    void aKnownSenderOpensAConsultAndRepliesByMail() throws Exception {
        String sub = UUID.randomUUID().toString();
        String token = TestTokens.coder(sub);
        String email = sub + "@example.test";
        // a registered user becomes known by calling the consult endpoints once with their token
        given().auth().oauth2(token).when().get("/api/consults").then().statusCode(200);

        String subject = "Mailed case " + UUID.randomUUID();
        String id = post(Map.of("from", "Coder <" + email.toUpperCase() + ">", "subject", subject,
                "text", "Which code for a closed fracture of the left wrist?", "Attachments", List.of()))
                .statusCode(202).body("outcome", equalTo("consult-created")).extract().path("consultId");
        Mailbox.Mail received = Mailbox.await(email, "Received: " + subject);
        assertTrue(received.subject().contains(id));

        given().auth().oauth2(token).when().get("/api/consults/" + id)
                .then().statusCode(200)
                .body("source", equalTo("email"))
                .body("subject", equalTo(subject))
                .body("question", containsString("left wrist"))
                .body("draft.automated", equalTo(true));

        // a reply to the notification lands in the thread, without the quoted mail
        post(Map.of("sender", email, "subject", "Re: " + received.subject(),
                "text", "It was the distal radius.\n\nOn Thu, 26 Nov 2026 CaseConsultant wrote:\n> we have received"))
                .statusCode(202).body("outcome", equalTo("reply-added")).body("consultId", equalTo(id));
        given().auth().oauth2(token).when().get("/api/consults/" + id)
                .then().statusCode(200)
                .body("messages.body", equalTo(List.of("It was the distal radius.")))
                .body("messages.via", equalTo(List.of("email")));

        // someone else's consult id in the subject does not reach that thread: it opens a consult of the sender
        String otherSub = UUID.randomUUID().toString();
        String otherToken = TestTokens.coder(otherSub);
        given().auth().oauth2(otherToken).when().get("/api/consults").then().statusCode(200);
        post(Map.of("sender", otherSub + "@example.test", "subject", "Re: [CaseConsultant " + id + "] Received: x",
                "text", "intrusion")).statusCode(202).body("outcome", equalTo("consult-created"));
        given().auth().oauth2(token).when().get("/api/consults/" + id)
                .then().body("messages.body", not(hasItem("intrusion")));
    }
}
