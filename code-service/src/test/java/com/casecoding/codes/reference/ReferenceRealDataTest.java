package com.casecoding.codes.reference;

import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.ImportOutcome;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.imports.ImportSummary;
import com.casecoding.codes.page.CodePageService;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The full shared import, then for 32 ICD-10-CM codes chosen across the chapters (multi-HCC codes, codes in no table,
 * MCC-only-if-discharged-alive codes, CCs, MCCs, neither) the code page shows the V24 and V28 HCCs and the CC/MCC status
 * exactly as the files say. The expectations are read from the files here by a plain line scan, not by the importers.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceRealDataTest {

    /** Stored forms; every one is a billable FY2025 ICD-10-CM code. */
    static final List<String> CODES = List.of(
            "A403", "B20", "C3490", "C7951", "D571", "E119", "E1152", "E11622", "F200", "G20A1", "H3530", "I5022",
            "I4891", "I469", "I214", "J449", "J9601", "K5000", "L89154", "M0579", "N184", "N179", "O0000", "P0700",
            "Q200", "R570", "R092", "R6521", "S72001A", "T8111XA", "U071", "Z940");

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Inject
    CodePageService pages;

    Path data;
    ImportSummary summary;

    @BeforeAll
    void importEverything() {
        data = CodesTestData.sharedDataOrSkip();
        CodesTestData.reset(dataSource);
        summary = runner.importPaths(List.of(data), "test");
        pages.invalidate();
    }

    @Test
    void theReferenceFilesAreRecognizedAndImported() {
        assertEquals(0, summary.failed(), summary.files()::toString);
        for (String name : List.of("F2422P1M.TXT", "F2824T1N.TXT", "appendix_A.txt", "appendix_F_J.txt.gz",
                "place_of_service_codes.csv")) {
            assertFalse(summary.unrecognized().stream().anyMatch(f -> f.endsWith(name)), name + " not recognized");
        }
        Map<String, ImportOutcome> byDataset = new HashMap<>();
        summary.files().forEach(o -> byDataset.put(o.dataset() + " " + o.version(), o));
        assertEquals(9875, byDataset.get("cms-hcc-v24 PY2022-P1M").rows(), "PROVENANCE.md: 9,875 rows");
        assertEquals(8090, byDataset.get("cms-hcc-v28 PY2024-T1N").rows(), "PROVENANCE.md: 8,090 rows");
        assertEquals(50, byDataset.get("pos undated").rows(), "PROVENANCE.md: 50 codes");
        assertTrue(byDataset.containsKey("msdrg v40"), byDataset::toString);
        assertEquals(767, CodesTestData.count(dataSource, "select count(*) from codes.msdrg_drg"),
                "PROVENANCE.md: 767 MS-DRGs");
    }

    @Test
    void pagesShowHccAndCcMccExactlyAsTheFilesSay() throws IOException {
        Map<String, List<Integer>> v24 = hccFile(data.resolve("hcc/F2422P1M.TXT"));
        Map<String, List<Integer>> v28 = hccFile(data.resolve("hcc/F2824T1N.TXT"));
        Map<String, String> severity = severityLists(data.resolve("msdrg/v40/appendix_F_J.txt.gz"));
        int multi = 0;
        int none = 0;
        int alive = 0;
        Set<Character> chapters = new HashSet<>();
        String token = TestTokens.coder("55555555-5555-5555-5555-555555555555");
        for (String code : CODES) {
            JsonPath page = given().auth().oauth2(token).when().get("/api/codes/icd10cm/" + code).then()
                    .statusCode(200).extract().jsonPath();
            String hcc = "sections.find { it.key == 'riskAdjustment' }.content.models";
            List<String> models = page.getList(hcc + ".model");
            assertEquals(List.of("V24", "V28"), models, code);
            assertEquals(v24.getOrDefault(code, List.of()), page.getList(hcc + "[0].hccs.hcc", Integer.class),
                    code + " V24");
            assertEquals(v28.getOrDefault(code, List.of()), page.getList(hcc + "[1].hccs.hcc", Integer.class),
                    code + " V28");
            assertEquals(2022, page.getInt(hcc + "[0].paymentYear"));
            assertEquals(2024, page.getInt(hcc + "[1].paymentYear"));
            for (int i = 0; i < 2; i++) {
                boolean mapped = (i == 0 ? v24 : v28).containsKey(code);
                assertEquals(mapped ? "mapped" : "none", page.getString(hcc + "[" + i + "].status"), code);
                if (!mapped) {
                    assertTrue(page.getString(hcc + "[" + i + "].statement").startsWith("No HCC"), code);
                }
            }
            String expected = severity.getOrDefault(code, "none");
            String drg = "sections.find { it.key == 'msDrg' }.content";
            assertEquals(expected.replace("-alive", ""), page.getString(drg + ".status"), code + " CC/MCC");
            if (expected.startsWith("mcc")) {
                assertEquals(expected.endsWith("-alive"), page.getBoolean(drg + ".mccOnlyIfDischargedAlive"), code);
            }
            multi += v24.getOrDefault(code, List.of()).size() > 1 || v28.getOrDefault(code, List.of()).size() > 1
                    ? 1 : 0;
            none += !v24.containsKey(code) && !v28.containsKey(code) && expected.equals("none") ? 1 : 0;
            alive += expected.equals("mcc-alive") ? 1 : 0;
            chapters.add(code.charAt(0));
        }
        assertTrue(multi >= 2 && none >= 2 && alive >= 3 && chapters.size() >= 20,
                "the sample covers multi-HCC codes, codes in no table, alive-only MCCs and 20+ chapter letters");
    }

    @Test
    void drg470AsAppendixAListsIt() throws IOException {
        String line = Files.readAllLines(data.resolve("msdrg/v40/appendix_A.txt"), StandardCharsets.US_ASCII).stream()
                .filter(l -> l.startsWith("470 ")).findFirst().orElseThrow();
        given().when().get("/api/drgs/470").then().statusCode(200)
                .body("mdc", org.hamcrest.Matchers.equalTo(line.substring(4, 6)))
                .body("type", org.hamcrest.Matchers.equalTo(line.charAt(8) == 'P' ? "surgical" : "medical"))
                .body("title", org.hamcrest.Matchers.equalTo(line.substring(11).strip()))
                .body("release.version", org.hamcrest.Matchers.equalTo("v40"));
        given().when().get("/api/drgs?mdc=08&type=surgical&limit=200").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(67));
    }

    @Test
    void hacProceduresOnPcsPagesAndTheSearchFilterOnRealData() throws Exception {
        given().auth().oauth2(TestTokens.coder("55555555-5555-5555-5555-555555555556"))
                .when().get("/api/codes/icd10pcs/0210093").then().statusCode(200)
                .body("sections.find { it.key == 'msDrg' }.content.hac[0].category", org.hamcrest.Matchers.equalTo("08"))
                .body("sections.find { it.key == 'msDrg' }.content.hac[0].list", org.hamcrest.Matchers.equalTo("PROCEDURES"))
                .body("sections.find { it.key == 'msDrg' }.content.hac[0].criteria", org.hamcrest.Matchers.equalTo(2));
        assertTrue(search.awaitIdle(java.time.Duration.ofSeconds(120)));
        Map<String, List<Integer>> v28 = hccFile(data.resolve("hcc/F2824T1N.TXT"));
        List<String> hits = given().when().get("/api/search?q=heart failure&system=icd10cm&flag=hcc-v28&limit=50")
                .then().statusCode(200).extract().jsonPath().getList("items.normalizedCode");
        assertTrue(hits.size() >= 10, hits::toString);
        for (String code : hits) {
            assertTrue(v28.containsKey(code), code + " is not in the V28 table");
        }
        Map<String, String> severity = severityLists(data.resolve("msdrg/v40/appendix_F_J.txt.gz"));
        for (String code : given().when().get("/api/search?q=shock&system=icd10cm&flag=mcc&limit=50").then()
                .statusCode(200).extract().jsonPath().getList("items.normalizedCode", String.class)) {
            assertTrue(severity.getOrDefault(code, "").startsWith("mcc"), code + " is not an MCC");
        }
    }

    @Inject
    com.casecoding.codes.search.SearchEngine search;

    @Test
    void everyHccOfTheFilesHasOurLabel() throws IOException {
        for (String[] f : new String[][]{{"V24", "hcc/F2422P1M.TXT"}, {"V28", "hcc/F2824T1N.TXT"}}) {
            for (List<Integer> hccs : hccFile(data.resolve(f[1])).values()) {
                for (int h : hccs) {
                    assertTrue(HccLabels.label(f[0], h).isPresent(), f[0] + " HCC " + h + " has no label of ours");
                }
            }
        }
    }

    /** code -> HCCs in file order, by splitting each line on white space. */
    static Map<String, List<Integer>> hccFile(Path file) throws IOException {
        Map<String, List<Integer>> out = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2) { // a third field "D" marks a further HCC of the code
                out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Integer.parseInt(f[1]));
            }
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    /** code -> cc / mcc / mcc-alive from the indented lines under the Appendix G and H boxes. */
    static Map<String, String> severityLists(Path gz) throws IOException {
        Map<String, String> out = new HashMap<>();
        String section = "";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains("| Appendix ") || line.startsWith("|") && line.contains("Appendix")) {
                    section = line.contains("Appendix G") ? "cc" : line.contains("Appendix H") ? "mcc" : "";
                } else if (line.startsWith("Appendix H Part 2")) {
                    section = "mcc-alive";
                } else if (!section.isEmpty() && line.startsWith("  ") && !line.isBlank()) {
                    out.put(line.trim().split("\\s+")[0], section);
                }
            }
        }
        return out;
    }
}
