package com.casecoding.systemtests;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

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

    static String adminToken(String gateway) {
        return at(gateway, null).body(Map.of("email", Platform.ADMIN_EMAIL, "password", Platform.ADMIN_PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    /** Gives the account extra roles (admin only) and returns a fresh token that carries them. */
    static String grant(String gateway, Account account, String... roles) {
        at(gateway, adminToken(gateway)).body(Map.of("roles", java.util.List.of(roles)))
                .put("/api/admin/accounts/" + account.id() + "/roles").then().statusCode(200);
        return at(gateway, null).body(Map.of("refreshToken", account.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(200).extract().path("accessToken");
    }
}
