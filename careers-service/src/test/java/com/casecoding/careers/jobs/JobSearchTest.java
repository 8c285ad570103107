package com.casecoding.careers.jobs;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static com.casecoding.careers.CareersFixtures.admin;
import static com.casecoding.careers.CareersFixtures.bearer;
import static com.casecoding.careers.CareersFixtures.createJob;
import static com.casecoding.careers.CareersFixtures.employerWithProfile;
import static com.casecoding.careers.CareersFixtures.job;
import static com.casecoding.careers.CareersFixtures.newId;
import static com.casecoding.careers.CareersFixtures.publishedJob;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobSearchTest {

    /** A made-up word only this class's postings contain, so other tests' postings never interfere. */
    private final String word = randomWord();
    private long a;
    private long b;
    private long c;
    private long d;

    @BeforeEach
    void postings() {
        if (a != 0) {
            return;
        }
        String token = employerWithProfile("Clinic " + word);
        Map<String, Object> body = job("Risk adjustment coder " + word);
        body.put("credentialsRequired", List.of("CRC"));
        body.put("specialties", List.of("risk-adjustment-hcc"));
        body.put("salary", Map.of("min", 25, "max", 30, "currency", "USD", "period", "hour"));
        body.put("experienceYears", 1);
        a = publishedJob(token, body);

        body = job("Inpatient facility coder");
        body.put("description", "Assign MS-DRGs at a teaching hospital.");
        body.put("workplace", "onsite");
        body.put("location", Map.of("city", "Nashville", "state", "TN", "country", "US"));
        body.put("credentialsRequired", List.of("CCS"));
        body.put("credentialsPreferred", List.of("CIC"));
        body.put("specialties", List.of("inpatient-drg"));
        body.put("salary", Map.of("min", 60000, "max", 75000, "currency", "USD", "period", "year"));
        body.put("experienceYears", 3);
        b = publishedJob(token, body);

        body = job("Coding auditor");
        body.put("description", "Audit physician documentation across specialties.");
        body.put("remoteStates", List.of("TX", "FL"));
        body.put("employmentType", "contract");
        body.put("credentialsRequired", List.of("CPMA"));
        body.put("specialties", List.of("auditing"));
        body.put("salary", Map.of("min", 80000, "max", 95000, "currency", "USD", "period", "year"));
        body.put("experienceYears", 5);
        c = publishedJob(token, body);

        body = job("Evaluation and management coder " + word);
        body.put("workplace", "hybrid");
        body.put("location", Map.of("city", "Austin", "state", "TX", "country", "US"));
        body.put("employmentType", "part_time");
        body.put("salary", null);
        body.put("experienceYears", 0);
        d = publishedJob(token, body);

        createJob(token, job("Draft coder " + word));
        long hidden = publishedJob(token, job("Hidden coder " + word));
        given().header("Authorization", bearer(admin(newId()))).contentType(ContentType.JSON)
                .body(Map.of("reason", "spam"))
                .when().post("/api/careers/admin/jobs/" + hidden + "/hide").then().statusCode(200);
    }

    private JsonPath search(String query) {
        return given().when().get("/api/jobs?q=" + word + (query.isEmpty() ? "" : "&" + query))
                .then().statusCode(200).extract().jsonPath();
    }

    private Set<Long> ids(String query) {
        return new HashSet<>(search(query).getList("items.id", Long.class));
    }

    @Test
    void keywordsMatchTitleEmployerAndDescriptionButOnlyPublicPostings() {
        JsonPath r = search("");
        assertEquals(4, r.getLong("total"));
        assertEquals(Set.of(a, b, c, d), ids(""));
        assertEquals(Set.of(b), new HashSet<>(given().when().get("/api/jobs?q=" + word + " teaching hospital")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class)));
    }

    @Test
    void titleMatchesRankAboveEmployerAndDescriptionMatches() {
        List<Long> order = search("sort=relevance").getList("items.id", Long.class);
        assertEquals(Set.of(a, d), new HashSet<>(order.subList(0, 2)));
        assertEquals("relevance", search("").getString("sort"));
    }

    @Test
    void filters() {
        assertEquals(Set.of(a), ids("credential=CRC"));
        assertEquals(Set.of(b), ids("credential=CIC"));
        assertEquals(Set.of(a, b), ids("credential=CRC,CCS"));
        assertEquals(Set.of(c), ids("specialty=auditing"));
        assertEquals(Set.of(a, c), ids("workplace=remote"));
        assertEquals(Set.of(b, d), ids("workplace=onsite&workplace=hybrid"));
        assertEquals(Set.of(a, c, d), ids("state=TX"));
        assertEquals(Set.of(a, b), ids("state=tn"));
        assertEquals(Set.of(b), ids("city=nashville"));
        assertEquals(Set.of(c), ids("employmentType=contract"));
        assertEquals(Set.of(a, b, c), ids("minSalary=62000"));
        assertEquals(Set.of(b, c), ids("minSalary=70000"));
        assertEquals(Set.of(a, d), ids("experience=2"));
        assertEquals(Set.of(a, b, c, d), ids("postedSince=" + LocalDate.now().minusDays(1)));
        assertEquals(Set.of(), ids("postedSince=" + LocalDate.now().plusDays(1)));
        assertEquals(Set.of(c), ids("workplace=remote&state=FL&minSalary=80000"));
    }

    @Test
    void sortBySalaryAndNewest() {
        assertEquals(List.of(c, b, a, d), search("sort=salary").getList("items.id", Long.class));
        assertEquals(List.of(d, c, b, a), search("sort=newest").getList("items.id", Long.class));
    }

    @Test
    void facetsCountTheFilteredSet() {
        JsonPath r = search("");
        assertEquals(2, r.getInt("facets.workplace.remote"));
        assertEquals(1, r.getInt("facets.workplace.onsite"));
        assertEquals(1, r.getInt("facets.workplace.hybrid"));
        assertEquals(1, r.getInt("facets.credential.CRC"));
        assertEquals(1, r.getInt("facets.credential.CIC"));
        assertEquals(1, r.getInt("facets.credential.CPC"));
        assertEquals(1, r.getInt("facets.specialty.auditing"));
        assertEquals(1, r.getInt("facets.state.TN"));
        assertEquals(2, r.getInt("facets.employmentType.full_time"));
        assertEquals(3, r.getInt("facets.minSalary.60000"));
        assertEquals(1, r.getInt("facets.minSalary.80000"));
        assertTrue(search("facets=false").get("facets") == null);
    }

    @Test
    void aFacetIgnoresItsOwnFilterButResultsObeyEveryFilter() {
        // workplace=remote: the list holds the remote jobs only, the workplace counts still show hybrid and onsite
        JsonPath remote = search("workplace=remote");
        assertEquals(2, remote.getLong("total"));
        assertEquals(Set.of(a, c), ids("workplace=remote"));
        assertEquals(Map.of("remote", 2, "onsite", 1, "hybrid", 1), remote.getMap("facets.workplace"));
        // every other facet counts the remote jobs only
        assertEquals(Map.of("full_time", 1, "contract", 1), remote.getMap("facets.employmentType"));
        assertEquals(Map.of("CRC", 1, "CPMA", 1), remote.getMap("facets.credential"));
        assertEquals(2, remote.getInt("facets.minSalary.60000"));

        // two filters: each facet applies the other one
        JsonPath both = search("workplace=remote&employmentType=contract");
        assertEquals(1, both.getLong("total"));
        assertEquals(Set.of(c), ids("workplace=remote&employmentType=contract"));
        assertEquals(Map.of("remote", 1), both.getMap("facets.workplace"));
        assertEquals(Map.of("full_time", 1, "contract", 1), both.getMap("facets.employmentType"));
        assertEquals(Map.of("CPMA", 1), both.getMap("facets.credential"));

        // the salary buckets belong to minSalary
        JsonPath pay = search("minSalary=70000");
        assertEquals(Set.of(b, c), ids("minSalary=70000"));
        assertEquals(Map.of("40000", 3, "50000", 3, "60000", 3, "70000", 2, "80000", 1), pay.getMap("facets.minSalary"));
        assertEquals(Map.of("onsite", 1, "remote", 1), pay.getMap("facets.workplace"));

        // no posting passes both: each of the two facets still shows what choosing it alone would give
        JsonPath none = search("credential=CRC&specialty=auditing");
        assertEquals(0, none.getLong("total"));
        assertEquals(List.of(), none.getList("items"));
        assertEquals(Map.of("CPMA", 1), none.getMap("facets.credential"));
        assertEquals(Map.of("risk-adjustment-hcc", 1), none.getMap("facets.specialty"));
        assertEquals(Map.of(), none.getMap("facets.workplace"));

        // state counts where postings are located, ignoring the state filter
        JsonPath texas = search("state=TX");
        assertEquals(Set.of(a, c, d), ids("state=TX"));
        assertEquals(Map.of("TN", 1, "TX", 1), texas.getMap("facets.state"));

        // filters that are not facets (experience, keywords) narrow every facet
        JsonPath junior = search("workplace=remote&experience=2");
        assertEquals(Set.of(a), ids("workplace=remote&experience=2"));
        assertEquals(Map.of("remote", 1, "hybrid", 1), junior.getMap("facets.workplace"));
        JsonPath hospital = given().when().get("/api/jobs?q=" + word + " teaching hospital&workplace=remote")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, hospital.getLong("total"));
        assertEquals(Map.of("onsite", 1), hospital.getMap("facets.workplace"));
    }

    /**
     * For combinations of filters, each categorical facet equals the values counted over the results of the same
     * search without that facet's own filter, and the results obey every filter.
     */
    @Test
    void disjunctiveCountsEqualTheSearchWithoutThatFilter() {
        Map<String, String> hitField = Map.of("workplace", "workplace", "employmentType", "employmentType",
                "specialty", "specialties");
        List<Map<String, String>> combinations = List.of(
                Map.of("workplace", "remote"),
                Map.of("workplace", "onsite,hybrid", "employmentType", "full_time"),
                Map.of("specialty", "auditing,em", "workplace", "remote"),
                Map.of("employmentType", "contract,part_time", "specialty", "em"),
                Map.of("workplace", "remote", "employmentType", "full_time", "specialty", "risk-adjustment-hcc"),
                Map.of("workplace", "hybrid", "state", "TX", "minSalary", "1000"));
        for (Map<String, String> filters : combinations) {
            JsonPath all = searchWith(filters);
            for (Map<String, Object> hit : all.<Map<String, Object>>getList("items")) {
                filters.forEach((name, wanted) -> {
                    if (hitField.containsKey(name)) {
                        Object value = hit.get(hitField.get(name));
                        List<String> values = value instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                                : List.of(String.valueOf(value));
                        assertTrue(values.stream().anyMatch(List.of(wanted.split(","))::contains),
                                filters + ": result " + hit.get("id") + " fails " + name);
                    }
                });
            }
            for (String facet : hitField.keySet()) {
                Map<String, String> others = new java.util.HashMap<>(filters);
                others.remove(facet);
                Map<String, Integer> expected = new java.util.HashMap<>();
                for (Map<String, Object> hit : searchWith(others).<Map<String, Object>>getList("items")) {
                    Object value = hit.get(hitField.get(facet));
                    for (Object v : value instanceof List<?> l ? l : List.of(value)) {
                        expected.merge(String.valueOf(v), 1, Integer::sum);
                    }
                }
                assertEquals(expected, all.getMap("facets." + facet), filters + ": facet " + facet);
            }
        }
    }

    private JsonPath searchWith(Map<String, String> filters) {
        var request = given().queryParam("q", word).queryParam("limit", 50);
        filters.forEach(request::queryParam);
        return request.when().get("/api/jobs").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void pagingIsCapped() {
        JsonPath r = search("sort=newest&limit=2&offset=2");
        assertEquals(4, r.getLong("total"));
        assertEquals(List.of(b, a), r.getList("items.id", Long.class));
        given().when().get("/api/jobs?limit=51").then().statusCode(400);
        given().when().get("/api/jobs?offset=1000&limit=1").then().statusCode(400);
    }

    @Test
    void oddKeywordSyntaxNeverErrors() {
        for (String q : List.of("\"unclosed", "-", "a | | b & !(", "'; drop table job_posting; --", "OR OR", "\\", "<>",
                "cpc -remote \"risk adjustment\"", "e/m", "99213")) {
            given().queryParam("q", q).when().get("/api/jobs").then().statusCode(200);
        }
        given().queryParam("q", "x".repeat(201)).when().get("/api/jobs").then().statusCode(400)
                .body("violations.field", hasItem("q"));
    }

    @Test
    void badFilterValuesAreNamed() {
        Map<String, String> bad = Map.of("credential", "WIZARD", "specialty", "astrology", "workplace", "moon",
                "state", "ZZ", "minSalary", "lots", "experience", "-1", "postedSince", "yesterday", "sort", "random",
                "employmentType", "forever", "facets", "maybe");
        bad.forEach((name, value) -> given().queryParam(name, value).when().get("/api/jobs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(name)));
    }

    @Test
    void detailHasSafeHtmlAndSchemaOrgJsonLd() {
        given().when().get("/api/jobs/" + a).then().statusCode(200)
                .body("job.title", equalTo("Risk adjustment coder " + word))
                .body("jsonLd.'@context'", equalTo("https://schema.org/"))
                .body("jsonLd.'@type'", equalTo("JobPosting"))
                .body("jsonLd.title", equalTo("Risk adjustment coder " + word))
                .body("jsonLd.hiringOrganization.name", equalTo("Clinic " + word))
                .body("jsonLd.jobLocationType", equalTo("TELECOMMUTE"))
                .body("jsonLd.applicantLocationRequirements[0].name", equalTo("US"))
                .body("jsonLd.employmentType", equalTo("FULL_TIME"))
                .body("jsonLd.baseSalary.currency", equalTo("USD"))
                .body("jsonLd.baseSalary.value.unitText", equalTo("HOUR"))
                .body("jsonLd.baseSalary.value.minValue", equalTo(25.0f))
                .body("jsonLd.qualifications", containsString("CRC"))
                .body("jsonLd.directApply", equalTo(true))
                .body("jsonLd.datePosted", equalTo(LocalDate.now(java.time.ZoneOffset.UTC).toString()))
                .body("jsonLd.validThrough", not(equalTo(null)))
                .body("descriptionHtml", containsString("<li>accuracy first</li>"));
        given().when().get("/api/jobs/" + b + "/jsonld").then().statusCode(200)
                .contentType(containsString("application/ld+json"))
                .body("jobLocation.address.addressLocality", equalTo("Nashville"))
                .body("jobLocation.address.addressRegion", equalTo("TN"))
                .body("jobLocationType", equalTo(null))
                .body("experienceRequirements.monthsOfExperience", equalTo(36));
        given().when().get("/api/jobs/" + c + "/jsonld").then().statusCode(200)
                .body("applicantLocationRequirements.name", equalTo(List.of("TX", "FL")))
                .body("employmentType", equalTo("CONTRACTOR"));
    }

    @Test
    void scriptInMarkdownIsNeverRendered() {
        String token = employerWithProfile("Markdown Clinic");
        Map<String, Object> body = job("Markdown coder");
        body.put("description", "Hello <script>alert('x')</script>\n\n[click](javascript:alert(1)) "
                + "<img src=x onerror=alert(2)> [site](https://ok.example)");
        long id = publishedJob(token, body);
        String html = given().when().get("/api/jobs/" + id).then().statusCode(200)
                .extract().jsonPath().getString("descriptionHtml");
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(!html.contains("<script") && !html.contains("<img") && !html.contains("javascript:"), html);
        assertTrue(html.contains("href=\"https://ok.example\""), html);
    }

    @Test
    void dataUrlsAreDroppedFromLinksAndImages() {
        String token = employerWithProfile("Data Url Clinic");
        Map<String, Object> body = job("Data url coder");
        body.put("description", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) "
                + "![y](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=) [z](vbscript:msgbox) [ok](mailto:hr@ok.example)");
        long id = publishedJob(token, body);
        String html = given().when().get("/api/jobs/" + id).then().statusCode(200)
                .extract().jsonPath().getString("descriptionHtml");
        assertTrue(!html.contains("data:") && !html.contains("vbscript:"), html);
        assertTrue(html.contains("href=\"mailto:hr@ok.example\""), html);
    }

    @Test
    void jsonLdCannotEndTheScriptElementItIsEmbeddedIn() {
        String token = employerWithProfile("Script </script><img src=x onerror=alert(1)> Clinic");
        Map<String, Object> body = job("Coder </script><script>alert(document.cookie)</script>");
        long id = publishedJob(token, body);
        String ld = given().when().get("/api/jobs/" + id + "/jsonld").then().statusCode(200)
                .contentType(containsString("application/ld+json")).extract().asString();
        assertTrue(!ld.contains("<") && !ld.contains(">"), ld);
        assertTrue(ld.toLowerCase(java.util.Locale.ROOT).contains("\\u003c/script\\u003e"), ld);
        // the escapes are JSON: the data is unchanged
        given().when().get("/api/jobs/" + id + "/jsonld").then()
                .body("title", equalTo("Coder </script><script>alert(document.cookie)</script>"));
        String script = given().when().get("/api/jobs/" + id).then().statusCode(200)
                .extract().jsonPath().getString("jsonLdScript");
        assertTrue(!script.contains("<") && !script.contains(">") && script.contains("JobPosting"), script);
    }

    @Test
    void keywordsOfDashesOrOperatorsAloneNeverFailTheSearch() {
        for (String q : new String[]{"-".repeat(32), "-".repeat(64), "- ".repeat(64), "-\"".repeat(60), "--coder"}) {
            given().queryParam("q", q).when().get("/api/jobs").then().statusCode(200);
        }
    }

    @Test
    void vocabularyListsTheAcceptedValues() {
        given().when().get("/api/jobs/vocabulary").then().statusCode(200)
                .body("credentials.CPC", containsString("AAPC"))
                .body("specialties.'risk-adjustment-hcc'", equalTo("Risk adjustment (HCC)"))
                .body("workplaces", equalTo(List.of("remote", "hybrid", "onsite")));
    }

    private static String randomWord() {
        Random random = new Random();
        StringBuilder sb = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
