package com.casecoding.codes.search;

import com.casecoding.codes.edits.EditTestData;
import com.casecoding.codes.edits.Fixtures;
import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our plain-language texts reach search through the {@link PlainTextLookup} seam: CPT numbers imported from our CMS
 * layout fixtures are indexed with the texts of a test lookup ({@link TestPlainTexts}), found by those words, shown
 * as {@code plainText}, and rank below a code whose official title has the same word.
 */
@QuarkusTest
@TestProfile(PlainTextProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainTextSearchTest {

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Inject
    SearchEngine search;

    @BeforeAll
    void importCptNumbers() throws Exception {
        CodesTestData.reset(dataSource);
        Path dir = EditTestData.writeFixtures(Files.createTempDirectory("plain-texts"), Fixtures.RVU);
        runner.importPaths(List.of(dir), "test");
        assertTrue(search.awaitIdle(Duration.ofSeconds(60)));
        search.requestRebuild("plain-text test");
        assertTrue(search.awaitIdle(Duration.ofSeconds(60)));
    }

    @AfterAll
    void clean() {
        CodesTestData.reset(dataSource);
    }

    private JsonPath search(String q) {
        return given().queryParam("q", q).when().get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCptNumberIsFoundByTheWordsOfItsPlainText() {
        JsonPath page = search("zebra crossing");
        assertEquals("27447", page.getString("items[0].code"));
        assertEquals("cpt", page.getString("items[0].system"));
        assertEquals(TestPlainTexts.TEXT, page.getString("items[0].plainText"));
    }

    @Test
    void anOfficialTitleRanksAboveTheSameWordInAPlainText() {
        List<String> codes = search("cholera").getList("items.code");
        assertTrue(codes.contains("27447"), codes.toString());
        assertTrue(codes.indexOf("A00.9") < codes.indexOf("27447"), codes.toString());
    }
}
