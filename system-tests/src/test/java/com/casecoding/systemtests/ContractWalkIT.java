package com.casecoding.systemtests;

import com.casecoding.systemtests.ContractWalk.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 26, the contract walk: every operation of the partner document, in the journeys of a coder, an employer and a
 * consultant, sent through Prism's validating proxy ({@code prism proxy}) to the running platform. Prism checks each
 * request and each answer (status, headers, body) against the served document and reports what does not match in an
 * {@code sl-violations} header; the walk fails on any, and on any partner operation it did not walk.
 */
class ContractWalkIT {

    static Platform platform;
    static ContractWalk walk;

    @BeforeAll
    static void startValidatingProxy() throws Exception {
        platform = Platform.get();
        walk = ContractWalk.through(platform.gateway.url(), "partner");
    }

    @AfterAll
    static void stopProxy() {
        if (walk != null) {
            walk.close();
        }
    }

    private static Answer call(String operation, String token, Object body, Object... args) throws Exception {
        return walk.call(operation, token, body, args);
    }

    @Test
    void everyPartnerOperationMatchesTheDocumentInEveryJourney() throws Exception {
        accountJourney();
        String coder = Flows.register(platform.gateway.url(), "coder").token();
        codeJourney(coder);
        personalJourney(coder);
        consultJourney(coder);
        careersJourney();

        Set<String> operations = walk.operations();
        Set<String> notWalked = new TreeSet<>(operations);
        notWalked.removeAll(walk.walked);
        Set<String> unknown = new TreeSet<>(walk.walked);
        unknown.removeAll(operations);
        assertTrue(unknown.isEmpty(), "the walk called operations the partner document does not have: " + unknown);
        assertTrue(walk.mismatches.isEmpty(), walk.mismatches.size()
                + " requests or answers do not match the partner document:\n" + String.join("\n", walk.mismatches));
        assertTrue(notWalked.isEmpty(), "partner operations the walk did not take: " + notWalked);
        everyExchangeOfTheWalkIsAnExampleOfTheDocument();
    }

    /**
     * The document's examples are real exchanges of this walk: it writes what it saw to
     * {@code target/contract/examples.json}, which becomes {@code gateway/src/main/resources/openapi/examples.json}
     * when the contract changes (Spectral, in {@link PartnerSdkIT}, checks every example against its schema).
     */
    @AfterAll
    static void writeExamples() throws Exception {
        if (walk != null) {
            walk.writeExamples("examples.json");
        }
    }

    /** The document shows, as its examples, the exchanges of this walk: none is missing. */
    private static void everyExchangeOfTheWalkIsAnExampleOfTheDocument() {
        List<String> without = new java.util.ArrayList<>();
        walk.examples().fields().forEachRemaining(e -> {
            JsonNode op = operation(e.getKey());
            if (e.getValue().has("response") && !op.at("/responses/" + e.getValue().path("status").asText()
                    + "/content/application~1json").has("example")) {
                without.add(e.getKey() + " answer");
            }
            if (e.getValue().has("request") && op.at("/requestBody/content/application~1json").isObject()
                    && !op.at("/requestBody/content/application~1json").has("example")) {
                without.add(e.getKey() + " request");
            }
        });
        assertTrue(without.isEmpty(), without.size() + " exchanges of the walk have no example in the document; "
                + "copy target/contract/examples.json to gateway/src/main/resources/openapi/examples.json: " + without);
        assertTrue(walk.examples().size() >= 50, "the walk saw only " + walk.examples().size() + " exchanges");
    }

    private static JsonNode operation(String operationId) {
        for (JsonNode item : walk.document.path("paths")) {
            for (JsonNode op : item) {
                if (operationId.equals(op.path("operationId").asText())) {
                    return op;
                }
            }
        }
        return ContractWalk.JSON.missingNode();
    }

    private static Answer expect(Answer answer, int... statuses) {
        return ContractWalk.expect(answer, statuses);
    }

    private void accountJourney() throws Exception {
        expect(call("GET /.well-known/jwks.json", null, null), 200);
        Answer guest = expect(call("POST /api/auth/guest", null, null), 200, 201);
        String email = "walker-" + System.nanoTime() + "@example.test";
        Answer registered = expect(call("POST /api/auth/register", null, Map.of("email", email, "password",
                Flows.PASSWORD, "accountType", "coder", "guestToken", guest.text("/accessToken"))), 201);
        expect(call("GET /api/me", registered.text("/accessToken"), null), 200);
        Answer login = expect(call("POST /api/auth/login", null, Map.of("email", email, "password", Flows.PASSWORD)),
                200);
        Answer refreshed = expect(call("POST /api/auth/refresh", null,
                Map.of("refreshToken", login.text("/refreshToken"))), 200);
        expect(call("POST /api/auth/logout", refreshed.text("/accessToken"),
                Map.of("refreshToken", refreshed.text("/refreshToken"))), 200, 204);
        expect(call("POST /api/auth/login", null, Map.of("email", email, "password", "not-the-password")), 401);
    }

