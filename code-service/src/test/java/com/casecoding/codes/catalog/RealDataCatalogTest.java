package com.casecoding.codes.catalog;

import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.imports.ImportSummary;
import com.casecoding.codes.page.CodePageService;
import com.casecoding.codes.release.TestClock;
import com.casecoding.codes.search.SearchEngine;
import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19 on the real data: everything in {@code ../shared/data} is imported through a folder of symbolic links to
 * its sub-folders (as a data share is linked in), then the CPT catalog from the CMS files, release currency and each
 * data error a coder found are checked against facts read from the files themselves. Skips without the data (runs
 * under {@code CI=true}: see {@link CodesTestData#sharedDataOrSkip}).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDataCatalogTest {

    /** The day the issue was filed: every loaded release of ../shared/data has ended by then. */
    static final LocalDate ISSUE_DAY = LocalDate.of(2026, 12, 2);

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Inject
    CodeCatalog catalog;

    @Inject
    CodePageService pages;

    @Inject
    SearchEngine search;

    @TestHTTPResource("/")
    URL base;

    /** Health is served on the management interface only (PlatformRulesTest). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    Path data;
    ImportSummary summary;

    @BeforeAll
    void importThroughSymbolicLinks() throws IOException {
        data = CodesTestData.sharedDataOrSkip();
        CodesTestData.reset(dataSource);
        Path linked = Files.createTempDirectory("linked-share");
        try (Stream<Path> dirs = Files.list(data)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.createSymbolicLink(linked.resolve(dir.getFileName()), dir);
            }
        }
        summary = runner.importPaths(List.of(linked), "test");
        catalog.invalidate();
        pages.invalidate();
    }

    @BeforeEach
    void issueDay() {
        TestClock.today(ISSUE_DAY);
    }

    private RequestSpecification registered() {
        return given().auth().oauth2(TestTokens.coder("31313131-3131-3131-3131-313131313131"));
    }

    /** CPT numbers in the first column of the RVU file (rows with and without a modifier). */
    private Set<String> rvuCptNumbers() throws IOException {
        Set<String> out = new TreeSet<>();
        Path rvu = data.resolve("mpfs/RVU25D/PPRRVU2025_Oct_nodesc.csv.gz");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(rvu)),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                String code = line.substring(0, Math.max(0, line.indexOf(',')));
                if (CodeSystem.CPT.accepts(code)) {
                    out.add(code);
                }
            }
        }
        return out;
    }

    @Test
    void symbolicLinksToFoldersAreFollowed() {
        assertEquals(0, summary.failed(), () -> summary.files() + " " + summary.derived());
        Set<String> datasets = new TreeSet<>();
        summary.files().forEach(o -> datasets.add(o.dataset()));
        assertTrue(datasets.containsAll(List.of("icd10cm", "icd10pcs", "hcpcs", "mpfs-rvu", "mue-practitioner",
                "ncci-aoc", "icd9cm", "gem-dx-i10-i9")), datasets.toString());
        assertTrue(summary.files().stream().anyMatch(o -> o.file().contains("linked-share")));
    }

    @Test
    void everyCptNumberOfTheRvuFileHasACodePage() throws Exception {
        Set<String> codes = rvuCptNumbers();
        assertTrue(codes.size() > 10_000, "CPT numbers in the RVU file: " + codes.size());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (String code : codes) {
            pool.submit(() -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/codes/cpt/" + code))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200 || !r.body().contains("\"licenseRequired\":true")) {
                        failed.add(code + " " + r.statusCode());
                    }
                } catch (Exception e) {
                    failed.add(code + " " + e);
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(15, TimeUnit.MINUTES));
        assertEquals(List.of(), List.copyOf(failed).subList(0, Math.min(20, failed.size())),
                failed.size() + " of " + codes.size() + " CPT numbers have no code page");
    }

    @Test
    void aClaimLineWithAnyOfThemIsNeverUnknown() throws Exception {
        List<String> codes = new ArrayList<>(rvuCptNumbers());
        for (String dos : List.of("2025-06-15", "2026-04-15")) {
            int unknown = 0;
            for (int from = 0; from < codes.size(); from += 900) {
                List<Map<String, Object>> lines = new ArrayList<>();
                for (String code : codes.subList(from, Math.min(codes.size(), from + 900))) {
                    lines.add(Map.of("code", code, "units", 1, "diagnosisPointers", List.of(1)));
                }
                JsonPath result = registered().contentType("application/json")
                        .body(Map.of("dateOfService", dos, "setting", "practitioner", "diagnoses", List.of("E11.9"),
                                "lines", lines))
                        .when().post("/api/claims/check").then().statusCode(200).extract().jsonPath();
                List<String> rules = result.getList("findings.rule");
                unknown += (int) rules.stream().filter(r -> r.equals("code-unknown") || r.equals("code-malformed"))
                        .count();
                // the CPT code set is loaded (from the CMS files): never "checked for the format only"
                assertFalse(rules.contains("code-set-not-loaded"), dos + " " + rules);
                if (dos.startsWith("2025")) {
                    // CPT 2025 (the fee schedule's list) is in effect: every one of them is simply valid
                    assertFalse(rules.contains("code-no-release-for-date"), dos + " " + result.getList("findings")
                            .stream().limit(3).toList());
                }
            }
            assertEquals(0, unknown, "claim lines called unknown on " + dos);
        }
    }

    @Test
    void cptPageFromTheCmsFilesCarriesWhatTheyKnow() {
        registered().when().get("/api/codes/cpt/27447?date=2025-06-15").then().statusCode(200)
                .body("release.version", equalTo("2025"))
                .body("release.current", equalTo(true))
                .body("status", equalTo("active"))
                .body("billable", equalTo(true))
                .body("addOn", equalTo(false))
                .body("feeSchedule.status", equalTo("A"))
                .body("feeSchedule.meaning", containsString("Active"))
                .body("sections.find { it.key == 'official' }.content.licenseRequired", equalTo(true))
                .body("sections.find { it.key == 'official' }.content.longDescription", nullValue())
                .body("sections.find { it.key == 'payment' }.content.globalDays.value", equalTo("090"))
                .body("sections.find { it.key == 'unit-limits' }.content.find { it.setting == 'practitioner' }.value",
                        equalTo(1))
                .body("sections.key", hasItems("official", "commonLanguage", "payment", "unit-limits",
                        "add-on-rules", "modifiers", "history"));
        // today (the issue's day) no loaded CPT list covers the date: said so, the page still there
        given().when().get("/api/codes/cpt/27447").then().statusCode(200)
                .body("status", equalTo("unverified"))
                .body("currency.state", equalTo("stale"))
                .body("currency.notice", containsString("ended 2026-06-30"));
        // a PLA code only the NCCI files name: a page, in the partial CPT list of 2026 Q2
        given().when().get("/api/codes/cpt/0001U?date=2026-05-01").then().statusCode(200)
                .body("release.version", equalTo("2026Q2"))
                .body("release.partial", equalTo(true))
                .body("status", equalTo("active"));
        // found by number
        assertTrue(awaitIndex());
        given().queryParam("q", "27447").when().get("/api/search").then().statusCode(200)
                .body("items[0].system", equalTo("cpt"))
                .body("items[0].code", equalTo("27447"));
        // CPT modifiers are listed by number
        given().when().get("/api/codes/modifier/25?date=2025-06-15").then().statusCode(200)
                .body("code", equalTo("25"))
                .body("release.version", equalTo("2025"))
                .body("status", equalTo("active"));
    }

    private boolean awaitIndex() {
        try {
            return search.awaitIdle(Duration.ofSeconds(120));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void anEndedReleaseIsNotCurrentAndStalenessIsExposed() {
        given().when().get("/api/releases").then().statusCode(200)
                .body("items.findAll { it.dataset == 'icd10cm' }.current", everyItem(equalTo(false)))
                .body("items.find { it.dataset == 'icd10cm' && it.version == 'FY2025' }.validTo", equalTo("2025-09-30"))
                .body("items.find { it.dataset == 'hcpcs' }.validTo", equalTo("2025-03-31"))
                .body("items.find { it.dataset == 'mue-practitioner' }.validTo", equalTo("2026-06-30"));
        given().queryParam("date", "2025-03-01").when().get("/api/releases").then().statusCode(200)
                .body("items.find { it.dataset == 'icd10cm' && it.version == 'FY2025' }.current", equalTo(true))
                .body("items.find { it.dataset == 'icd10cm' && it.version == 'FY2024' }.current", equalTo(false));
        given().when().get("/api/releases/currency").then().statusCode(200)
                .body("items.find { it.dataset == 'icd10cm' }.state", equalTo("stale"))
                .body("items.find { it.dataset == 'icd10cm' }.notice",
                        equalTo("The newest loaded ICD-10-CM release is FY2025, which ended 2025-09-30."));
        given().when().get(management + "health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'code-releases' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'code-releases' }.data.icd10cm",
                        containsString("which ended 2025-09-30"));
        // a page says it plainly
        given().when().get("/api/codes/icd10cm/E11.9").then().statusCode(200)
                .body("release.version", equalTo("FY2025"))
                .body("release.current", equalTo(false))
                .body("status", equalTo("unverified"))
                .body("currency.notice", equalTo("The newest loaded ICD-10-CM release is FY2025, which ended "
                        + "2025-09-30."));
        // a claim checked for a date no loaded release covers: a warning naming the missing release, no error
        registered().contentType("application/json")
                .body(Map.of("dateOfService", "2026-04-15", "setting", "practitioner", "diagnoses", List.of("E11.9"),
                        "lines", List.of(Map.of("code", "99213", "units", 1, "diagnosisPointers", List.of(1)))))
                .when().post("/api/claims/check").then().statusCode(200)
                .body("errors", equalTo(0))
                .body("findings.find { it.rule == 'code-no-release-for-date' }.severity", equalTo("warning"))
                .body("findings.find { it.rule == 'code-no-release-for-date' }.message",
                        containsString("The newest loaded ICD-10-CM release is FY2025, which ended 2025-09-30"));
        // an FY2026 category with a letter in the second position is not "unknown"
        CodeStatus qa0 = catalog.status(new CodeKey(CodeSystem.ICD10CM, "QA00"), LocalDate.of(2026, 4, 15));
        assertEquals(CodeStatus.State.UNVERIFIED, qa0.state());
        given().when().get("/api/codes/icd10cm/QA0.0").then().statusCode(404)
                .body("detail", containsString("which ended 2025-09-30"));
    }

    @Test
    void effectiveDatesComeFromTheOfficialFields() {
        // G0439: added 2011-01-01 in the HCPCS file; the only loaded HCPCS file is 2025-JAN
        CodeStatus g0439 = catalog.status(new CodeKey(CodeSystem.HCPCS, "G0439"), LocalDate.of(2024, 6, 1));
        assertEquals(CodeStatus.State.VALID, g0439.state(), g0439.message());
        assertEquals(LocalDate.of(2011, 1, 1), g0439.since());
        registered().contentType("application/json")
                .body(Map.of("dateOfService", "2024-06-01", "setting", "practitioner", "diagnoses", List.of("Z00.00"),
                        "lines", List.of(Map.of("code", "G0439", "units", 1, "diagnosisPointers", List.of(1)))))
                .when().post("/api/claims/check").then().statusCode(200)
                .body("findings.rule", not(hasItem("code-not-yet-effective")))
                .body("findings.findAll { it.lines == [1] && it.severity == 'error' }", org.hamcrest.Matchers.empty());
        // J1030: terminated 2024-03-31 (termination date field)
        CodeStatus j1030 = catalog.status(new CodeKey(CodeSystem.HCPCS, "J1030"), LocalDate.of(2025, 2, 1));
        assertEquals(CodeStatus.State.TERMINATED, j1030.state());
        assertEquals(LocalDate.of(2024, 3, 31), j1030.until());
        // an ICD-10-CM code added by the FY2025 addenda was not valid in FY2024
        CodeStatus added = catalog.status(new CodeKey(CodeSystem.ICD10CM, "C810A"), LocalDate.of(2024, 5, 1));
        assertEquals(CodeStatus.State.NOT_YET_VALID, added.state());
        assertEquals(LocalDate.of(2024, 10, 1), added.since());
    }

    @Test
    void pcsTableHeadersAreNotDeleted() throws IOException {
        // tables of the FY2021 order file, and tables that still have codes in the FY2025 codes file
        Set<String> tables2021 = new TreeSet<>();
        try (BufferedReader in = gz(data.resolve("icd10pcs/FY2021_order/icd10pcs_order_2021.txt.gz"))) {
            String line;
            while ((line = in.readLine()) != null) {
                String code = line.substring(6, 13).strip();
                if (code.length() == 3) {
                    tables2021.add(code);
                }
            }
        }
        Set<String> tables2025 = new TreeSet<>();
        try (BufferedReader in = gz(data.resolve("icd10pcs/FY2025/icd10pcs_codes_2025.txt.gz"))) {
            String line;
            while ((line = in.readLine()) != null) {
                tables2025.add(line.substring(0, 3));
            }
        }
        assertEquals(889, tables2021.size());
        LocalDate day = LocalDate.of(2025, 3, 1);
        List<String> deleted = new ArrayList<>();
        for (String table : tables2021) {
            if (catalog.nodeStatus(CodeSystem.ICD10PCS, table, day).state() == CodeStatus.State.TERMINATED) {
                deleted.add(table);
            }
        }
        List<String> gone = tables2021.stream().filter(t -> !tables2025.contains(t)).toList();
        assertEquals(gone, deleted, "only tables with no FY2025 code are deleted");
        assertTrue(gone.size() < 10, gone.toString());
        registered().when().get("/api/codes/icd10pcs/0DTJ4ZZ?date=2025-03-01").then().statusCode(200)
                .body("status", equalTo("active"))
                .body("sections.find { it.key == 'hierarchy' }.content.ancestors[0].code", equalTo("0DT"))
                .body("sections.find { it.key == 'hierarchy' }.content.ancestors[0].title",
                        equalTo("Gastrointestinal System, Resection"))
                .body("sections.find { it.key == 'hierarchy' }.content.ancestors[0].href",
                        equalTo("/api/browse/icd10pcs/0DT"));
        assertEquals(0, CodesTestData.count(dataSource, "select count(*) from codes.code_change where system = "
                + "'icd10pcs' and code = '0DT'"));
    }

    private static BufferedReader gz(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.US_ASCII));
    }

    @Test
    void deletedCodesAreNeverBillable() {
        for (String path : List.of("icd10cm/T81.32XA", "icd10pcs/GZB1ZZZ", "hcpcs/C7558")) {
            given().when().get("/api/codes/" + path + "?date=2025-03-01").then().statusCode(200)
                    .body("status", equalTo("deleted"))
                    .body("billable", equalTo(false))
                    .body("deleted.lastValid", notNullValue());
        }
        given().when().get("/api/codes/hcpcs/C7558?date=2025-03-01").then()
                .body("deleted.lastValid", equalTo("2024-12-31"));
        given().when().get("/api/codes/icd10cm/T81.32XA?date=2025-03-01").then()
                .body("deleted.effectiveDate", equalTo("2024-10-01"));
    }

    @Test
    void paymentShowsTheProfessionalAndTechnicalComponents() {
        registered().when().get("/api/codes/cpt/71046").then().statusCode(200)
                .body("sections.find { it.key == 'payment' }.content.nonFacilityTotalRvu", equalTo(1.01f))
                .body("sections.find { it.key == 'payment' }.content.components.modifier", equalTo(List.of("26", "TC")))
                .body("sections.find { it.key == 'payment' }.content.components[0].nonFacilityTotalRvu",
                        equalTo(0.31f))
                .body("sections.find { it.key == 'payment' }.content.components[1].nonFacilityTotalRvu",
                        equalTo(0.70f))
                .body("sections.find { it.key == 'payment' }.content.components[0].nationalFee.nonFacility",
                        notNullValue())
                .body("sections.find { it.key == 'payment' }.content.components[1].nationalFee.nonFacility",
                        notNullValue());
        // a code the fee schedule lists only as a professional component
        registered().when().get("/api/codes/cpt/86153").then().statusCode(200)
                .body("sections.find { it.key == 'payment' }.content.components.modifier", equalTo(List.of("26")));
    }

    @Test
    void modifiersFitTheKindOfService() {
        JsonPath em = registered().when().get("/api/codes/cpt/99213").then().statusCode(200).extract().jsonPath();
        List<String> emApplies = em.getList("sections.find { it.key == 'modifiers' }.content.applies.modifier");
        List<String> emNotFor = em.getList("sections.find { it.key == 'modifiers' }.content.notForThisCode.modifier");
        assertTrue(emApplies.containsAll(List.of("25", "24", "57")), emApplies.toString());
        assertTrue(emApplies.stream().noneMatch(List.of("80", "81", "82", "AS", "59", "XS")::contains),
                emApplies.toString());
        assertTrue(emNotFor.containsAll(List.of("59", "XE", "XS", "XP", "XU", "80", "AS")), emNotFor.toString());
        JsonPath tka = registered().when().get("/api/codes/cpt/27447").then().statusCode(200).extract().jsonPath();
        List<String> tkaApplies = tka.getList("sections.find { it.key == 'modifiers' }.content.applies.modifier");
        assertTrue(tkaApplies.containsAll(List.of("50", "51", "58", "78", "79", "59", "XS", "80", "62")),
                tkaApplies.toString());
        assertFalse(tkaApplies.contains("25"));
        List<String> xray = registered().when().get("/api/codes/cpt/71046").then().statusCode(200).extract()
                .jsonPath().getList("sections.find { it.key == 'modifiers' }.content.applies.modifier");
        assertTrue(xray.containsAll(List.of("26", "TC")), xray.toString());
    }

    @Test
    void addOnSectionsShowOnlyEditsInEffect() {
        // 37252: the contractor-defined (type 2) edit ended 2017-12-31
        registered().when().get("/api/codes/cpt/37252?date=2026-05-01").then().statusCode(200)
                .body("addOn", equalTo(true))
                .body("sections.find { it.key == 'add-on-rules' }.content.contractorDefinedPrimaries", equalTo(false))
                .body("sections.find { it.key == 'add-on-rules' }.content.eligiblePrimaries.code", hasItem("33361"))
                .body("sections.find { it.key == 'add-on-rules' }.content.eligiblePrimaries.code",
                        not(hasItem("0254T")))
                .body("sections.find { it.key == 'add-on-rules' }.content.endedPrimaries.code", hasItem("0254T"));
        // E/M: 99354 (deleted 2022) is no longer an add-on of 99213; listed apart with its end date
        JsonPath em = registered().when().get("/api/codes/cpt/99213?date=2026-05-01").then().statusCode(200)
                .extract().jsonPath();
        List<String> addOns = em.getList("sections.find { it.key == 'add-on-rules' }.content.addOnCodesForThisCode");
        assertFalse(addOns.contains("99354"), addOns.toString());
        assertTrue(addOns.contains("G2211"), addOns.toString());
        Map<String, Object> ended = new HashMap<>();
        List<Map<String, Object>> endedList = em.getList(
                "sections.find { it.key == 'add-on-rules' }.content.endedAddOnCodes");
        endedList.forEach(e -> ended.put((String) e.get("code"), e.get("ended")));
        assertTrue(ended.containsKey("99354"), ended.toString());
        // 99354 itself: deleted 2022-12-31 by the add-on edits' own deletion date
        given().when().get("/api/codes/cpt/99354?date=2026-05-01").then().statusCode(200)
                .body("status", equalTo("deleted"))
                .body("deleted.lastValid", equalTo("2022-12-31"))
                .body("billable", equalTo(false));
    }

    @Test
    void everyCptNumberOfTheMueAndAddOnFilesIsInTheCatalog() throws IOException {
        Set<String> named = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(data.resolve("ncci/2026Q2"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".csv")).toList()) {
                boolean aoc = f.getFileName().toString().startsWith("AOC_");
                for (String line : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
                    String[] cells = line.split(",", -1);
                    List<String> candidates = aoc && cells.length > 3 ? List.of(cells[1], cells[3]) : List.of(cells[0]);
                    candidates.stream().filter(CodeSystem.CPT::accepts).forEach(named::add);
                }
            }
        }
        assertTrue(named.size() > 10_000, "CPT numbers in the NCCI files: " + named.size());
        List<CodeKey> keys = named.stream().map(c -> new CodeKey(CodeSystem.CPT, c)).toList();
        List<String> missing = catalog.statuses(keys, LocalDate.of(2026, 5, 1)).values().stream()
                .filter(s -> !s.exists()).map(CodeStatus::code).toList();
        assertEquals(List.of(), missing.subList(0, Math.min(20, missing.size())), missing.size() + " missing");
    }
}
