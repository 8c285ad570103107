package com.casecoding.codes.user;

import com.casecoding.codes.search.SearchEngine;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Favorites, notes and search history: registered users only, each sees only their own. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class UserDataTest {

    @Inject
    SearchEngine engine;

    private String alice;
    private String bob;

    @BeforeEach
    void setUp() throws InterruptedException {
        assertTrue(engine.awaitIdle(Duration.ofSeconds(60)), "search index not built");
        alice = TestTokens.coder(UUID.randomUUID().toString());
        bob = TestTokens.pro(UUID.randomUUID().toString());
    }

    @Test
    void favoritesAreIdempotentValidatedAndPrivate() {
        given().auth().oauth2(alice).when().put("/api/favorites/icd10cm/e11.9").then().statusCode(201)
                .body("code", equalTo("E11.9")).body("title", equalTo("Type 2 diabetes mellitus without complications"));
        given().auth().oauth2(alice).when().put("/api/favorites/icd10cm/E119").then().statusCode(200);
        given().auth().oauth2(alice).when().put("/api/favorites/hcpcs/J1885").then().statusCode(201);
        given().auth().oauth2(alice).when().put("/api/favorites/icd10cm/E11.99").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(alice).when().put("/api/favorites/snomed/123").then().statusCode(404);
        given().auth().oauth2(alice).when().get("/api/favorites").then().statusCode(200)
                .body("items.code", contains("J1885", "E11.9"));
        given().auth().oauth2(alice).queryParam("system", "hcpcs").when().get("/api/favorites").then()
                .statusCode(200).body("items.code", contains("J1885"));
        given().auth().oauth2(bob).when().get("/api/favorites").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(bob).when().delete("/api/favorites/icd10cm/E11.9").then().statusCode(404);
        given().auth().oauth2(alice).when().delete("/api/favorites/icd10cm/E11.9").then().statusCode(204);
        given().auth().oauth2(alice).when().get("/api/favorites").then().body("items.code", contains("J1885"));
    }

    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void anAccountKeepsAtMostTheMostFavoritesSoItsListStaysBounded() throws Exception {
        String subject = UUID.randomUUID().toString();
        String carol = TestTokens.coder(subject);
        given().auth().oauth2(carol).when().put("/api/favorites/icd10cm/E11.9").then().statusCode(201);
        try (var c = dataSource.getConnection(); var insert = c.prepareStatement("insert into codes.user_favorite "
                + "(subject, system, code, created_at) select ?, 'icd10cm', 'Z' || n, now() from "
                + "generate_series(1, ?) n")) {
            insert.setString(1, subject);
            insert.setInt(2, FavoriteService.MAX_FAVORITES - 1);
            insert.executeUpdate();
        }
        given().auth().oauth2(carol).when().put("/api/favorites/hcpcs/J1885").then().statusCode(409)
                .contentType("application/problem+json");
        // one already kept is still answered, and after a removal there is room again
        given().auth().oauth2(carol).when().put("/api/favorites/icd10cm/E119").then().statusCode(200);
        given().auth().oauth2(carol).when().delete("/api/favorites/icd10cm/E11.9").then().statusCode(204);
        given().auth().oauth2(carol).when().put("/api/favorites/hcpcs/J1885").then().statusCode(201);
    }

    @Test
    void notesArePrivateAndValidated() {
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("text", "Check documentation for CKD"))
                .when().put("/api/notes/icd10cm/I10").then().statusCode(201).body("text", equalTo("Check documentation for CKD"));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("text", "Updated"))
                .when().put("/api/notes/icd10cm/I10").then().statusCode(200).body("text", equalTo("Updated"));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("text", ""))
                .when().put("/api/notes/icd10cm/I10").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("text", "x".repeat(5001)))
                .when().put("/api/notes/icd10cm/I10").then().statusCode(400);
        given().auth().oauth2(alice).when().get("/api/notes/icd10cm/I10").then().statusCode(200)
                .body("text", equalTo("Updated"));
        given().auth().oauth2(bob).when().get("/api/notes/icd10cm/I10").then().statusCode(404);
        given().auth().oauth2(bob).when().get("/api/notes").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(bob).when().delete("/api/notes/icd10cm/I10").then().statusCode(404);
        given().auth().oauth2(alice).when().get("/api/notes").then().body("items.code", contains("I10"));
        given().auth().oauth2(alice).when().delete("/api/notes/icd10cm/I10").then().statusCode(204);
        given().auth().oauth2(alice).when().get("/api/notes/icd10cm/I10").then().statusCode(404);
    }

    @Test
    void searchesOfRegisteredUsersAreRememberedAndClearable() {
        given().auth().oauth2(alice).queryParam("q", "heart attack").when().get("/api/search").then().statusCode(200);
        given().auth().oauth2(alice).queryParam("q", "E11.9").queryParam("system", "icd10cm").when()
                .get("/api/search").then().statusCode(200);
        given().auth().oauth2(alice).queryParam("q", "E11.9").queryParam("system", "icd10cm").when()
                .get("/api/search").then().statusCode(200);
        given().auth().oauth2(bob).queryParam("q", "UTI").when().get("/api/search").then().statusCode(200);
        given().auth().oauth2(alice).when().get("/api/search-history").then().statusCode(200)
                .body("items.query", contains("E11.9", "heart attack"))
                .body("items[0].systems", contains("icd10cm"));
        given().auth().oauth2(bob).when().get("/api/search-history").then().statusCode(200)
                .body("items.query", contains("UTI"));
        given().auth().oauth2(alice).when().delete("/api/search-history").then().statusCode(204);
        given().auth().oauth2(alice).when().get("/api/search-history").then().body("items", hasSize(0));
        given().auth().oauth2(bob).when().get("/api/search-history").then().body("items", hasSize(1));
    }

    @Test
    void personalListsArePagesWithTheirTotalAndANextLinkThatLeadsThroughTheWholeList() {
        String dana = TestTokens.coder(UUID.randomUUID().toString());
        List<String> asked = List.of("asthma", "pneumonia", "fracture", "sepsis", "migraine");
        for (String q : asked) {
            given().auth().oauth2(dana).queryParam("q", q).when().get("/api/search").then().statusCode(200);
        }
        List<String> seen = new java.util.ArrayList<>();
        String next = "/api/search-history?limit=2";
        List<Integer> pageSizes = new java.util.ArrayList<>();
        while (next != null) {
            io.restassured.path.json.JsonPath page = given().urlEncodingEnabled(false).auth().oauth2(dana).when()
                    .get(next).then().statusCode(200).body("total", equalTo(5)).body("limit", equalTo(2))
                    .extract().jsonPath();
            seen.addAll(page.getList("items.query", String.class));
            pageSizes.add(page.getList("items").size());
            next = page.getString("next");
            assertTrue(pageSizes.size() <= 3, "the last page has no next link");
        }
        assertEquals(List.of(2, 2, 1), pageSizes);
        List<String> newestFirst = new java.util.ArrayList<>(asked);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen);
        given().auth().oauth2(dana).when().get("/api/search-history?limit=2&offset=2").then().statusCode(200)
                .body("offset", equalTo(2)).body("next", equalTo("/api/search-history?limit=2&offset=4"));
        for (String[] bad : new String[][] {{"/api/search-history?limit=0", "limit"},
                {"/api/search-history?limit=101", "limit"}, {"/api/notes?offset=-1", "offset"},
                {"/api/favorites?limit=abc", "limit"}, {"/api/favorites?limit=1001", "limit"}}) {
            given().auth().oauth2(dana).when().get(bad[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo(bad[1]));
        }
    }

    @Inject
    com.casecoding.codes.user.SearchHistoryRecorder recorder;

    @Test
    void concurrentSearchesOfOneUserAreAllRecordedOffTheRequestPath() throws Exception {
        String carol = TestTokens.coder(UUID.randomUUID().toString());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String q = "fracture " + i;
                calls.add(pool.submit(() -> given().auth().oauth2(carol).queryParam("q", q).when().get("/api/search")
                        .then().extract().statusCode()));
            }
            for (java.util.concurrent.Future<Integer> call : calls) {
                org.junit.jupiter.api.Assertions.assertEquals(200, call.get());
            }
        } finally {
            pool.shutdown();
        }
        // reading the history writes what is still queued first: all twenty are there, newest first
        given().auth().oauth2(carol).when().get("/api/search-history?limit=50").then().statusCode(200)
                .body("items", hasSize(20));
        org.junit.jupiter.api.Assertions.assertEquals(0, recorder.flush(), "nothing left to write");
    }

    @Test
    void guestsAndAnonymousCallersHaveNoUserData() {
        String guest = TestTokens.guest(UUID.randomUUID().toString());
        given().auth().oauth2(guest).queryParam("q", "asthma").when().get("/api/search").then().statusCode(200);
        given().auth().oauth2(guest).when().get("/api/search-history").then().statusCode(403);
        given().auth().oauth2(guest).when().put("/api/favorites/icd10cm/I10").then().statusCode(403);
        given().when().get("/api/favorites").then().statusCode(401);
        given().when().get("/api/notes").then().statusCode(401);
        given().when().delete("/api/search-history").then().statusCode(401);
    }
}
