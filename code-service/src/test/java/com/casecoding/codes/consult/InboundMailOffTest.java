package com.casecoding.codes.consult;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Without CONSULTS_INBOUND_SECRET the inbound endpoint is off: 503, whatever is sent. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class InboundMailOffTest {

    @Test
    void unconfiguredInboundMailAnswers503() {
        given().header(InboundMailResource.SECRET_HEADER, "")
                .contentType("application/json").body(Map.of("sender", "a@example.test", "text", "t"))
                .when().post("/api/consults/inbound")
                .then().statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("detail", containsString("not configured"));
    }
}
