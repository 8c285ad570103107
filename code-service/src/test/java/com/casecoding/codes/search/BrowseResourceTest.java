package com.casecoding.codes.search;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class BrowseResourceTest {

    @Inject
    SearchEngine engine;

    @BeforeEach
    void indexReady() throws InterruptedException {
        assertTrue(engine.awaitIdle(Duration.ofSeconds(60)), "search index not built");
    }

    @Test
    void topLevelOfEveryCodeSet() {
        given().when().get("/api/browse").then().statusCode(200)
                .body("items.system", hasItem("icd10cm"))
                .body("next", nullValue())
                .body("items.find { it.system == 'icd10cm' }.children", hasSize(22));
        io.restassured.path.json.JsonPath all = given().when().get("/api/browse").then().extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(all.getList("items").size(), all.getInt("total"));
        given().when().get("/api/browse/hcpcs").then().statusCode(200)
                .body("children.id", hasItem("J0000-J9999"));
    }

    @Test
    void chapterBlockCategoryCode() {
        given().when().get("/api/browse/icd10cm/E00-E89").then().statusCode(200)
                .body("node.kind", equalTo("chapter"))
                .body("items.id", hasItem("E08-E13"));
        given().when().get("/api/browse/icd10cm/E08-E13").then().statusCode(200)
                .body("items.id", hasItems("E10", "E11"))
                .body("items.kind", everyItem(equalTo("header")));
        given().when().get("/api/browse/icd10cm/e11").then().statusCode(200)
                .body("node.code", equalTo("E11"))
                .body("node.billable", equalTo(false))
                .body("items.code", hasItems("E11.6", "E11.9"));
        given().when().get("/api/browse/icd10pcs/0").then().statusCode(200)
                .body("items.id", hasItem("0D"));
        given().when().get("/api/browse/cpt/36000-37799").then().statusCode(200)
                .body("items.id", hasItems("36556", "37252", "37253"));
    }

    @Test
    void rangeAsAList() {
        given().queryParam("range", "E10-E11").queryParam("limit", "3").when().get("/api/browse/icd10cm")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(6))
                .body("items.code[0]", equalTo("E10"))
                .body("items", hasSize(3))
                .body("limit", equalTo(3)).body("offset", equalTo(0))
                .body("next", equalTo("/api/browse/icd10cm?range=E10-E11&limit=3&offset=3"))
                .body("items.code", everyItem(startsWith("E1")));
        given().queryParam("range", "E10-E11").queryParam("limit", "3").queryParam("offset", "3")
                .when().get("/api/browse/icd10cm").then().statusCode(200)
                .body("offset", equalTo(3)).body("items.code[0]", org.hamcrest.Matchers.not(equalTo("E10")));
        given().queryParam("range", "E11").when().get("/api/browse/icd10cm").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("range", "E13-E10").when().get("/api/browse/icd10cm").then().statusCode(400);
    }

    @Test
    void unknownSystemOrNodeIs404() {
        given().when().get("/api/browse/snomed").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/browse/icd10cm/E99.99").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
