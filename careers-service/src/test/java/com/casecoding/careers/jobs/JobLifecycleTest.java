package com.casecoding.careers.jobs;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.casecoding.careers.CareersFixtures.bearer;
import static com.casecoding.careers.CareersFixtures.createJob;
import static com.casecoding.careers.CareersFixtures.employer;
import static com.casecoding.careers.CareersFixtures.employerWithProfile;
import static com.casecoding.careers.CareersFixtures.job;
import static com.casecoding.careers.CareersFixtures.newId;
import static com.casecoding.careers.CareersFixtures.publishedJob;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class JobLifecycleTest {

    @Inject
    JobService jobs;
    @Inject
    EntityManager em;

    @Test
    void profileIsCreatedThenUpdatedAndVerifiedCannotBeSent() {
        String token = employer(newId());
        given().header("Authorization", bearer(token)).when().get("/api/careers/employer/profile")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON)
                .body(Map.of("organizationName", "Acme Coding", "website", "https://acme.example"))
                .when().put("/api/careers/employer/profile")
                .then().statusCode(201).body("organizationName", equalTo("Acme Coding")).body("verified", equalTo(false))
                .body("contactEmail", nullValue());
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON)
                .body(Map.of("organizationName", "Acme Coding LLC", "verified", true))
                .when().put("/api/careers/employer/profile")
                .then().statusCode(400).body("violations.field", hasItem("verified"));
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON)
                .body(Map.of("organizationName", "Acme Coding LLC", "website", "javascript:alert(1)"))
                .when().put("/api/careers/employer/profile")
                .then().statusCode(400).body("violations.field", hasItem("website"));
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON)
                .body(Map.of("organizationName", "Acme Coding LLC"))
                .when().put("/api/careers/employer/profile")
                .then().statusCode(200).body("organizationName", equalTo("Acme Coding LLC")).body("verified", equalTo(false));
    }

    @Test
    void postingNeedsAProfile() {
        given().header("Authorization", bearer(employer(newId()))).contentType(ContentType.JSON).body(job("Coder"))
                .when().post("/api/careers/employer/jobs")
                .then().statusCode(409).body("detail", containsString("profile"));
    }

    @Test
    void draftPublishCloseRepost() {
        String token = employerWithProfile("Lifecycle Clinic");
        long id = createJob(token, job("Lifecycle E/M coder"));
        given().header("Authorization", bearer(token)).when().get("/api/careers/employer/jobs/" + id)
                .then().statusCode(200).body("status", equalTo("draft")).body("publishedAt", nullValue())
                .body("employer.name", equalTo("Lifecycle Clinic")).body("hidden", equalTo(false));
        // a draft is not public
        given().when().get("/api/jobs/" + id).then().statusCode(404);

        given().header("Authorization", bearer(token)).when().post("/api/careers/employer/jobs/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("published")).body("publishedAt", notNullValue());
        given().when().get("/api/jobs/" + id).then().statusCode(200).body("job.title", equalTo("Lifecycle E/M coder"))
                .body("job.hidden", nullValue());
        given().header("Authorization", bearer(token)).when().post("/api/careers/employer/jobs/" + id + "/publish")
                .then().statusCode(409);

        given().header("Authorization", bearer(token)).when().post("/api/careers/employer/jobs/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("closed"));
        given().when().get("/api/jobs/" + id).then().statusCode(404);
        Map<String, Object> edit = job("Edited while closed");
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON).body(edit)
                .when().put("/api/careers/employer/jobs/" + id).then().statusCode(409);

        String until = LocalDate.now().plusDays(10).toString();
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON).body(Map.of("validThrough", until))
                .when().post("/api/careers/employer/jobs/" + id + "/repost")
                .then().statusCode(200).body("status", equalTo("published"))
                .body("validThrough", containsString(until));
        given().when().get("/api/jobs/" + id).then().statusCode(200);

        given().header("Authorization", bearer(token)).when().delete("/api/careers/employer/jobs/" + id)
                .then().statusCode(409);
        given().header("Authorization", bearer(token)).when().get("/api/careers/employer/jobs?status=published")
                .then().statusCode(200).body("items.id", hasItem((int) id));
    }

    @Test
    void editReplacesThePostingAndDraftsCanBeDeleted() {
        String token = employerWithProfile("Edit Clinic");
        long id = createJob(token, job("Before edit"));
        Map<String, Object> body = job("After edit");
        body.put("workplace", "onsite");
        body.put("location", Map.of("city", "Austin", "state", "TX", "country", "US"));
        body.put("credentialsRequired", List.of("CCS"));
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON).body(body)
                .when().put("/api/careers/employer/jobs/" + id)
                .then().statusCode(200).body("title", equalTo("After edit")).body("location.city", equalTo("Austin"))
                .body("credentialsRequired", equalTo(List.of("CCS")));
        given().header("Authorization", bearer(token)).when().delete("/api/careers/employer/jobs/" + id)
                .then().statusCode(204);
        given().header("Authorization", bearer(token)).when().get("/api/careers/employer/jobs/" + id)
                .then().statusCode(404);
    }

    @Test
    void sameIdempotencyKeyCreatesOnePosting() {
        String token = employerWithProfile("Idempotent Clinic");
        String key = newId();
        Map<String, Object> body = job("Idempotent coder");
        long first = given().header("Authorization", bearer(token)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/careers/employer/jobs")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().jsonPath().getLong("id");
        long second = given().header("Authorization", bearer(token)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/careers/employer/jobs")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", containsString("/api/careers/employer/jobs/" + first))
                .extract().jsonPath().getLong("id");
        assertEquals(first, second);
        given().header("Authorization", bearer(token)).when().get("/api/careers/employer/jobs")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("total", equalTo(1));

        Map<String, Object> other = job("A different posting");
        given().header("Authorization", bearer(token)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(other)
                .when().post("/api/careers/employer/jobs")
                .then().statusCode(409).body("detail", containsString("Idempotency-Key"));

        // the key is scoped to the employer: another employer's same key makes its own posting
        String otherToken = employerWithProfile("Other Clinic");
        long third = given().header("Authorization", bearer(otherToken)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/careers/employer/jobs")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assertNotEquals(first, third);
    }

    @Test
    void everyBadFieldIsNamed() {
        String token = employerWithProfile("Validation Clinic");
        Map<String, Object> body = job(" ");
        body.put("description", "");
        body.put("workplace", "moon");
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON).body(body)
                .when().post("/api/careers/employer/jobs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("workplace"))
                .body("detail", containsString("remote, hybrid, onsite"));

        body = job(" ");
        body.put("description", "");
        body.put("experienceYears", 99);
        body.put("employmentType", null);
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON).body(body)
                .when().post("/api/careers/employer/jobs")
                .then().statusCode(400)
                .body("violations.field", hasItems("title", "description", "experienceYears", "employmentType"));

        body = job("Rules");
        body.put("credentialsRequired", List.of("CPC", "WIZARD"));
        body.put("specialties", List.of("astrology"));
        body.put("salary", Map.of("min", 90000, "max", 60000, "currency", "USD", "period", "year"));
        body.put("apply", Map.of("method", "external", "url", "javascript:alert(1)"));
        body.put("remoteStates", List.of("TX", "ZZ"));
        body.put("validThrough", LocalDate.now().minusDays(1).toString());
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON).body(body)
                .when().post("/api/careers/employer/jobs")
                .then().statusCode(400)
                .body("violations.field", hasItems("credentialsRequired[1]", "specialties[0]", "salary.min",
                        "apply.url", "remoteStates[1]", "validThrough"));

        body = job("Onsite without a place");
        body.put("workplace", "onsite");
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON).body(body)
                .when().post("/api/careers/employer/jobs")
                .then().statusCode(400).body("violations.field", equalTo(List.of("location")));
        body.put("remoteStates", List.of("TX"));
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON).body(body)
                .when().post("/api/careers/employer/jobs")
                .then().statusCode(400).body("violations.field", hasItems("location", "remoteStates"));
    }

    @Test
    void clientCannotSetStatusOwnerOrModeration() {
        String token = employerWithProfile("Mass Assignment Clinic");
        for (String field : List.of("status", "employerId", "hidden", "id", "publishedAt")) {
            Map<String, Object> body = job("Sneaky");
            body.put(field, field.equals("hidden") ? false : field.equals("id") ? 1 : "published");
            given().header("Authorization", bearer(token)).contentType(ContentType.JSON).body(body)
                    .when().post("/api/careers/employer/jobs")
                    .then().statusCode(400).body("violations.field", hasItem(field));
        }
        given().header("Authorization", bearer(token)).when().get("/api/careers/employer/jobs")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(0));
    }

    @Test
    void bodyAndPageSizeLimits() {
        String token = employerWithProfile("Limits Clinic");
        Map<String, Object> body = job("Huge");
        body.put("description", "x".repeat(200_000));
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON).body(body)
                .when().post("/api/careers/employer/jobs")
                .then().statusCode(413).contentType("application/problem+json");
        body.put("description", "x".repeat(20_001));
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON).body(body)
                .when().post("/api/careers/employer/jobs")
                .then().statusCode(400).body("violations.field", hasItem("description"));
        given().when().get("/api/jobs?limit=51").then().statusCode(400).body("violations.field", hasItem("limit"));
        given().when().get("/api/jobs?offset=abc").then().statusCode(400).body("violations.field", hasItem("offset"));
        given().when().get("/api/jobs?offset=960&limit=50").then().statusCode(400).body("violations.field", hasItem("offset"));
        given().header("Authorization", bearer(token)).when().get("/api/careers/employer/jobs?limit=500")
                .then().statusCode(400).body("violations.field", hasItem("limit"));
    }

    @Test
    void scheduledExpiryEndsPostingsPastTheirDate() {
        String token = employerWithProfile("Expiry Clinic");
        long id = publishedJob(token, job("Soon expired coder"));
        backdate(id);
        given().when().get("/api/jobs/" + id).then().statusCode(404);
        int expired = jobs.expireDue();
        org.junit.jupiter.api.Assertions.assertTrue(expired >= 1);
        given().header("Authorization", bearer(token)).when().get("/api/careers/employer/jobs/" + id)
                .then().statusCode(200).body("status", equalTo("expired"));
        given().header("Authorization", bearer(token)).when().post("/api/careers/employer/jobs/" + id + "/repost")
                .then().statusCode(200).body("status", equalTo("published"));
        given().when().get("/api/jobs/" + id).then().statusCode(200).body("job.status", not(equalTo("expired")));
    }

    @Transactional
    void backdate(long id) {
        em.createNativeQuery("update job_posting set valid_through = now() - interval '1 hour' where id = ?1")
                .setParameter(1, id).executeUpdate();
    }
}
