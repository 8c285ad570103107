package com.casecoding.careers.security;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.casecoding.careers.CareersFixtures.admin;
import static com.casecoding.careers.CareersFixtures.apply;
import static com.casecoding.careers.CareersFixtures.bearer;
import static com.casecoding.careers.CareersFixtures.coder;
import static com.casecoding.careers.CareersFixtures.createJob;
import static com.casecoding.careers.CareersFixtures.employer;
import static com.casecoding.careers.CareersFixtures.employerWithProfile;
import static com.casecoding.careers.CareersFixtures.job;
import static com.casecoding.careers.CareersFixtures.newId;
import static com.casecoding.careers.CareersFixtures.publishedJob;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Object-level and role rules: who may read and change what. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class AuthorizationTest {

    String owner;
    String intruder;
    long draft;
    long published;
    long application;
    String applicant;
    String otherCoder;

    @BeforeEach
    void setUp() {
        owner = employerWithProfile("Owner Clinic");
        intruder = employerWithProfile("Intruder Clinic");
        draft = createJob(owner, job("Owner draft"));
        published = publishedJob(owner, job("Owner published"));
        applicant = coder(newId());
        otherCoder = coder(newId());
        application = apply(applicant, published);
    }

    @Test
    void anEmployerNeverReadsOrChangesAnotherEmployersPostings() {
        String base = "/api/careers/employer/jobs/";
        for (long id : new long[]{draft, published}) {
            given().header("Authorization", bearer(intruder)).when().get(base + id).then().statusCode(404);
            given().header("Authorization", bearer(intruder)).contentType(ContentType.JSON).body(job("Hijacked"))
                    .when().put(base + id).then().statusCode(404);
            given().header("Authorization", bearer(intruder)).when().post(base + id + "/publish").then().statusCode(404);
            given().header("Authorization", bearer(intruder)).when().post(base + id + "/close").then().statusCode(404);
            given().header("Authorization", bearer(intruder)).when().post(base + id + "/repost").then().statusCode(404);
            given().header("Authorization", bearer(intruder)).when().delete(base + id).then().statusCode(404);
            // nor through the public endpoint's owner view
            given().header("Authorization", bearer(intruder)).when().get("/api/jobs/" + id)
                    .then().statusCode(id == draft ? 404 : 200).body(id == draft ? "status" : "job.hidden",
                            id == draft ? equalTo(404) : nullValue());
        }
        given().header("Authorization", bearer(intruder)).when().get(base.substring(0, base.length() - 1))
                .then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(0));
        // nothing changed
        given().header("Authorization", bearer(owner)).when().get(base + published)
                .then().statusCode(200).body("title", equalTo("Owner published")).body("status", equalTo("published"));
        given().header("Authorization", bearer(owner)).when().get(base + draft)
                .then().statusCode(200).body("status", equalTo("draft"));
        given().header("Authorization", bearer(owner)).when().get("/api/jobs/" + draft)
                .then().statusCode(200).body("job.status", equalTo("draft"));
    }

    @Test
    void anEmployerNeverSeesOrMovesAnotherEmployersApplicants() {
        given().header("Authorization", bearer(intruder))
                .when().get("/api/careers/employer/jobs/" + published + "/applications").then().statusCode(404);
        given().header("Authorization", bearer(intruder))
                .when().get("/api/careers/employer/applications/" + application).then().statusCode(404);
        given().header("Authorization", bearer(intruder)).contentType(ContentType.JSON).body(Map.of("status", "rejected"))
                .when().put("/api/careers/employer/applications/" + application + "/status").then().statusCode(404);
        given().header("Authorization", bearer(applicant)).when().get("/api/careers/me/applications/" + application)
                .then().statusCode(200).body("status", equalTo("submitted"));
        given().header("Authorization", bearer(owner))
                .when().get("/api/careers/employer/applications/" + application).then().statusCode(200);
    }

    @Test
    void aCoderSeesOnlyTheirOwnApplications() {
        given().header("Authorization", bearer(otherCoder)).when().get("/api/careers/me/applications/" + application)
                .then().statusCode(404);
        given().header("Authorization", bearer(otherCoder)).when().post("/api/careers/me/applications/" + application + "/withdraw")
                .then().statusCode(404);
        given().header("Authorization", bearer(otherCoder)).when().get("/api/careers/me/applications")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(0));
        // a coder's view never carries e-mail addresses
        given().header("Authorization", bearer(applicant)).when().get("/api/careers/me/applications/" + application)
                .then().statusCode(200).body("$", not(hasKey("applicantEmail")));
        given().header("Authorization", bearer(applicant)).when().get("/api/careers/me/applications/" + application)
                .then().body("status", equalTo("submitted"));
    }

    @Test
    void rolesGuardEachArea() {
        // coders cannot use employer or admin endpoints; employers cannot apply or use coder or admin endpoints
        given().header("Authorization", bearer(applicant)).when().get("/api/careers/employer/jobs").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(applicant)).contentType(ContentType.JSON).body(job("x"))
                .when().post("/api/careers/employer/jobs").then().statusCode(403);
        given().header("Authorization", bearer(applicant)).when().get("/api/careers/admin/jobs").then().statusCode(403);
        given().header("Authorization", bearer(owner)).contentType(ContentType.JSON).body(Map.of("resumeText", "cv"))
                .when().post("/api/jobs/" + published + "/applications").then().statusCode(403);
        given().header("Authorization", bearer(owner)).when().get("/api/careers/me/applications").then().statusCode(403);
        given().header("Authorization", bearer(owner)).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/api/careers/admin/jobs/" + published + "/hide").then().statusCode(403);
        given().header("Authorization", bearer(owner)).contentType(ContentType.JSON).body(Map.of("verified", true))
                .when().put("/api/careers/admin/employers/any/verification").then().statusCode(403);
        // a guest token is not a coder
        given().header("Authorization", bearer(TestTokens.guest(newId()))).contentType(ContentType.JSON)
                .body(Map.of("resumeText", "cv")).when().post("/api/jobs/" + published + "/applications")
                .then().statusCode(403);
        // no token: 401 everywhere but the public search
        given().when().get("/api/careers/employer/jobs").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().when().get("/api/careers/me/applications").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("resumeText", "cv"))
                .when().post("/api/jobs/" + published + "/applications").then().statusCode(401);
        given().when().get("/api/careers/admin/jobs").then().statusCode(401);
        given().when().get("/api/jobs").then().statusCode(200);
        given().header("Authorization", "Bearer not-a-jwt").when().get("/api/careers/employer/jobs").then().statusCode(401);
    }

    @Test
    void onlyAdminsHideRestoreAndVerify() {
        String adminToken = admin(newId());
        String employerSub = newId();
        String token = employer(employerSub);
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON)
                .body(Map.of("organizationName", "To Verify")).when().put("/api/careers/employer/profile").then().statusCode(201);
        given().header("Authorization", bearer(adminToken)).contentType(ContentType.JSON).body(Map.of("verified", true))
                .when().put("/api/careers/admin/employers/" + employerSub + "/verification")
                .then().statusCode(200).body("verified", equalTo(true)).body("accountId", equalTo(employerSub))
                .body("contactEmail", equalTo(employerSub + "@example.test"));
        given().header("Authorization", bearer(token)).when().get("/api/careers/employer/profile")
                .then().statusCode(200).body("verified", equalTo(true)).body("$", not(hasKey("contactEmail")));
        given().header("Authorization", bearer(adminToken)).contentType(ContentType.JSON).body(Map.of("verified", true))
                .when().put("/api/careers/admin/employers/" + newId() + "/verification").then().statusCode(404);

        given().header("Authorization", bearer(adminToken)).contentType(ContentType.JSON).body(Map.of("reason", "Misleading pay"))
                .when().post("/api/careers/admin/jobs/" + published + "/hide")
                .then().statusCode(200).body("hidden", equalTo(true));
        given().when().get("/api/jobs/" + published).then().statusCode(404);
        given().header("Authorization", bearer(applicant)).contentType(ContentType.JSON).body(Map.of("resumeText", "cv"))
                .when().post("/api/jobs/" + published + "/applications").then().statusCode(404);
        given().header("Authorization", bearer(owner)).when().get("/api/careers/employer/jobs/" + published)
                .then().statusCode(200).body("hidden", equalTo(true)).body("hiddenReason", equalTo("Misleading pay"));
        // the employer cannot un-hide by editing
        given().header("Authorization", bearer(owner)).contentType(ContentType.JSON).body(job("Owner published"))
                .when().put("/api/careers/employer/jobs/" + published).then().statusCode(200).body("hidden", equalTo(true));
        given().header("Authorization", bearer(adminToken)).when().get("/api/careers/admin/jobs?hidden=true&limit=50")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem((int) published));
        given().header("Authorization", bearer(adminToken)).when().post("/api/careers/admin/jobs/" + published + "/restore")
                .then().statusCode(200).body("hidden", equalTo(false));
        given().when().get("/api/jobs/" + published).then().statusCode(200).body("job", not(hasKey("hidden")));
    }

    @Test
    void publicViewsNeverShowAccountIdsOrEmails() {
        given().when().get("/api/jobs/" + published).then().statusCode(200)
                .body("job", not(hasKey("employerId")))
                .body("job.employer", not(hasKey("contactEmail")))
                .body("job.employer", not(hasKey("accountId")));
        given().when().get("/api/jobs?limit=50").then().statusCode(200)
                .body("items[0].employer", not(hasKey("contactEmail")));
    }
}
