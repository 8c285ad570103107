package com.casecoding.gateway.support;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Small helpers to create accounts through the API in tests. */
public final class Accounts {

    public static final String PASSWORD = "Lumbar-Puncture-62270";

    private Accounts() {
    }

    /**
     * A request from a client at {@code address}: the tests' gateway trusts 127.0.0.1 as a proxy, so this is what an
     * Ingress controller would send for that client.
     */
    public static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    /** A documentation address (RFC 5737, 198.51.100.0/24 and 203.0.113.0/24) no other test uses. */
    public static String uniqueAddress() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return (r.nextBoolean() ? "198.51.100." : "203.0.113.") + r.nextInt(1, 255);
    }

    /** An IPv6 documentation address (2001:db8::/32) in a /48 of its own. */
    public static String uniqueIpv6() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(r.nextInt(1, 0xffff)) + ":1::" + Integer.toHexString(r.nextInt(1, 0xffff));
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
