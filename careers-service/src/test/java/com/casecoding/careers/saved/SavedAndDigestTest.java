package com.casecoding.careers.saved;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.casecoding.careers.CareersFixtures.bearer;
import static com.casecoding.careers.CareersFixtures.coder;
import static com.casecoding.careers.CareersFixtures.createJob;
import static com.casecoding.careers.CareersFixtures.employerWithProfile;
import static com.casecoding.careers.CareersFixtures.job;
import static com.casecoding.careers.CareersFixtures.newId;
import static com.casecoding.careers.CareersFixtures.publishedJob;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class SavedAndDigestTest {

    @Inject
    MockMailbox mailbox;
    @Inject
    DigestService digests;

    @Test
    void savedJobsBelongToTheirCoder() {
        String employer = employerWithProfile("Saved Clinic");
        long open = publishedJob(employer, job("Saved coder"));
        long draft = createJob(employer, job("Unsaved draft"));
        String coder = coder(newId());
        String other = coder(newId());
        given().header("Authorization", bearer(coder)).when().put("/api/careers/me/saved-jobs/" + open).then().statusCode(204);
        given().header("Authorization", bearer(coder)).when().put("/api/careers/me/saved-jobs/" + open).then().statusCode(204);
        given().header("Authorization", bearer(coder)).when().put("/api/careers/me/saved-jobs/" + draft).then().statusCode(404);
        given().header("Authorization", bearer(coder)).when().get("/api/careers/me/saved-jobs")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("total", equalTo(1))
                .body("items[0].postingId", equalTo((int) open))
                .body("items[0].open", equalTo(true)).body("items[0].job.title", equalTo("Saved coder"));
        given().header("Authorization", bearer(other)).when().get("/api/careers/me/saved-jobs")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(0));
        given().header("Authorization", bearer(employer)).when().post("/api/careers/employer/jobs/" + open + "/close")
                .then().statusCode(200);
        given().header("Authorization", bearer(coder)).when().get("/api/careers/me/saved-jobs")
                .then().statusCode(200).body("items[0].open", equalTo(false)).body("items[0].job", equalTo(null));
        given().header("Authorization", bearer(coder)).when().delete("/api/careers/me/saved-jobs/" + open).then().statusCode(204);
        given().header("Authorization", bearer(coder)).when().get("/api/careers/me/saved-jobs")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(0));
    }

    @Test
    void savedSearchesAreValidatedAndPrivate() {
        String coder = coder(newId());
        String other = coder(newId());
        given().header("Authorization", bearer(coder)).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad", "criteria", Map.of("credential", List.of("WIZARD"))))
                .when().post("/api/careers/me/saved-searches")
                .then().statusCode(400).body("violations.field", hasItem("credential"));
        given().header("Authorization", bearer(coder)).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad", "criteria", Map.of("workplace", List.of("moon"))))
                .when().post("/api/careers/me/saved-searches")
                .then().statusCode(400);
        given().header("Authorization", bearer(coder)).contentType(ContentType.JSON)
                .body(Map.of("name", "", "criteria", Map.of("minSalary", -5)))
                .when().post("/api/careers/me/saved-searches")
                .then().statusCode(400).body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("criteria.minSalary"));
        long id = given().header("Authorization", bearer(coder)).contentType(ContentType.JSON)
                .body(Map.of("name", "Remote CRC", "criteria", Map.of("credential", List.of("CRC"), "workplace", List.of("remote"))))
                .when().post("/api/careers/me/saved-searches")
                .then().statusCode(201).body("digest", equalTo(true)).body("digestDeliverable", equalTo(true))
                .body("criteria.credential", equalTo(List.of("CRC")))
                .extract().jsonPath().getLong("id");
        given().header("Authorization", bearer(other)).when().get("/api/careers/me/saved-searches")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(0));
        given().header("Authorization", bearer(other)).when().delete("/api/careers/me/saved-searches/" + id)
                .then().statusCode(404);
        given().header("Authorization", bearer(coder)).when().get("/api/careers/me/saved-searches")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("total", equalTo(1));
        given().header("Authorization", bearer(coder)).when().delete("/api/careers/me/saved-searches/" + id)
                .then().statusCode(204);
    }

    @Test
    void digestMailsNewMatchesOnce() {
        String word = "digest" + newId().replaceAll("[^a-z]", "").substring(0, 6);
        String coderSub = newId();
        String coder = coder(coderSub);
        String email = coderSub + "@example.test";
        given().header("Authorization", bearer(coder)).contentType(ContentType.JSON)
                .body(Map.of("name", "CRC <" + word + ">", "criteria", Map.of("q", word, "credential", List.of("CRC"))))
                .when().post("/api/careers/me/saved-searches").then().statusCode(201);

        String employer = employerWithProfile("Digest Clinic");
        Map<String, Object> match = job("Risk adjustment coder " + word);
        match.put("credentialsRequired", List.of("CRC"));
        match.put("salary", Map.of("min", 25, "max", 30, "currency", "USD", "period", "hour"));
        long matching = publishedJob(employer, match);
        publishedJob(employer, job("E/M coder " + word));
        createJob(employer, match);

        mailbox.clear();
        digests.sendDigests();
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size());
        Mail mail = mails.get(0);
        assertEquals("1 new job for \"CRC <" + word + ">\"", mail.getSubject());
        assertTrue(mail.getText().contains("Risk adjustment coder " + word), mail.getText());
        assertTrue(mail.getText().contains("/careers/jobs/" + matching), mail.getText());
        assertTrue(mail.getText().contains("USD 25.00-30.00 per hour"), mail.getText());
        assertFalse(mail.getText().contains("E/M coder"), mail.getText());
        assertTrue(mail.getHtml().contains("CRC &lt;" + word + "&gt;"), mail.getHtml());

        mailbox.clear();
        digests.sendDigests();
        assertEquals(0, mailbox.getMailsSentTo(email).size(), "a posting is mailed only once");
    }
}
