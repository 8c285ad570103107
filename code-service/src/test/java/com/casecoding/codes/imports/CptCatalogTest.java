package com.casecoding.codes.imports;

import com.casecoding.codes.edits.EditTestData;
import com.casecoding.codes.edits.Fixtures;
import com.casecoding.codes.page.CodePageService;
import com.casecoding.codes.release.TestClock;
import com.casecoding.codes.search.SearchEngine;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPT code entries from the CMS files, on our fixtures in the CMS layouts (no real data needed): the numbers of the
 * fee schedule, MUE and add-on files become one CPT release of their year, with the modifier numbers; a licensee's
 * AMA file of the same year (invented descriptors) then adds the descriptors to the same entries.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CptCatalogTest {

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Inject
    CodePageService pages;

    @Inject
    SearchEngine search;

    ImportSummary cms;

    @BeforeAll
    void importTheCmsFixtures() throws IOException {
        CodesTestData.reset(dataSource);
        Path dir = EditTestData.writeFixtures(Files.createTempDirectory("cpt-from-cms"), Fixtures.RVU,
                Fixtures.MUE_PRACTITIONER, Fixtures.AOC);
        cms = runner.importPaths(List.of(dir), "test");
        pages.invalidate();
    }

    @BeforeEach
    void inFebruary2026() {
        TestClock.today(LocalDate.of(2026, 2, 1));
    }

    private static String coder() {
        return TestTokens.coder("61616161-6161-6161-6161-616161616161");
    }

    @Test
    @Order(1)
    void theCmsNumbersBecomeOneCptReleaseOfTheirYear() {
        assertEquals(0, cms.failed(), cms::toString);
        assertEquals(1, cms.derived().size(), cms.derived()::toString);
        assertEquals("2026", cms.derived().get(0).version());
        given().when().get("/api/releases").then().statusCode(200)
                .body("items.findAll { it.dataset == 'cpt' }", hasSize(1))
                .body("items.find { it.dataset == 'cpt' }.derived", equalTo(true))
                .body("items.find { it.dataset == 'cpt' }.validFrom", equalTo("2026-01-01"))
                .body("items.find { it.dataset == 'cpt' }.validTo", equalTo("2026-12-31"))
                .body("items.find { it.dataset == 'cpt' }.current", equalTo(true))
                .body("items.find { it.dataset == 'cpt' }.coverage", containsString("CPT Category I"));
        // in the fee schedule
        given().auth().oauth2(coder()).when().get("/api/codes/cpt/27447").then().statusCode(200)
                .body("release.version", equalTo("2026"))
                .body("status", equalTo("active"))
                .body("feeSchedule.status", equalTo("A"))
                .body("sections.find { it.key == 'official' }.content.licenseRequired", equalTo(true))
                .body("sections.find { it.key == 'official' }.content.namedBy",
                        hasItem("Medicare Physician Fee Schedule (RVU) RVU26A"))
                .body("sections.find { it.key == 'payment' }.content.globalDays.value", equalTo("090"));
        // only in the MUE file
        given().when().get("/api/codes/cpt/20610").then().statusCode(200)
                .body("release.version", equalTo("2026"))
                .body("status", equalTo("active"))
                .body("feeSchedule", nullValue());
        // named only as a primary code whose deletion date the add-on edits publish
        given().when().get("/api/codes/cpt/37225").then().statusCode(200)
                .body("status", equalTo("deleted"))
                .body("deleted.lastValid", equalTo("2019-12-31"))
                .body("deleted.basis", containsString("add-on"));
        // a Category I number none of them names: the fee schedule lists every one, so it does not exist
        given().when().get("/api/codes/cpt/99998").then().statusCode(404).contentType("application/problem+json");
        // the CPT modifiers come with the release
        given().when().get("/api/codes/modifier/25").then().statusCode(200)
                .body("code", equalTo("25"))
                .body("release.version", equalTo("2026"))
                .body("sections.find { it.key == 'official' }.content.licenseRequired", equalTo(true))
                .body("sections.find { it.key == 'official' }.content.notice", containsString("AMA"))
                .body("sections.key", org.hamcrest.Matchers.not(hasItem("hcpcsDetails")));
    }

    @Test
    @Order(2)
    void claimChecksAndSearchKnowThem() throws InterruptedException {
        given().auth().oauth2(coder()).contentType("application/json")
                .body(Map.of("dateOfService", "2026-02-01", "setting", "practitioner", "lines", List.of(
                        Map.of("code", "20610", "units", 1, "modifiers", List.of("RT")),
                        Map.of("code", "99213", "units", 1, "modifiers", List.of("25")))))
                .when().post("/api/claims/check").then().statusCode(200)
                .body("findings.findAll { it.rule.startsWith('code-') && it.rule != 'code-set-not-loaded' }", empty())
                .body("findings.findAll { it.rule == 'modifier-unknown' }", empty());
        assertTrue(search.awaitIdle(Duration.ofSeconds(60)));
        given().queryParam("q", "20610").when().get("/api/search").then().statusCode(200)
                .body("items.code", hasItem("20610"))
                .body("items.find { it.code == '20610' }.system", equalTo("cpt"));
    }

    @Test
    @Order(3)
    void aLicenseeFileAddsTheDescriptorsToTheSameEntries() throws IOException {
        Path dir = Files.createTempDirectory("licensee").resolve("CPT2026");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("LONGULT.txt"), "99213\tTest descriptor for code 99213\r\n"
                + "20610\tTest descriptor for code 20610\r\n");
        Files.writeString(dir.resolve("SHORTU.txt"), "99213\tTEST SHORT 99213\n20610\tTEST SHORT 20610\n");
        ImportSummary licensed = runner.importPaths(List.of(dir.getParent()), "test");
        assertEquals(0, licensed.failed(), licensed::toString);
        assertEquals("replaced", licensed.files().get(0).status(), "the licensee file replaces the derived list");
        given().when().get("/api/releases").then().statusCode(200)
                .body("items.findAll { it.dataset == 'cpt' }", hasSize(1))
                .body("items.find { it.dataset == 'cpt' }.derived", equalTo(false))
                .body("items.find { it.dataset == 'cpt' }.version", equalTo("2026"));
        given().auth().oauth2(coder()).when().get("/api/codes/cpt/99213").then().statusCode(200)
                .body("release.version", equalTo("2026"))
                .body("sections.find { it.key == 'official' }.content.licenseRequired", equalTo(false))
                .body("sections.find { it.key == 'official' }.content.longDescription",
                        equalTo("Test descriptor for code 99213"))
                .body("feeSchedule.status", equalTo("A"))
                .body("sections.find { it.key == 'payment' }.content.status.value", equalTo("A"));
        // a number the CMS files name and the licensee file does not: still there, in the same release
        given().when().get("/api/codes/cpt/27447").then().statusCode(200)
                .body("release.version", equalTo("2026"))
                .body("status", equalTo("active"))
                .body("sections.find { it.key == 'official' }.content.licenseRequired", equalTo(true));
        given().when().get("/api/codes/modifier/59").then().statusCode(200).body("release.version", equalTo("2026"));
    }
}