    private void codeJourney(String token) throws Exception {
        expect(call("GET /api/code-systems", token, null), 200);
        expect(call("GET /api/search?q=diabetes&limit=10", token, null), 200);
        expect(call("GET /api/search?q=E11.9", token, null), 200);
        expect(call("GET /api/search?q=", token, null), 200, 400);
        expect(call("GET /api/search/suggest?q=diab", token, null), 200);
        Answer page = expect(call("GET /api/codes/{system}/{code}", token, null, "icd10cm", "E11.9"), 200);
        page.raw().headers().firstValue("ETag").ifPresent(tag -> {
            try {
                expect(walk.send("GET /api/codes/{system}/{code}", token, null, Map.of("If-None-Match", tag),
                        false, "icd10cm", "E11.9"), 304);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        expect(call("GET /api/codes/{system}/{code}", token, null, "icd10cm", "Q99.99X"), 404);
        expect(call("GET /api/edits/{system}/{code}", token, null, "cpt", "99213"), 200);
        expect(call("GET /api/edits/localities", token, null), 200);
        expect(call("GET /api/browse", token, null), 200);
        Answer top = expect(call("GET /api/browse/{system}", token, null, "icd10cm"), 200);
        String node = top.body().at("/children/0/id").asText(top.body().at("/nodes/0/id").asText("E00-E89"));
        expect(call("GET /api/browse/{system}/{node}", token, null, "icd10cm", node), 200);
        expect(call("GET /api/releases", token, null), 200);
        expect(call("GET /api/releases/currency", token, null), 200);
        Answer drgs = expect(call("GET /api/drgs", token, null), 200, 404);
        String drg = drgs.status() == 200 ? drgs.body().at("/items/0/drg").asText("470") : "470";
        expect(call("GET /api/drgs/{drg}", token, null, drg), 200, 404);
        Answer places = expect(call("GET /api/place-of-service", token, null), 200, 404);
        expect(call("GET /api/place-of-service/{code}", token, null, "11"), places.status());
        expect(call("POST /api/claims/check", token, Map.of("dateOfService", LocalDate.now().minusDays(3).toString(),
                "setting", "practitioner", "diagnoses", List.of("E11.9"),
                "lines", List.of(Map.of("code", "99213", "units", 1, "diagnosisPointers", List.of(1))))), 200);
        expect(walk.callInvalid("POST /api/claims/check", token, Map.of("setting", "practitioner")), 400);
        expect(call("POST /api/assistant/ask", token, Map.of("question",
                "What is the ICD-10-CM code for type 2 diabetes without complications?")), 200);
    }

    private void personalJourney(String token) throws Exception {
        expect(call("PUT /api/favorites/{system}/{code}", token, null, "icd10cm", "E11.9"), 200, 201);
        expect(call("GET /api/favorites", token, null), 200);
        expect(call("DELETE /api/favorites/{system}/{code}", token, null, "icd10cm", "E11.9"), 200, 204);
        expect(call("PUT /api/notes/{system}/{code}", token, Map.of("text", "Check the A1c in the note."),
                "icd10cm", "E11.9"), 200, 201);
        expect(call("GET /api/notes/{system}/{code}", token, null, "icd10cm", "E11.9"), 200);
        expect(call("GET /api/notes", token, null), 200);
        expect(call("DELETE /api/notes/{system}/{code}", token, null, "icd10cm", "E11.9"), 200, 204);
        expect(call("GET /api/search?q=hypertension", token, null), 200);
        Answer history = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            history = expect(call("GET /api/search-history", token, null), 200);
            if (firstId(history.body()) != null) {
                break;
            }
            Thread.sleep(200);
        }
        String id = firstId(history.body());
        assertTrue(id != null, "the search reached the history: " + history.body());
        expect(call("DELETE /api/search-history/{id}", token, null, id), 200, 204);
        expect(call("DELETE /api/search-history", token, null), 200, 204);
    }

    private static String firstId(JsonNode list) {
        JsonNode items = list.isArray() ? list : list.path("items").isArray() ? list.path("items")
                : list.path("entries");
        return items.isArray() && items.size() > 0 ? items.get(0).path("id").asText() : null;
    }

    private void consultJourney(String coder) throws Exception {
        Answer consult = expect(call("POST /api/consults", coder, Map.of("subject", "Bilateral knee injection",
                "question", "Which modifier applies when both knees are injected at one visit?",
                "caseText", "Osteoarthritis of both knees.", "codes", List.of("20610"))), 201);
        String id = consult.text("/id");
        expect(call("GET /api/consults", coder, null), 200);
        expect(call("GET /api/consults/{id}", coder, null, id), 200);
        Flows.Account expert = Flows.register(platform.gateway.url(), "coder");
        String consultant = Flows.grant(platform.gateway.url(), expert, "coder", "consultant");
        expect(call("GET /api/consults/queue", consultant, null), 200);
        expect(call("GET /api/consults/queue", coder, null), 403);
        expect(call("POST /api/consults/{id}/claim", consultant, null, id), 200);
        expect(call("POST /api/consults/{id}/answer", consultant, Map.of("body",
                "Report the injection code with modifier 50, or RT and LT as the payer asks."), id), 200);
        expect(call("POST /api/consults/{id}/messages", coder, Map.of("body", "Thanks, that settles it."), id), 200);
        expect(call("POST /api/consults/{id}/close", coder, null, id), 200);
    }

    private static Map<String, Object> posting(String title) {
        return Flows.posting(title, "Code outpatient visits for a multi-specialty clinic.");
    }

    private void careersJourney() throws Exception {
        String employer = Flows.register(platform.gateway.url(), "employer").token();
        expect(call("PUT /api/careers/employer/profile", employer, Map.of("organizationName", "Walk Clinic",
                "website", "https://clinic.example.test")), 200, 201);
        expect(call("GET /api/careers/employer/profile", employer, null), 200);
        String title = "Outpatient coder " + System.nanoTime();
        Answer created = expect(call("POST /api/careers/employer/jobs", employer, posting(title)), 201);
        long job = created.body().path("id").asLong();
        expect(call("PUT /api/careers/employer/jobs/{id}", employer, posting(title), job), 200);
        expect(call("GET /api/careers/employer/jobs/{id}", employer, null, job), 200);
        expect(call("POST /api/careers/employer/jobs/{id}/publish", employer, null, job), 200);
        expect(call("GET /api/careers/employer/jobs", employer, null), 200);

        expect(call("GET /api/jobs?q=coder&facets=true", null, null), 200);
        expect(call("GET /api/jobs/vocabulary", null, null), 200);
        expect(call("GET /api/jobs/{id}", null, null, job), 200);
        Answer jsonld = walk.send("GET /api/jobs/{id}/jsonld", null, null, Map.of("Accept", "application/ld+json"),
                false, job);
        expect(jsonld, 200);

        String coder = Flows.register(platform.gateway.url(), "coder").token();
        Answer applied = expect(call("POST /api/jobs/{id}/applications", coder, Map.of("coverNote",
                "Six years of outpatient coding.", "resumeUrl", "https://files.example.test/cv.pdf"), job), 201);
        long application = applied.body().path("id").asLong();
        expect(call("GET /api/careers/me/applications", coder, null), 200);
        expect(call("GET /api/careers/me/applications/{id}", coder, null, application), 200);
        expect(call("GET /api/careers/employer/jobs/{id}/applications", employer, null, job), 200);
        expect(call("GET /api/careers/employer/applications/{id}", employer, null, application), 200);
        expect(call("PUT /api/careers/employer/applications/{id}/status", employer, Map.of("status", "interview"),
                application), 200);
        expect(call("POST /api/careers/me/applications/{id}/withdraw", coder, null, application), 200);

        expect(call("PUT /api/careers/me/saved-jobs/{postingId}", coder, null, job), 200, 201, 204);
        expect(call("GET /api/careers/me/saved-jobs", coder, null), 200);
        expect(call("DELETE /api/careers/me/saved-jobs/{postingId}", coder, null, job), 200, 204);
        Answer saved = expect(call("POST /api/careers/me/saved-searches", coder, Map.of("name", "Remote coding",
                "criteria", Map.of("q", "coder", "workplace", List.of("remote")), "digest", true)), 201);
        expect(call("GET /api/careers/me/saved-searches", coder, null), 200);
        expect(call("DELETE /api/careers/me/saved-searches/{id}", coder, null, saved.body().path("id").asText()),
                200, 204);

        expect(call("POST /api/careers/employer/jobs/{id}/close", employer, null, job), 200);
        expect(call("POST /api/careers/employer/jobs/{id}/repost", employer, Map.of(), job), 200);
        Answer draft = expect(call("POST /api/careers/employer/jobs", employer, posting("Draft " + title)), 201);
        expect(call("DELETE /api/careers/employer/jobs/{id}", employer, null, draft.body().path("id").asLong()),
                200, 204);
    }
}
