package com.casecoding.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 26, on the whole platform: every operation of the services is named (gateway
 * {@code openapi/operations.txt}), belongs to exactly one of the partner and operator documents, declares the security
 * it really has, and answers errors as problem+json.
 */
class PartnerDocumentIT {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    static JsonNode partner;
    static JsonNode operator;

    @BeforeAll
    static void read() throws Exception {
        Platform platform = Platform.get();
        ObjectMapper mapper = new ObjectMapper();
        HttpResponse<String> p = Http.get(platform.gateway.url() + "/q/openapi", null);
        assertEquals(200, p.statusCode(), p.body());
        partner = mapper.readTree(p.body());
        HttpResponse<String> o = Http.get(platform.gateway.managementUrl() + "/q/openapi-operator", null);
        assertEquals(200, o.statusCode(), o.body());
        operator = mapper.readTree(o.body());
    }

    @Test
    void everyServiceIsInTheDocument() {
        assertTrue(partner.path("x-unavailable-services").isMissingNode(), partner.path("x-unavailable-services")
                .toString());
    }

    @Test
    void everyOperationHasOneStableNameInExactlyOneDocument() {
        Set<String> ids = new HashSet<>();
        List<String> unnamed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode doc : List.of(partner, operator)) {
            forEachOperation(doc, (key, op) -> {
                if (!op.hasNonNull("operationId")) {
                    unnamed.add(key + " (name it in gateway/src/main/resources/openapi/operations.txt)");
                } else {
                    assertTrue(ids.add(op.get("operationId").asText()), "operationId used twice: " + key);
                }
                assertTrue(seen.add(key), key + " is in both documents");
            });
        }
        assertEquals(List.of(), unnamed);
        assertTrue(seen.size() > 80, "operations: " + seen.size());
    }

    @Test
    void adminOperationsAreNotInThePartnerDocument() {
        partner.path("paths").fieldNames().forEachRemaining(path ->
                assertTrue(!path.contains("/admin/") && !path.equals("/api/consults/inbound"), path));
        assertTrue(operator.path("paths").has("/api/admin/imports"));
        assertTrue(operator.path("paths").has("/api/careers/admin/jobs"));
    }

    @Test
    void eachOperationSaysTheSecurityItHas() {
        // the job board reads without a token
        assertEquals(0, partner.at("/paths/~1api~1jobs/get/security").size());
        assertEquals(0, partner.at("/paths/~1api~1jobs~1{id}/get/security").size());
        // an employer's own jobs need the token
        assertTrue(partner.at("/paths/~1api~1careers~1employer~1jobs/get/security/0").has("bearer"));
        assertTrue(partner.at("/paths/~1api~1codes~1{system}~1{code}/get/security/0").has("bearer"));
        assertTrue(operator.at("/paths/~1api~1consults~1inbound/post/security/0").has("inboundSecret"));
        assertEquals("apiKey", operator.at("/components/securitySchemes/inboundSecret/type").asText());
    }

    @Test
    void everyErrorAnswerIsProblemJson() {
        List<String> bare = new ArrayList<>();
        for (JsonNode doc : List.of(partner, operator)) {
            forEachOperation(doc, (key, op) -> op.path("responses").fields().forEachRemaining(r -> {
                boolean error = r.getKey().startsWith("4") || r.getKey().startsWith("5");
                if (error && !r.getValue().has("$ref")
                        && !r.getValue().path("content").has("application/problem+json")) {
                    bare.add(key + " " + r.getKey());
                }
            }));
        }
        assertEquals(List.of(), bare);
    }

    @Test
    void everySuccessfulAnswerWithABodyDeclaresIt() {
        // a 200 or 201 without content makes SDKs return void (or any) for an operation that answers JSON
        List<String> bare = new ArrayList<>();
        for (JsonNode doc : List.of(partner, operator)) {
            forEachOperation(doc, (key, op) -> op.path("responses").fields().forEachRemaining(r -> {
                if ((r.getKey().equals("200") || r.getKey().equals("201")) && !r.getValue().has("$ref")
                        && r.getValue().path("content").isEmpty()) {
                    bare.add(key + " " + r.getKey());
                }
            }));
        }
        assertEquals(List.of(), bare);
    }

    @Test
    void everyListAnswersTheOneListEnvelopeAndIsPagedByLimitAndOffset() {
        // one convention (docs/api-changelog.md, 2.0.0): items, total, limit, offset, next; never a bare array
        List<String> wrong = new ArrayList<>();
        int lists = 0;
        for (JsonNode doc : List.of(partner, operator)) {
            List<String> found = new ArrayList<>();
            forEachOperation(doc, (key, op) -> {
                if (!key.startsWith("get ")) {
                    return;
                }
                JsonNode schema = resolve(doc, op.at("/responses/200/content/application~1json/schema"));
                Set<String> params = new HashSet<>();
                op.path("parameters").forEach(p -> params.add(p.path("name").asText()));
                if ("array".equals(schema.path("type").asText())) {
                    wrong.add(key + ": a bare array");
                }
                if (params.contains("page") || params.contains("size")) {
                    wrong.add(key + ": page/size instead of limit/offset");
                }
                if (params.contains("limit") && schema.at("/properties/items").isObject()) {
                    found.add(key);
                    for (String member : List.of("total", "limit", "offset", "next")) {
                        if (!schema.path("properties").has(member)) {
                            wrong.add(key + ": no " + member);
                        }
                    }
                    if (!params.contains("offset")) {
                        wrong.add(key + ": limit without offset");
                    }
                    if (!"array".equals(resolve(doc, schema.at("/properties/items")).path("type").asText())) {
                        wrong.add(key + ": items is not an array");
                    }
                }
            });
            lists += found.size();
        }
        assertEquals(List.of(), wrong);
        assertTrue(lists >= 20, "only " + lists + " list operations found");
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.startsWith("#/") ? doc.at(ref.substring(1)) : schema;
    }

    @Test
    void numericAndBooleanQueryParametersAreTypedSoSdksSendNumbersAndBooleans() {
        Map<String, String> types = Map.of("limit", "integer", "offset", "integer",
                "minSalary", "integer", "billable", "boolean", "facets", "boolean", "verified", "boolean",
                "hidden", "boolean");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (JsonNode doc : List.of(partner, operator)) {
            List<String> found = new ArrayList<>();
            forEachOperation(doc, (key, op) -> op.path("parameters").forEach(parameter -> {
                String type = types.get(parameter.path("name").asText());
                if ("query".equals(parameter.path("in").asText()) && type != null) {
                    found.add(key);
                    if (!type.equals(parameter.at("/schema/type").asText())) {
                        wrong.add(key + " " + parameter.path("name").asText() + ": " + parameter.path("schema"));
                    }
                }
            }));
            checked += found.size();
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked >= 20, "only " + checked + " such parameters found");
        assertTrue(partner.at("/components/schemas/CodePage/properties").has("views"), "the view meter of a code page");
    }

    @Test
    void answerSchemasRequireWhatIsAlwaysThereAndSayWhatMayBeNull() {
        JsonNode schemas = partner.at("/components/schemas");
        List<String> withoutRequired = new ArrayList<>();
        schemas.fields().forEachRemaining(e -> {
            if (e.getValue().path("properties").size() > 0 && !e.getValue().has("required")) {
                withoutRequired.add(e.getKey());
            }
        });
        // request-only schemas keep their validation's required list; some have no required field at all
        assertTrue(withoutRequired.size() < 10, "schemas without required: " + withoutRequired);
        assertTrue(textsOf(schemas.at("/CodePage/required")).containsAll(List.of("code", "system", "status",
                "sections")), schemas.at("/CodePage/required").toString());
        assertEquals("[\"string\",\"null\"]", schemas.at("/Result/properties/unit/type").toString(),
                "a search hit's billing unit may be null");
        assertTrue(!textsOf(schemas.at("/Result/required")).contains("unit"));
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void revalidatedOperationsDeclareTheir304AndNoInternalMarkIsLeft() {
        for (JsonNode doc : List.of(partner, operator)) {
            assertTrue(!doc.toString().contains("x-revalidated"), "the services' internal x-revalidated mark is left");
        }
        JsonNode search = partner.at("/paths/~1api~1search/get");
        assertTrue(search.at("/responses/304").isObject(), search.path("responses").toString());
        assertTrue(search.at("/responses/200/headers/ETag").isObject(), search.at("/responses/200").toString());
    }

    @Test
    void theDocumentIsVersionedByTheNewestChangelogEntry() throws Exception {
        java.nio.file.Path changelog = java.nio.file.Path.of(System.getProperty("casecoding.repo.root"), "docs",
                "api-changelog.md");
        java.util.regex.Matcher newest = java.util.regex.Pattern.compile("(?m)^## (\\S+) \\(\\d{4}-\\d{2}-\\d{2}\\)")
                .matcher(java.nio.file.Files.readString(changelog));
        assertTrue(newest.find(), "docs/api-changelog.md has no '## <version> (<date>)' entry");
        assertEquals(newest.group(1), partner.at("/info/version").asText(),
                "the partner document's info.version is the newest entry of docs/api-changelog.md");
        assertTrue(partner.at("/info/contact/email").asText().contains("@"), "info.contact");
        assertTrue(partner.path("servers").size() > 0, "servers");
    }

    private static void forEachOperation(JsonNode doc, java.util.function.BiConsumer<String, JsonNode> each) {
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    each.accept(method + " " + path.getKey(), path.getValue().get(method));
                }
            }
        }
    }
}
