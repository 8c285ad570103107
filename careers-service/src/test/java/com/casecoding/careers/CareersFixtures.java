package com.casecoding.careers;

import com.casecoding.testing.TestTokens;
import io.restassured.http.ContentType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Tokens and request bodies shared by the careers-service tests. Every test makes its own accounts. */
public final class CareersFixtures {

    private CareersFixtures() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static String employer(String sub) {
        return TestTokens.token(sub, "free", 6, "employer", Set.of("employer"));
    }

    public static String coder(String sub) {
        return TestTokens.coder(sub);
    }

    public static String admin(String sub) {
        return TestTokens.withRoles(sub, "admin");
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A new employer account with a profile; returns its token. */
    public static String employerWithProfile(String organization) {
        String token = employer(newId());
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON)
                .body(Map.of("organizationName", organization, "website", "https://example.test"))
                .when().put("/api/careers/employer/profile")
                .then().statusCode(201);
        return token;
    }

    /** A valid remote posting body; tests change what they need. */
    public static Map<String, Object> job(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "Code professional claims for a busy practice.\n\n- accuracy first");
        body.put("location", new HashMap<>(Map.of("country", "US")));
        body.put("workplace", "remote");
        body.put("remoteStates", new ArrayList<>());
        body.put("employmentType", "full_time");
        body.put("credentialsRequired", new ArrayList<>(List.of("CPC")));
        body.put("credentialsPreferred", new ArrayList<>());
        body.put("specialties", new ArrayList<>(List.of("em")));
        body.put("experienceYears", 2);
        body.put("salary", new HashMap<>(Map.of("min", 50000, "max", 60000, "currency", "USD", "period", "year")));
        body.put("apply", new HashMap<>(Map.of("method", "board")));
        return body;
    }

    public static long createJob(String token, Map<String, Object> body) {
        return given().header("Authorization", bearer(token)).contentType(ContentType.JSON).body(body)
                .when().post("/api/careers/employer/jobs")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long publishedJob(String token, Map<String, Object> body) {
        long id = createJob(token, body);
        given().header("Authorization", bearer(token))
                .when().post("/api/careers/employer/jobs/" + id + "/publish")
                .then().statusCode(200);
        return id;
    }

    public static long apply(String coderToken, long jobId) {
        return given().header("Authorization", bearer(coderToken)).contentType(ContentType.JSON)
                .body(Map.of("coverNote", "I code E/M daily.", "resumeUrl", "https://files.example.test/cv.pdf"))
                .when().post("/api/jobs/" + jobId + "/applications")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
