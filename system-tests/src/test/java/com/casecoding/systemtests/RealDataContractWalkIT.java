package com.casecoding.systemtests;

import com.casecoding.systemtests.ContractWalk.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.casecoding.systemtests.ContractWalk.expect;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 26 on the real data: the read operations of code-service walked through Prism's validating proxy on a
 * platform that imported all of {@code ../shared/data}, with codes of every set, the searches, claims and questions a
 * coder sends. The demo data cannot show which fields the official files leave empty (a DRG without an MDC, a release
 * without an end date, a payment section without a note): this walk does. Skips without the files; fails under
 * {@code CI=true} without them.
 */
class RealDataContractWalkIT {

    /** Codes of every set, as coders type them (any case, with or without the dot). */
    static final Map<String, List<String>> CODES = Map.of(
            "icd10cm", List.of("E11.9", "i10", "S72.001A", "O21.0", "R42", "Z00.00", "F32.A", "M79.604", "U07.1",
                    "C50.911", "J45.909", "E1165", "T81.40XA", "Z3A.20"),
            "icd10pcs", List.of("0DTJ4ZZ", "0SRD0J9", "02703ZZ", "3E033GC", "0T9B70Z", "B2111ZZ"),
            "hcpcs", List.of("J1100", "J0696", "J3301", "J0897", "E0114", "A0021", "G0439", "L3908", "Q4101", "J9312",
                    "A4253", "K0001"),
            "cpt", List.of("27447", "99213", "45378", "99285", "36415", "93000", "71046", "10060", "20610", "88305"),
            "modifier", List.of("25", "59", "RT", "LT", "KX", "XU", "GT", "TC", "26", "50"),
            "icd9cm", List.of("250.00", "401.9", "V70.0", "E880.9"),
            "icd9pcs", List.of("37.25", "81.54", "45.13"));

    static Platform platform;
    static ContractWalk walk;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        Optional<Platform> real = Platform.withRealData();
        if (real.isEmpty()) {
            ContractTools.missing("../shared/data is not beside the repository (or set CASECODING_SHARED_DATA)");
        }
        platform = real.get();
        walk = ContractWalk.through(platform.gateway.url(), "partner-real-data");
        // the platform's admin: no code page quota, so the walk can read every page
        token = Flows.adminToken(platform.gateway.url());
    }

    @AfterAll
    static void stop() throws Exception {
        if (walk != null) {
            walk.writeExamples("examples-real-data.json");
            walk.close();
        }
    }

    @Test
    void codePagesSearchesClaimsAndQuestionsOnTheRealDataMatchTheDocument() throws Exception {
        List<String> missing = new ArrayList<>();
        CODES.forEach((system, codes) -> codes.forEach(code -> {
            try {
                if (walk.call("GET /api/codes/{system}/{code}", token, null, system, code).status() != 200) {
                    missing.add(system + " " + code);
                }
                if (system.equals("cpt") || system.equals("hcpcs")) {
                    expect(walk.call("GET /api/edits/{system}/{code}", token, null, system, code), 200);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        assertTrue(missing.isEmpty(), "code pages not found in the real data: " + missing);

        for (String q : List.of("diabetes", "rocephin", "knee replacement", "lap appy", "modifier 25", "E11.9",
                "J1100", "fracture femur", "office visit established patient", "crutches", "HFrEF", "3725",
                "colonoscopy", "depo-medrol", "chest pain", "ICD-10-PCS appendectomy")) {
            expect(walk.call("GET /api/search?q=" + java.net.URLEncoder.encode(q, "UTF-8"), token, null), 200);
            expect(walk.call("GET /api/search/suggest?q="
                    + java.net.URLEncoder.encode(q.substring(0, Math.min(5, q.length())), "UTF-8"), token, null), 200);
        }
        expect(walk.call("GET /api/browse", token, null), 200);
        for (String system : CODES.keySet()) {
            Answer top = expect(walk.call("GET /api/browse/{system}", token, null, system), 200);
            JsonNode nodes = top.body().path("children");
            for (int i = 0; i < Math.min(3, nodes.size()); i++) {
                expect(walk.call("GET /api/browse/{system}/{node}", token, null, system,
                        nodes.get(i).path("id").asText()), 200);
            }
        }
        expect(walk.call("GET /api/drgs?limit=200", token, null), 200);
        for (String drg : List.of("470", "291", "871", "065", "999", "001")) {
            expect(walk.call("GET /api/drgs/{drg}", token, null, drg), 200, 404);
        }
        expect(walk.call("GET /api/place-of-service", token, null), 200);
        for (String pos : List.of("11", "21", "22", "02", "99")) {
            expect(walk.call("GET /api/place-of-service/{code}", token, null, pos), 200);
        }
        expect(walk.call("GET /api/releases", token, null), 200);
        expect(walk.call("GET /api/releases/currency", token, null), 200);
        expect(walk.call("GET /api/edits/localities", token, null), 200);

        for (Map<String, Object> claim : List.of(
                claim("practitioner", List.of("M17.11"), line("27447", 1, List.of("RT")), line("20610", 1, List.of())),
                claim("practitioner", List.of("E11.9", "I10"), line("99214", 1, List.of("25")),
                        line("36415", 3, List.of()), line("J1100", 2, List.of())),
                claim("outpatient-hospital", List.of("Z12.11"), line("45378", 1, List.of()), line("45380", 1, List.of())),
                claim("dme-supplier", List.of("S82.001A"), line("E0114", 1, List.of("NU"))))) {
            expect(walk.call("POST /api/claims/check", token, claim), 200);
        }
        for (String question : List.of("What is the ICD-10-CM code for type 2 diabetes without complications?",
                "Can I bill 99214 with modifier 25 and a joint injection on the same day?", "What are the units for J1100?",
                "Is 27447 an add-on code?", "What is the MUE for 36415?", "What DRG is sepsis without MCC?",
                "What does place of service 11 mean?", "What is the HCC for E11.9?", "what is e119")) {
            expect(walk.call("POST /api/assistant/ask", token, Map.of("question", question)), 200);
        }
        assertTrue(walk.mismatches.isEmpty(), walk.mismatches.size()
                + " answers on the real data do not match the partner document:\n" + String.join("\n", walk.mismatches));
    }

    private static Map<String, Object> claim(String setting, List<String> diagnoses, Map<?, ?>... lines) {
        return Map.of("dateOfService", java.time.LocalDate.now().minusDays(7).toString(), "setting", setting,
                "diagnoses", diagnoses, "lines", List.of(lines));
    }

    private static Map<String, Object> line(String code, int units, List<String> modifiers) {
        return Map.of("code", code, "units", units, "modifiers", modifiers, "diagnosisPointers", List.of(1));
    }
}
