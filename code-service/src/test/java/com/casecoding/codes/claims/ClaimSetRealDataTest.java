package com.casecoding.codes.claims;

import com.casecoding.codes.catalog.CodeCatalog;
import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.imports.ImportSummary;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claim set ({@code src/test/resources/claims/claim-set.json}, more than 80 claims) against the real CMS/CDC
 * files: ICD-10-CM, HCPCS Level II, the MPFS RVU file (and with it the CPT catalog) and the NCCI MUE and add-on
 * tables are imported from {@code ../shared/data}; every claim goes through {@code POST /api/claims/check}. A finding
 * counts when it is an error or a warning, as (rule, line) with line 0 for the claim's diagnoses. Prints true and
 * false positives and false negatives per rule; requires no false positive on any claim and no missed planted
 * problem. Skips without the data (fails under {@code CI=true}).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimSetRealDataTest {

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Inject
    CodeCatalog catalog;

    JsonNode set;

    @BeforeAll
    void importTheCodeSetsAndEdits() throws IOException {
        Path data = CodesTestData.sharedDataOrSkip();
        CodesTestData.reset(dataSource);
        List<Path> folders = new ArrayList<>();
        for (String dir : List.of("icd10cm", "hcpcs", "mpfs", "ncci")) {
            try (var sub = Files.list(data.resolve(dir))) {
                sub.filter(Files::isDirectory).sorted().forEach(folders::add);
            }
        }
        ImportSummary summary = runner.importPaths(folders, "test");
        assertEquals(0, summary.failed(), () -> summary.files().toString());
        catalog.invalidate();
        try (InputStream in = ClaimSetRealDataTest.class.getResourceAsStream("/claims/claim-set.json")) {
            set = new ObjectMapper().readTree(in);
        }
    }

    /** Counts per rule. */
    static final class Tally {
        int tp;
        int fp;
        int fn;
    }

    @Test
    void theClaimSetGetsTheFindingsACorrectScrubberGives() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String token = TestTokens.coder("5e7a1f0c-2b8d-4c1e-9f3a-6d2b8c4e1a07");
        Map<String, Tally> byRule = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int clean = 0;
        int cleanFlagged = 0;
        int planted = 0;
        int plantedMissed = 0;
        int ptpNotChecked = 0;
        for (JsonNode claim : set.get("claims")) {
            String id = claim.get("id").asText();
            Map<String, Object> body = Map.of("dateOfService", claim.get("dateOfService").asText(),
                    "setting", claim.get("setting").asText(),
                    "diagnoses", json.convertValue(claim.get("diagnoses"), List.class),
                    "lines", json.convertValue(claim.get("lines"), List.class));
            JsonPath result = given().auth().oauth2(token).contentType("application/json").body(body)
                    .when().post("/api/claims/check").then().statusCode(200).extract().jsonPath();
            Set<String> actual = new TreeSet<>();
            List<Map<String, Object>> findings = result.getList("findings");
            for (Map<String, Object> f : findings) {
                String severity = (String) f.get("severity");
                if (!severity.equals("error") && !severity.equals("warning")) {
                    continue;
                }
                @SuppressWarnings("unchecked") List<Integer> lines = (List<Integer>) f.get("lines");
                if (lines.isEmpty()) {
                    actual.add(f.get("rule") + "@0");
                }
                lines.forEach(n -> actual.add(f.get("rule") + "@" + n));
            }
            if (result.getString("summary").contains("PTP pairs were not checked") && findings.stream()
                    .anyMatch(f -> "ncci-ptp".equals(f.get("rule"))
                            && String.valueOf(f.get("message")).contains("PTP pairs were not checked"))) {
                ptpNotChecked++;
            }
            Set<String> expected = new TreeSet<>();
            claim.get("expected").forEach(e -> expected.add(e.get("rule").asText() + "@" + e.get("line").asInt()));
            boolean isClean = expected.isEmpty();
            clean += isClean ? 1 : 0;
            planted += isClean ? 0 : 1;
            for (String a : actual) {
                Tally t = byRule.computeIfAbsent(rule(a), k -> new Tally());
                if (expected.contains(a)) {
                    t.tp++;
                } else {
                    t.fp++;
                    problems.add(id + ": unexpected " + a + " " + messageOf(findings, a));
                }
            }
            boolean missed = false;
            for (String e : expected) {
                if (!actual.contains(e)) {
                    byRule.computeIfAbsent(rule(e), k -> new Tally()).fn++;
                    problems.add(id + ": missed " + e + " (found: " + findings.stream().map(f -> f.get("severity")
                            + " " + f.get("rule") + " " + f.get("lines")).toList() + ")");
                    missed = true;
                }
            }
            cleanFlagged += isClean && !actual.isEmpty() ? 1 : 0;
            plantedMissed += !isClean && missed ? 1 : 0;
        }
        StringBuilder table = new StringBuilder("\n| rule | TP | FP | FN |\n|---|---|---|---|\n");
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Map.Entry<String, Tally> e : byRule.entrySet()) {
            Tally t = e.getValue();
            table.append("| ").append(e.getKey()).append(" | ").append(t.tp).append(" | ").append(t.fp).append(" | ")
                    .append(t.fn).append(" |\n");
            tp += t.tp;
            fp += t.fp;
            fn += t.fn;
        }
        table.append("| **all** | ").append(tp).append(" | ").append(fp).append(" | ").append(fn).append(" |\n\n")
                .append(clean).append(" valid claims, ").append(cleanFlagged).append(" with a false error or warning; ")
                .append(planted).append(" claims with planted problems, ").append(plantedMissed)
                .append(" with a missed one; PTP not checked said on ").append(ptpNotChecked).append(" of ")
                .append(clean + planted).append(" claims.\n");
        System.out.println("Claim set on the real data:" + table);
        problems.forEach(p -> System.out.println("  " + p));
        Files.writeString(Path.of("target", "claim-set-results.md"), table.toString());
        assertTrue(clean + planted >= 80, "claims in the set: " + (clean + planted));
        assertEquals(List.of(), problems, table.toString());
        assertEquals(clean + planted, ptpNotChecked, "no PTP table is in the shared data: every claim must say so");
    }

    private static String rule(String key) {
        return key.substring(0, key.indexOf('@'));
    }

    private static String messageOf(List<Map<String, Object>> findings, String key) {
        String rule = rule(key);
        return findings.stream().filter(f -> rule.equals(f.get("rule"))).map(f -> String.valueOf(f.get("message")))
                .findFirst().orElse("");
    }
}
