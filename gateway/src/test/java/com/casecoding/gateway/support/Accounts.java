package com.casecoding.gateway.support;

import io.restassured.response.Response;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Small helpers to create accounts through the API in tests. */
public final class Accounts {

    public static final String PASSWORD = "Lumbar-Puncture-62270";

    private Accounts() {
    }

    public static String uniqueEmail() {
        return "coder-" + UUID.randomUUID() + "@example.test";
    }

    public static Response register(String email, String guestToken) {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"accountType\":\"coder\""
                + (guestToken == null ? "" : ",\"guestToken\":\"" + guestToken + "\"") + "}";
        return given().contentType("application/json").body(body).when().post("/api/auth/register");
    }

    public static String freeToken() {
        return register(uniqueEmail(), null).then().statusCode(201).extract().path("accessToken");
    }

    public static String guestToken() {
        return given().when().post("/api/auth/guest").then().statusCode(201).extract().path("accessToken");
    }

    public static String adminToken() {
        return given().contentType("application/json")
                .body("{\"email\":\"root.admin@casecoding.test\",\"password\":\"Adm1n-Test-Only-Passphrase\"}")
                .when().post("/api/auth/login").then().statusCode(200).extract().path("accessToken");
    }
}
