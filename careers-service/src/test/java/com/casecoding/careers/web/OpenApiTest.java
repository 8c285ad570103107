package com.casecoding.careers.web;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * Every list operation takes limit and offset (integers), not page and size, and its 200 answer is described as
     * the list envelope: items (an array), total, limit, offset and next.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyListOperationTakesLimitAndOffsetAndAnswersTheEnvelope() {
        Map<String, Object> doc = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        for (String path : List.of("/api/jobs", "/api/careers/employer/jobs", "/api/careers/employer/jobs/{id}/applications",
                "/api/careers/me/applications", "/api/careers/me/saved-jobs", "/api/careers/me/saved-searches",
                "/api/careers/admin/jobs", "/api/careers/admin/employers")) {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get("get");
            assertNotNull(get, path);
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) get.get("parameters");
            Map<String, Object> byName = new java.util.HashMap<>();
            parameters.forEach(p -> byName.put((String) p.get("name"), p));
            for (String name : List.of("limit", "offset")) {
                Map<String, Object> parameter = (Map<String, Object>) byName.get(name);
                assertNotNull(parameter, path + " takes " + name);
                assertEquals("integer", ((Map<String, Object>) parameter.get("schema")).get("type"), path + " " + name);
                assertNotNull(parameter.get("description"), path + " describes " + name);
            }
            assertFalse(byName.containsKey("page") || byName.containsKey("size"), path + " still takes page or size");
            assertFalse(String.valueOf(get.get("description")).matches("(?s).*\\b(page|size) (counts|defaults).*"),
                    path + " still describes page/size");
            Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) get.get("responses")).get("200");
            Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    ok.get("content")).get("application/json")).get("schema");
            assertNotNull(schema.get("$ref"), path + ": the answer is a named envelope, not " + schema);
            String ref = ((String) schema.get("$ref")).substring("#/components/schemas/".length());
            Map<String, Object> envelope = (Map<String, Object>) schemas.get(ref);
            Map<String, Object> properties = (Map<String, Object>) envelope.get("properties");
            assertTrue(properties.keySet().containsAll(List.of("items", "total", "limit", "offset", "next")),
                    path + ": " + ref + " has " + properties.keySet());
            assertEquals("array", ((Map<String, Object>) properties.get("items")).get("type"), path + " items");
        }
    }
}
