package com.casecoding.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.casecoding.systemtests.Flows.at;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** CareerCenter end to end through the gateway, with real accounts: post, find, apply, move, and the owners' rules. */
class CareersThroughGatewayIT {

    static String gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = Platform.get().gateway.url();
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Map<String, Object> posting(String title) {
        return Flows.posting(title, "Code outpatient E/M visits.\n\n<script>alert(1)</script>");
    }

    @Test
    void employerPostsCoderAppliesEmployerMovesTheApplication() {
        Flows.Account employer = Flows.register(gateway, "employer");
        at(gateway, employer.token()).body(Map.of("organizationName", "Gateway Clinic", "website", "https://clinic.example.test"))
                .put("/api/careers/employer/profile").then().statusCode(201);
        long stamp = System.nanoTime();
        String title = "E/M coder " + stamp;
        long job = at(gateway, employer.token()).header("Idempotency-Key", "post-" + stamp).body(posting(title))
                .post("/api/careers/employer/jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        // the same Idempotency-Key does not create a second posting
        long again = at(gateway, employer.token()).header("Idempotency-Key", "post-" + stamp).body(posting(title))
                .post("/api/careers/employer/jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        org.junit.jupiter.api.Assertions.assertEquals(job, again);
        at(gateway, employer.token()).post("/api/careers/employer/jobs/" + job + "/publish").then().statusCode(200);

        // anyone finds it; the markdown is rendered with the script as inert text
        at(gateway, null).queryParam("q", title).get("/api/jobs").then().statusCode(200)
                .body("items.id", hasItem((int) job));
        at(gateway, null).get("/api/jobs/" + job).then().statusCode(200)
                .body("descriptionHtml", not(org.hamcrest.Matchers.containsString("<script>")))
                .body("descriptionHtml", org.hamcrest.Matchers.containsString("&lt;script&gt;"));

        Flows.Account coder = Flows.register(gateway, "coder");
        long application = at(gateway, coder.token())
                .body(Map.of("coverNote", "Six years of E/M.", "resumeUrl", "https://files.example.test/cv.pdf"))
                .post("/api/jobs/" + job + "/applications").then().statusCode(201).extract().jsonPath().getLong("id");
        at(gateway, coder.token()).get("/api/careers/me/applications").then().statusCode(200)
                .body("items.id", hasItem((int) application));

        at(gateway, employer.token()).get("/api/careers/employer/jobs/" + job + "/applications").then().statusCode(200)
                .body("items[0].applicantEmail", equalTo(coder.email()));
        at(gateway, employer.token()).body(Map.of("status", "interview"))
                .put("/api/careers/employer/applications/" + application + "/status").then().statusCode(200)
                .body("status", equalTo("interview"));

        // another employer sees nothing of it; a coder cannot post; nobody sets another owner's state
        Flows.Account rival = Flows.register(gateway, "employer");
        at(gateway, rival.token()).get("/api/careers/employer/jobs/" + job + "/applications")
                .then().statusCode(org.hamcrest.Matchers.oneOf(403, 404));
        at(gateway, rival.token()).post("/api/careers/employer/jobs/" + job + "/close")
                .then().statusCode(org.hamcrest.Matchers.oneOf(403, 404));
        at(gateway, coder.token()).body(posting("Not allowed")).post("/api/careers/employer/jobs")
                .then().statusCode(403).contentType("application/problem+json");
        // a bad posting is a problem+json naming the field
        Map<String, Object> bad = posting("Bad salary");
        bad.put("salary", Map.of("min", 90000, "max", 10000, "currency", "USD", "period", "year"));
        at(gateway, employer.token()).body(bad).post("/api/careers/employer/jobs")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
