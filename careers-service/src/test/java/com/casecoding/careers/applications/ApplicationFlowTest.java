package com.casecoding.careers.applications;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.casecoding.careers.CareersFixtures.apply;
import static com.casecoding.careers.CareersFixtures.bearer;
import static com.casecoding.careers.CareersFixtures.coder;
import static com.casecoding.careers.CareersFixtures.employerWithProfile;
import static com.casecoding.careers.CareersFixtures.job;
import static com.casecoding.careers.CareersFixtures.newId;
import static com.casecoding.careers.CareersFixtures.publishedJob;
import static com.casecoding.careers.CareersFixtures.createJob;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class ApplicationFlowTest {

    @Test
    void coderAppliesEmployerMovesItThroughTheStages() {
        String employer = employerWithProfile("Hiring Clinic");
        long job = publishedJob(employer, job("Hiring E/M coder"));
        String coderSub = newId();
        String coder = coder(coderSub);

        long app = given().header("Authorization", bearer(coder)).contentType(ContentType.JSON)
                .body(Map.of("coverNote", "Five years of E/M.", "resumeText", "CPC since 2019"))
                .when().post("/api/jobs/" + job + "/applications")
                .then().statusCode(201).header("Location", containsString("/api/careers/me/applications/"))
                .body("status", equalTo("submitted")).body("postingTitle", equalTo("Hiring E/M coder"))
                .body("employerName", equalTo("Hiring Clinic"))
                .extract().jsonPath().getLong("id");
        given().header("Authorization", bearer(coder)).contentType(ContentType.JSON)
                .body(Map.of("resumeText", "again"))
                .when().post("/api/jobs/" + job + "/applications").then().statusCode(409);

        given().header("Authorization", bearer(coder)).when().get("/api/careers/me/applications")
                .then().statusCode(200).body("items.id", hasItem((int) app)).body("total", equalTo(1));

        given().header("Authorization", bearer(employer)).when().get("/api/careers/employer/jobs/" + job + "/applications")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("total", equalTo(1))
                .body("items[0].applicantId", equalTo(coderSub))
                .body("items[0].applicantEmail", equalTo(coderSub + "@example.test"))
                .body("items[0].resumeText", equalTo("CPC since 2019"));

        for (String status : new String[]{"reviewing", "interview", "offer", "hired"}) {
            given().header("Authorization", bearer(employer)).contentType(ContentType.JSON)
                    .body(Map.of("status", status))
                    .when().put("/api/careers/employer/applications/" + app + "/status")
                    .then().statusCode(200).body("status", equalTo(status));
        }
        given().header("Authorization", bearer(employer)).contentType(ContentType.JSON).body(Map.of("status", "rejected"))
                .when().put("/api/careers/employer/applications/" + app + "/status").then().statusCode(409);
        given().header("Authorization", bearer(coder)).when().post("/api/careers/me/applications/" + app + "/withdraw")
                .then().statusCode(409);
        given().header("Authorization", bearer(coder)).when().get("/api/careers/me/applications/" + app)
                .then().statusCode(200).body("status", equalTo("hired"));
    }

    @Test
    void transitionsOnlyGoForwardOrToRejected() {
        String employer = employerWithProfile("Transition Clinic");
        long job = publishedJob(employer, job("Transition coder"));
        long app = apply(coder(newId()), job);
        given().header("Authorization", bearer(employer)).contentType(ContentType.JSON).body(Map.of("status", "interview"))
                .when().put("/api/careers/employer/applications/" + app + "/status").then().statusCode(200);
        for (String back : new String[]{"reviewing", "submitted", "withdrawn", "interview"}) {
            given().header("Authorization", bearer(employer)).contentType(ContentType.JSON).body(Map.of("status", back))
                    .when().put("/api/careers/employer/applications/" + app + "/status").then().statusCode(409);
        }
        given().header("Authorization", bearer(employer)).contentType(ContentType.JSON).body(Map.of("status", "maybe"))
                .when().put("/api/careers/employer/applications/" + app + "/status")
                .then().statusCode(400).body("violations.field", hasItem("status"));
        given().header("Authorization", bearer(employer)).contentType(ContentType.JSON).body(Map.of("status", "rejected"))
                .when().put("/api/careers/employer/applications/" + app + "/status").then().statusCode(200);
        given().header("Authorization", bearer(employer))
                .when().get("/api/careers/employer/jobs/" + job + "/applications?status=rejected")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("total", equalTo(1));
    }

    @Test
    void coderWithdrawsAndTheEmployerSeesIt() {
        String employer = employerWithProfile("Withdraw Clinic");
        long job = publishedJob(employer, job("Withdraw coder"));
        String coder = coder(newId());
        long app = apply(coder, job);
        given().header("Authorization", bearer(coder)).when().post("/api/careers/me/applications/" + app + "/withdraw")
                .then().statusCode(200).body("status", equalTo("withdrawn"));
        given().header("Authorization", bearer(employer)).contentType(ContentType.JSON).body(Map.of("status", "reviewing"))
                .when().put("/api/careers/employer/applications/" + app + "/status").then().statusCode(409);
    }

    @Test
    void applicationInputIsChecked() {
        String employer = employerWithProfile("Input Clinic");
        long job = publishedJob(employer, job("Input coder"));
        String coder = coder(newId());
        given().header("Authorization", bearer(coder)).contentType(ContentType.JSON).body(Map.of("coverNote", "hi"))
                .when().post("/api/jobs/" + job + "/applications")
                .then().statusCode(400).body("violations.field", hasItem("resumeUrl"));
        given().header("Authorization", bearer(coder)).contentType(ContentType.JSON)
                .body(Map.of("resumeUrl", "javascript:alert(1)", "coverNote", "x".repeat(5001)))
                .when().post("/api/jobs/" + job + "/applications")
                .then().statusCode(400).body("violations.field", hasItems("coverNote"));
        given().header("Authorization", bearer(coder)).contentType(ContentType.JSON)
                .body(Map.of("resumeUrl", "javascript:alert(1)"))
                .when().post("/api/jobs/" + job + "/applications")
                .then().statusCode(400).body("violations.field", hasItem("resumeUrl"));
        given().header("Authorization", bearer(coder)).contentType(ContentType.JSON)
                .body(Map.of("resumeText", "cv", "status", "hired"))
                .when().post("/api/jobs/" + job + "/applications")
                .then().statusCode(400).body("violations.field", hasItem("status"));
    }

    @Test
    void onlyOpenBoardPostingsTakeApplications() {
        String employer = employerWithProfile("Closed Clinic");
        String coder = coder(newId());
        long draft = createJob(employer, job("Draft only"));
        given().header("Authorization", bearer(coder)).contentType(ContentType.JSON).body(Map.of("resumeText", "cv"))
                .when().post("/api/jobs/" + draft + "/applications").then().statusCode(404);
        Map<String, Object> external = job("External apply");
        external.put("apply", Map.of("method", "external", "url", "https://jobs.example.test/123"));
        long ext = publishedJob(employer, external);
        given().header("Authorization", bearer(coder)).contentType(ContentType.JSON).body(Map.of("resumeText", "cv"))
                .when().post("/api/jobs/" + ext + "/applications")
                .then().statusCode(409).body("applyUrl", equalTo("https://jobs.example.test/123"));
        given().when().get("/api/jobs/" + ext).then().statusCode(200)
                .body("job.apply.url", equalTo("https://jobs.example.test/123"))
                .body("jsonLd.directApply", equalTo(false));
        long open = publishedJob(employer, job("Closing soon"));
        given().header("Authorization", bearer(employer)).when().post("/api/careers/employer/jobs/" + open + "/close")
                .then().statusCode(200);
        given().header("Authorization", bearer(coder)).contentType(ContentType.JSON).body(Map.of("resumeText", "cv"))
                .when().post("/api/jobs/" + open + "/applications").then().statusCode(404)
                .body("requestId", org.hamcrest.Matchers.notNullValue()).body("stackTrace", nullValue());
    }
}
