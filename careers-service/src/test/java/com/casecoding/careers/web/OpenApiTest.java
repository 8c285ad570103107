package com.casecoding.careers.web;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class OpenApiTest {

    @Test
    void everyAreaIsInTheSpec() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/jobs"))
                .body("paths", hasKey("/api/jobs/{id}"))
                .body("paths", hasKey("/api/jobs/{id}/applications"))
                .body("paths", hasKey("/api/careers/employer/jobs"))
                .body("paths", hasKey("/api/careers/employer/jobs/{id}/applications"))
                .body("paths", hasKey("/api/careers/me/saved-searches"))
                .body("paths", hasKey("/api/careers/admin/jobs/{id}/hide"))
                .body("components.schemas", hasKey("Problem"));
    }
}
