package com.casecoding.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 26, the contract walk: every operation of the partner document, in the journeys of a coder, an employer and a
 * consultant, sent through Prism's validating proxy ({@code prism proxy}) to the running platform. Prism checks each
 * request and each answer (status, headers, body) against the served document and reports what does not match in an
 * {@code sl-violations} header; the walk fails on any, and on any partner operation it did not walk.
 */
class ContractWalkIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static Platform platform;
    static JsonNode document;
    static Process prism;
    static String proxy;
    static final Set<String> walked = new TreeSet<>();
    static final Set<String> mismatches = new LinkedHashSet<>();

    @BeforeAll
    static void startValidatingProxy() throws Exception {
        platform = Platform.get();
        Path doc = PartnerSdkIT.servedPartnerDocument();
        document = JSON.readTree(doc.toFile());
        Path bin = ContractTools.npmTool("prism");
        int port = ServiceProcess.freePort();
        Path log = ContractTools.OUT.resolve("prism.log");
        prism = new ProcessBuilder(bin.toString(), "proxy", doc.toString(), platform.gateway.url(), "--host",
                "127.0.0.1", "--port", Integer.toString(port)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        proxy = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                break;
            } catch (java.io.IOException notYet) {
                if (!prism.isAlive() || System.nanoTime() > deadline) {
                    fail("Prism did not start:\n" + Files.readString(log));
                }
                Thread.sleep(200);
            }
        }
    }

    @AfterAll
    static void stopProxy() {
        if (prism != null) {
            prism.destroy();
        }
    }

    /** One answer of the walk. */
    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String text(String pointer) {
            return body.at(pointer).asText();
        }
    }

    /**
     * Sends one request of an operation through the validating proxy and keeps what Prism found wrong with it.
     *
     * @param operation "METHOD /path/{template}" as the document names it; the {@code args} fill the template in order
     * @param invalid    the request breaks the document on purpose (to walk an error answer): only what Prism says of
     *                   the answer counts
     */
    static Answer send(String operation, String token, Object body, Map<String, String> headers, boolean invalid,
                       Object... args) throws Exception {
        String[] parts = operation.split(" ", 2);
        String path = parts[1];
        for (Object arg : args) {
            int open = path.indexOf('{');
            int query = path.indexOf('?');
            if (open < 0 || (query >= 0 && open > query)) {
                throw new IllegalArgumentException("more arguments than placeholders in " + operation);
            }
            path = path.substring(0, open) + URLEncoder.encode(String.valueOf(arg), StandardCharsets.UTF_8)
                    .replace("+", "%20") + path.substring(path.indexOf('}', open) + 1);
        }
        String template = parts[1].split("\\?", 2)[0];
        walked.add(parts[0].toLowerCase() + " " + template);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(proxy + path)).timeout(Duration.ofSeconds(30))
                .method(parts[0], body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        b.header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::setHeader);
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        r.headers().firstValue("sl-violations").ifPresent(v -> {
            try {
                for (JsonNode violation : JSON.readTree(v)) {
                    if (invalid && violation.path("location").path(0).asText().equals("request")) {
                        continue;
                    }
                    mismatches.add(operation + " -> " + r.statusCode() + ": "
                            + violation.path("location").toString().replaceAll("\"(\\d+)\"", "\"N\"") + " "
                            + violation.path("message").asText().replaceAll("\\.\\d+\\.", ".N."));
                }
            } catch (Exception e) {
                mismatches.add(operation + ": unreadable sl-violations header " + v);
            }
        });
        JsonNode json = r.body().isBlank() ? JSON.nullNode() : tryParse(r.body());
        return new Answer(r.statusCode(), json, r);
    }

    static Answer call(String operation, String token, Object body, Object... args) throws Exception {
        return send(operation, token, body, Map.of(), false, args);
    }

    /** A request that breaks the document on purpose, to walk the error answer. */
    static Answer callInvalid(String operation, String token, Object body, Object... args) throws Exception {
        return send(operation, token, body, Map.of(), true, args);
    }

    private static JsonNode tryParse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    static Answer expect(Answer answer, int... statuses) {
        for (int s : statuses) {
            if (answer.status() == s) {
                return answer;
            }
        }
        fail("expected " + java.util.Arrays.toString(statuses) + " but got " + answer.status() + ": "
                + answer.raw().uri() + " " + answer.raw().body());
        return answer;
    }

    @Test
    void everyPartnerOperationMatchesTheDocumentInEveryJourney() throws Exception {
        accountJourney();
        String coder = Flows.register(platform.gateway.url(), "coder").token();
        codeJourney(coder);
        personalJourney(coder);
        consultJourney(coder);
        careersJourney();

        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> item = it.next();
            item.getValue().fieldNames().forEachRemaining(method -> {
                if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                    operations.add(method + " " + item.getKey());
                }
            });
        }
        Set<String> notWalked = new TreeSet<>(operations);
        notWalked.removeAll(walked);
        Set<String> unknown = new TreeSet<>(walked);
        unknown.removeAll(operations);
        assertTrue(unknown.isEmpty(), "the walk called operations the partner document does not have: " + unknown);
        assertTrue(mismatches.isEmpty(), mismatches.size() + " requests or answers do not match the partner document:\n"
                + String.join("\n", mismatches));
        assertTrue(notWalked.isEmpty(), "partner operations the walk did not take: " + notWalked);
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
                expect(send("GET /api/codes/{system}/{code}", token, null, Map.of("If-None-Match", tag),
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
        String drg = drgs.status() == 200 ? drgs.body().at("/drgs/0/drg").asText("470") : "470";
        expect(call("GET /api/drgs/{drg}", token, null, drg), 200, 404);
        Answer places = expect(call("GET /api/place-of-service", token, null), 200, 404);
        expect(call("GET /api/place-of-service/{code}", token, null, "11"), places.status());
        expect(call("POST /api/claims/check", token, Map.of("dateOfService", LocalDate.now().minusDays(3).toString(),
                "setting", "practitioner", "diagnoses", List.of("E11.9"),
                "lines", List.of(Map.of("code", "99213", "units", 1, "diagnosisPointers", List.of(1))))), 200);
        expect(callInvalid("POST /api/claims/check", token, Map.of("setting", "practitioner")), 400);
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
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("title", title);
        body.put("description", "Code outpatient visits for a multi-specialty clinic.");
        body.put("location", Map.of("city", "Nashville", "state", "TN", "country", "US"));
        body.put("workplace", "remote");
        body.put("remoteStates", List.of("TN", "KY"));
        body.put("employmentType", "full_time");
        body.put("credentialsRequired", List.of("CPC"));
        body.put("specialties", List.of("em"));
        body.put("experienceYears", 2);
        body.put("salary", Map.of("min", 52000, "max", 61000, "currency", "USD", "period", "year"));
        body.put("apply", Map.of("method", "board"));
        return body;
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
        Answer jsonld = send("GET /api/jobs/{id}/jsonld", null, null, Map.of("Accept", "application/ld+json"),
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
