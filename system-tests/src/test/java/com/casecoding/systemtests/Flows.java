package com.casecoding.systemtests;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Accounts and requests through the gateway for the end-to-end flows. */
final class Flows {

    static final String PASSWORD = "Sphenopalatine-64505";

    private Flows() {
    }

    static RequestSpecification at(String gateway, String token) {
        RequestSpecification spec = given().baseUri(gateway).contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    record Account(String id, String email, String token, String refreshToken) {
    }

    static Account register(String gateway, String type) {
        String email = type + "-" + UUID.randomUUID() + "@example.test";
        var response = at(gateway, null)
                .body(Map.of("email", email, "password", PASSWORD, "accountType", type))
                .post("/api/auth/register").then().statusCode(201).extract();
        return new Account(response.path("account.id"), email, response.path("accessToken"),
                response.path("refreshToken"));
    }

    /** A valid job posting (a remote full-time coding job with a salary), as an employer sends it. */
    static Map<String, Object> posting(String title, String description) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", description);
        body.put("location", Map.of("city", "Nashville", "state", "TN", "country", "US"));
        body.put("workplace", "remote");
        body.put("remoteStates", List.of("TN", "KY"));
        body.put("employmentType", "full_time");
        body.put("credentialsRequired", List.of("CPC"));
        body.put("credentialsPreferred", List.of());
        body.put("specialties", List.of("em"));
        body.put("experienceYears", 2);
        body.put("salary", Map.of("min", 52000, "max", 61000, "currency", "USD", "period", "year"));
        body.put("apply", Map.of("method", "board"));
        return body;
    }

    static String adminToken(String gateway) {
        return at(gateway, null).body(Map.of("email", Platform.ADMIN_EMAIL, "password", Platform.ADMIN_PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    /** Gives the account extra roles (admin only) and returns a fresh token that carries them. */
    static String grant(String gateway, Account account, String... roles) {
        at(gateway, adminToken(gateway)).body(Map.of("roles", List.of(roles)))
                .put("/api/admin/accounts/" + account.id() + "/roles").then().statusCode(200);
        return at(gateway, null).body(Map.of("refreshToken", account.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(200).extract().path("accessToken");
    }
}
