package com.casecoding.codes.imports;

import com.casecoding.codes.release.ImportCompleted;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import framework: checksum skip, refusal keeping nothing, the admin endpoint, the ImportCompleted event. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class ImportRunnerTest {

    private static final String ADMIN = TestTokens.withRoles("44444444-4444-4444-4444-444444444444", "admin");

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Inject
    ImportEventsProbe events;

    @BeforeEach
    void reset() {
        CodesTestData.reset(dataSource);
        events.seen().clear();
    }

    private static Path demoFile(Path dir, String relative) {
        return dir.resolve(relative);
    }

    @Test
    void malformedFileIsRefusedWithLineAndReasonAndNothingKept() throws IOException {
        Path dir = DemoData.extract();
        Path order = demoFile(dir, "icd10cm/FY2025/icd10cm_order_2025.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(order));
        String fifth = lines.get(4);
        lines.set(4, fifth.substring(0, 14) + "7" + fifth.substring(15));
        Files.write(order, lines);

        ImportSummary summary = runner.importPaths(List.of(order), "test");
        ImportOutcome outcome = summary.files().get(0);
        assertEquals("refused", outcome.status());
        assertEquals(5L, outcome.line());
        assertTrue(outcome.reason().contains("header flag"), outcome.reason());
        assertEquals(0, count("select count(*) from codes.code_release"));
        assertEquals(0, count("select count(*) from codes.code_entry"));
        assertTrue(events.seen().isEmpty(), "nothing stored, no event");

        given().auth().oauth2(ADMIN).when().get("/api/admin/imports").then().statusCode(200)
                .body("items[0].status", equalTo("refused"))
                .body("items[0].line", equalTo(5))
                .body("items[0].reason", containsString("header flag"))
                .body("items[0].file", containsString("icd10cm_order_2025.txt"));
    }

    @Test
    void symbolicLinksToFoldersAreFollowedAndLoopsSkipped() throws IOException {
        Path demo = DemoData.extract();
        Path share = Files.createTempDirectory("share");
        Files.createSymbolicLink(share.resolve("icd10cm"), demo.resolve("icd10cm"));
        Files.createSymbolicLink(share.resolve("hcpcs-link"), demo.resolve("hcpcs"));
        Files.createSymbolicLink(demo.resolve("icd10cm").resolve("back-to-the-share"), share);
        List<Path> files = ImportRunner.listFiles(List.of(share));
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith("icd10cm_order_2025.txt")), files::toString);
        assertTrue(files.stream().anyMatch(f -> f.toString().contains("HCPC2025_JAN")), files::toString);
        ImportSummary summary = runner.importPaths(List.of(share), "test");
        assertEquals(0, summary.failed(), summary.files()::toString);
        assertTrue(summary.files().stream().map(ImportOutcome::dataset).toList()
                .containsAll(List.of("icd10cm", "icd10cm-addenda", "hcpcs")), summary.files()::toString);
    }

    @Test
    void aFailureHalfwayKeepsNothingOfThatFile() throws IOException {
        Path dir = DemoData.extract();
        Path hcpcs = demoFile(dir, "hcpcs/2025_JAN/HCPC2025_JAN_ANWEB_DEMO.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(hcpcs));
        lines.add("X1234" + lines.get(lines.size() - 1).substring(5, 10) + "4" + lines.get(0).substring(11));
        Files.write(hcpcs, lines);
        ImportSummary summary = runner.importPaths(List.of(hcpcs), "test");
        assertEquals("refused", summary.files().get(0).status());
        assertEquals((long) lines.size(), summary.files().get(0).line());
        assertTrue(summary.files().get(0).reason().contains("continuation"));
        assertEquals(0, count("select count(*) from codes.code_entry"));
    }

    @Test
    void sameFileTwiceIsImportedOnceAndTheEventNamesTheRelease() {
        Path dir = DemoData.extract();
        ImportSummary first = runner.importPaths(List.of(dir), "test");
        assertEquals(0, first.failed(), first.files()::toString);
        assertEquals(1, events.seen().size());
        assertTrue(events.seen().get(0).datasets().contains("icd10cm"));
        long entries = count("select count(*) from codes.code_entry");
        ImportSummary second = runner.importPaths(List.of(dir), "test");
        assertEquals(0, second.stored());
        assertEquals(first.files().size(), second.files().stream().filter(o -> o.status().equals("unchanged")).count());
        assertEquals(entries, count("select count(*) from codes.code_entry"));
        assertEquals(1, events.seen().size(), "no event when nothing changed");
    }

    @Test
    void licensedCptFilesGiveOfficialTextInvented() throws IOException {
        Path dir = Files.createTempDirectory("cpt").resolve("CPT2026");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("LONGULT.txt"), "99213\tTest descriptor for code 99213\r\n"
                + "37253\tTest descriptor for code 37253\r\n");
        Files.writeString(dir.resolve("MEDU.txt"), "99213\tTEST MEDIUM DESCRIPTOR 99213\n");
        Files.writeString(dir.resolve("SHORTU.txt"), "99213\tTEST SHORT 99213\n37253\tTEST SHORT 37253\n");
        ImportSummary summary = runner.importPaths(List.of(dir.getParent()), "test");
        assertEquals(1, summary.files().size(), "companions are not offered as files of their own");
        assertEquals("2026", summary.files().get(0).version());
        given().auth().oauth2(TestTokens.pro("55555555-5555-5555-5555-555555555555"))
                .when().get("/api/codes/cpt/99213").then().statusCode(200)
                .body("release.version", equalTo("2026"))
                .body("sections.find { it.key == 'official' }.content.licenseRequired", equalTo(false))
                .body("sections.find { it.key == 'official' }.content.longDescription",
                        equalTo("Test descriptor for code 99213"))
                .body("sections.find { it.key == 'official' }.content.mediumDescription",
                        equalTo("TEST MEDIUM DESCRIPTOR 99213"))
                .body("sections.find { it.key == 'official' }.content.shortDescription", equalTo("TEST SHORT 99213"));
    }

    @Test
    void adminEndpointImportsAndIsAdminOnly() {
        Path dir = DemoData.extract();
        String body = "{\"path\": \"" + dir.toString().replace("\\", "\\\\") + "\"}";
        given().contentType("application/json").body(body).when().post("/api/admin/imports").then().statusCode(401);
        given().auth().oauth2(TestTokens.coder("66666666-6666-6666-6666-666666666666")).contentType("application/json")
                .body(body).when().post("/api/admin/imports").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"path\": \"/no/such/folder\"}")
                .when().post("/api/admin/imports").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("path"));
        given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                .when().post("/api/admin/imports").then().statusCode(200)
                .body("files.status", hasItem("imported"))
                .body("files.dataset", hasItem("icd10cm-addenda"));
        given().auth().oauth2(ADMIN).when().get("/api/admin/imports?limit=2").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].startedBy", equalTo("admin:44444444-4444-4444-4444-444444444444"));
    }

    private long count(String sql) {
        return CodesTestData.count(dataSource, sql);
    }
}
