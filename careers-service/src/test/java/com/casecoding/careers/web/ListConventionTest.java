package com.casecoding.careers.web;

import com.casecoding.careers.employers.EmployerProfile;
import com.casecoding.careers.jobs.JobPosting;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static com.casecoding.careers.CareersFixtures.admin;
import static com.casecoding.careers.CareersFixtures.apply;
import static com.casecoding.careers.CareersFixtures.bearer;
import static com.casecoding.careers.CareersFixtures.coder;
import static com.casecoding.careers.CareersFixtures.createJob;
import static com.casecoding.careers.CareersFixtures.employerWithProfile;
import static com.casecoding.careers.CareersFixtures.job;
import static com.casecoding.careers.CareersFixtures.newId;
import static com.casecoding.careers.CareersFixtures.publishedJob;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The list convention as a client sees it, on every list operation: a page answers {@code items} (at most
 * {@code limit} of them), {@code total} (the whole list), {@code limit}, {@code offset} and {@code next}, the path and
 * query of the following page, which the client calls as it is; the last page has {@code next: null}. Bad paging
 * parameters are a 400 problem naming the parameter.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class ListConventionTest {

    @Test
    void aLongerListThanTheLimitIsReadPageByPageThroughNext() {
        String employer = employerWithProfile("Paging Clinic");
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createJob(employer, job("Paging draft " + i)));
        }

        JsonPath first = as(employer).get("/api/careers/employer/jobs?limit=2").then().statusCode(200)
                .body("total", equalTo(5)).body("limit", equalTo(2)).body("offset", equalTo(0))
                .body("items.size()", equalTo(2))
                .body("next", equalTo("/api/careers/employer/jobs?limit=2&offset=2"))
                .extract().jsonPath();
        JsonPath second = as(employer).get(first.getString("next")).then().statusCode(200)
                .body("total", equalTo(5)).body("limit", equalTo(2)).body("offset", equalTo(2))
                .body("items.size()", equalTo(2))
                .body("next", equalTo("/api/careers/employer/jobs?limit=2&offset=4"))
                .extract().jsonPath();
        JsonPath last = as(employer).get(second.getString("next")).then().statusCode(200)
                .body("total", equalTo(5)).body("offset", equalTo(4)).body("items.size()", equalTo(1))
                .body("$", hasKey("next")).body("next", nullValue())
                .extract().jsonPath();

        List<Long> read = new ArrayList<>();
        for (JsonPath page : List.of(first, second, last)) {
            read.addAll(page.getList("items.id", Long.class));
        }
        // newest first, each posting once, none left out
        assertEquals(reversed(created), read);

        // a filter stays in the next link; a page past the end is empty and has no next
        as(employer).get("/api/careers/employer/jobs?status=draft&limit=3").then().statusCode(200)
                .body("total", equalTo(5)).body("next", equalTo("/api/careers/employer/jobs?status=draft&limit=3&offset=3"));
        as(employer).get("/api/careers/employer/jobs?status=published&limit=3").then().statusCode(200)
                .body("total", equalTo(0)).body("items.size()", equalTo(0)).body("next", nullValue());
        as(employer).get("/api/careers/employer/jobs?offset=5").then().statusCode(200)
                .body("total", equalTo(5)).body("limit", equalTo(20)).body("items.size()", equalTo(0))
                .body("next", nullValue());
    }

    @Test
    void everyCodersListPagesWithTheRealTotal() {
        String employer = employerWithProfile("Coder Lists Clinic");
        String coder = coder(newId());
        List<Long> postings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = publishedJob(employer, job("Coder list job " + i));
            postings.add(id);
            as(coder).put("/api/careers/me/saved-jobs/" + id).then().statusCode(204);
            apply(coder, id);
            as(coder).contentType(ContentType.JSON)
                    .body(Map.of("name", "Search " + i, "criteria", Map.of("credential", List.of("CPC"))))
                    .post("/api/careers/me/saved-searches").then().statusCode(201);
        }
        assertEquals(new HashSet<>(postings),
                new HashSet<>(walk(coder, "/api/careers/me/saved-jobs?limit=2", 2, "postingId", 3)));
        walk(coder, "/api/careers/me/applications?limit=2", 2, "id", 3);
        walk(coder, "/api/careers/me/saved-searches?limit=2", 2, "id", 3);
        // defaults: one page of up to 20 holds all three, with no next
        as(coder).get("/api/careers/me/saved-searches").then().statusCode(200)
                .body("total", equalTo(3)).body("limit", equalTo(20)).body("offset", equalTo(0))
                .body("items.size()", equalTo(3)).body("next", nullValue());
        // another coder's lists are empty, not someone else's
        as(coder(newId())).get("/api/careers/me/saved-jobs").then().statusCode(200)
                .body("total", equalTo(0)).body("items.size()", equalTo(0)).body("next", nullValue());
    }

    @Test
    void aPostingsApplicantsPageWithTheRealTotal() {
        String employer = employerWithProfile("Applicants Clinic");
        long posting = publishedJob(employer, job("Many applicants"));
        List<Long> applications = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            applications.add(apply(coder(newId()), posting));
        }
        String path = "/api/careers/employer/jobs/" + posting + "/applications";
        assertEquals(reversed(applications), walk(employer, path + "?limit=2", 2, "id", 5));
        as(employer).contentType(ContentType.JSON).body(Map.of("status", "rejected"))
                .put("/api/careers/employer/applications/" + applications.get(0) + "/status").then().statusCode(200);
        // total counts with the same filter as the page
        as(employer).get(path + "?status=submitted&limit=3").then().statusCode(200)
                .body("total", equalTo(4)).body("items.size()", equalTo(3))
                .body("next", equalTo(path + "?status=submitted&limit=3&offset=3"));
        walk(employer, path + "?status=rejected&limit=1", 1, "id", 1);
    }

    @Test
    void theAdminListsCountEveryRowTheirFilterKeeps() {
        String adminToken = admin(newId());
        String employer = employerWithProfile("Admin Lists Clinic");
        List<Long> hidden = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long id = publishedJob(employer, job("Admin list hidden " + i));
            as(adminToken).contentType(ContentType.JSON).body(Map.of("reason", "duplicate"))
                    .post("/api/careers/admin/jobs/" + id + "/hide").then().statusCode(200);
            hidden.add(id);
        }
        createJob(employer, job("Admin list draft"));
        employerWithProfile("Admin Lists Second Clinic");

        long postings = QuarkusTransaction.requiringNew().call(() -> JobPosting.count());
        long hiddenPostings = QuarkusTransaction.requiringNew().call(() -> JobPosting.count("hidden", true));
        long drafts = QuarkusTransaction.requiringNew().call(() -> JobPosting.count("status", "draft"));
        long employers = QuarkusTransaction.requiringNew().call(() -> EmployerProfile.count());
        long unverified = QuarkusTransaction.requiringNew().call(() -> EmployerProfile.count("verified", false));
        assertTrue(postings >= 3 && hiddenPostings >= 2 && drafts >= 1 && unverified >= 2);

        // limits that cut each list into about three pages, so total cannot be the size of one page
        walk(adminToken, "/api/careers/admin/jobs?limit=" + third(postings), third(postings), "id", postings);
        assertTrue(walk(adminToken, "/api/careers/admin/jobs?hidden=true&limit=" + third(hiddenPostings),
                third(hiddenPostings), "id", hiddenPostings).containsAll(hidden));
        walk(adminToken, "/api/careers/admin/jobs?status=draft&hidden=false&limit=" + third(drafts), third(drafts),
                "id", QuarkusTransaction.requiringNew().call(() -> JobPosting.count("status = ?1 and hidden = false", "draft")));
        walk(adminToken, "/api/careers/admin/employers?limit=" + third(employers), third(employers), "accountId",
                employers);
        walk(adminToken, "/api/careers/admin/employers?verified=false&limit=" + third(unverified), third(unverified),
                "accountId", unverified);
    }

    /** A limit that makes about three pages of a list of {@code count}, within the largest limit (50). */
    private static int third(long count) {
        return (int) Math.max(1, Math.min(50, (count + 2) / 3));
    }

    @Test
    void theJobSearchAnswersTheSameFivePropertiesBesideItsOwn() {
        String word = "zqlist" + newId().replaceAll("[^a-z]", "").substring(0, 6);
        String employer = employerWithProfile("Search Paging Clinic");
        List<Long> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(publishedJob(employer, job("Searchable coder " + word + " " + i)));
        }
        String first = "/api/jobs?q=" + word + "&sort=newest&limit=2";
        JsonPath page = given().urlEncodingEnabled(false).get(first).then().statusCode(200)
                .body("total", equalTo(3)).body("limit", equalTo(2)).body("offset", equalTo(0))
                .body("items.size()", equalTo(2)).body("sort", equalTo("newest"))
                .body("facets.workplace.remote", equalTo(3))
                .body("next", equalTo("/api/jobs?q=" + word + "&sort=newest&limit=2&offset=2"))
                .extract().jsonPath();
        JsonPath last = given().urlEncodingEnabled(false).get(page.getString("next")).then().statusCode(200)
                .body("total", equalTo(3)).body("offset", equalTo(2)).body("items.size()", equalTo(1))
                .body("sort", equalTo("newest"))
                .body("$", hasKey("next")).body("next", nullValue())
                .extract().jsonPath();
        List<Long> read = new ArrayList<>(page.getList("items.id", Long.class));
        read.addAll(last.getList("items.id", Long.class));
        assertEquals(reversed(jobs), read);
        // the old names are gone
        given().get("/api/jobs?q=" + word).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.not(hasKey("results")))
                .body("$", org.hamcrest.Matchers.not(hasKey("page")))
                .body("$", org.hamcrest.Matchers.not(hasKey("size")));
    }

    @Test
    void theJobSearchReachesAtMostItsResultWindow() {
        // offset + limit may reach result 1000 exactly, not past it
        given().get("/api/jobs?offset=980&limit=20").then().statusCode(200)
                .body("offset", equalTo(980)).body("limit", equalTo(20)).body("next", nullValue());
        for (String paging : List.of("offset=990&limit=20", "offset=999&limit=2", "offset=1000", "offset=1000&limit=1",
                "offset=5000")) {
            given().get("/api/jobs?" + paging).then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("offset")));
        }
    }

    @Test
    void badLimitOrOffsetIsA400NamingIt() {
        String employer = employerWithProfile("Bad Paging Clinic");
        long posting = publishedJob(employer, job("Bad paging job"));
        String coder = coder(newId());
        String adminToken = admin(newId());
        Map<String, String> lists = Map.of(
                "/api/jobs", "",
                "/api/careers/employer/jobs", employer,
                "/api/careers/employer/jobs/" + posting + "/applications", employer,
                "/api/careers/me/applications", coder,
                "/api/careers/me/saved-jobs", coder,
                "/api/careers/me/saved-searches", coder,
                "/api/careers/admin/jobs", adminToken,
                "/api/careers/admin/employers", adminToken);
        Map<String, String> bad = Map.of("limit=0", "limit", "limit=abc", "limit", "limit=51", "limit",
                "limit=-5", "limit", "offset=-1", "offset", "offset=abc", "offset", "offset=1.5", "offset");
        lists.forEach((path, token) -> {
            as(token).get(path).then().statusCode(200).body("limit", equalTo(20)).body("offset", equalTo(0));
            bad.forEach((query, name) -> as(token).get(path + "?" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400))
                    .body("violations.field", hasItem(name)));
        });
    }

    @Test
    void anOffsetFarPastTheEndIsAnEmptyPageNotAnError() {
        // page=1000000000 once answered 500 here; the deepest offset QueryValues reads is 999999999
        String coder = coder(newId());
        as(coder).get("/api/careers/me/applications?offset=999999999&limit=50").then().statusCode(200)
                .body("total", equalTo(0)).body("items.size()", equalTo(0)).body("next", nullValue());
        as(coder).get("/api/careers/me/applications?offset=1000000000").then().statusCode(400)
                .body("violations.field", hasItem("offset"));
    }

    /**
     * Reads a whole list by following {@code next} as it is from {@code first}; checks each page's envelope and that
     * the pages together hold {@code total} (= {@code expected}) distinct items. Returns their {@code idField}s in
     * order.
     */
    private static List<Object> walk(String token, String first, int limit, String idField, long expected) {
        List<Object> ids = new ArrayList<>();
        String next = first;
        for (int pages = 0; next != null; pages++) {
            assertTrue(pages <= expected / limit + 1, "more pages than the list can have: " + next);
            JsonPath page = as(token).get(next).then().statusCode(200).extract().jsonPath();
            assertEquals(expected, page.getLong("total"), next);
            assertEquals(limit, page.getInt("limit"), next);
            assertEquals(ids.size(), page.getInt("offset"), next);
            assertTrue(page.getMap("$").containsKey("next"), next);
            List<Object> items = page.getList("items." + idField);
            ids.addAll(items);
            next = page.getString("next");
            if (next != null) {
                assertEquals(limit, items.size(), "a page with a next page is full: " + next);
                assertTrue(next.startsWith(first.substring(0, first.indexOf('?') + 1)), next);
            } else {
                assertTrue(items.size() <= limit);
            }
        }
        assertEquals(expected, ids.size(), "the pages hold every item of the list: " + first);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no item on two pages: " + first);
        return ids.stream().map(id -> id instanceof Integer i ? (Object) i.longValue() : id).toList();
    }

    private static List<Long> reversed(List<Long> ids) {
        List<Long> out = new ArrayList<>(ids);
        java.util.Collections.reverse(out);
        return out;
    }

    /** A request with the token (none when blank) that sends its path and query as they are, like a client following next. */
    private static RequestSpecification as(String token) {
        RequestSpecification request = given().urlEncodingEnabled(false);
        return token.isEmpty() ? request : request.header("Authorization", bearer(token));
    }
}
