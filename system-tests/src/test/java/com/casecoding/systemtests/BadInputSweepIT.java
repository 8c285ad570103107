package com.casecoding.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad input for every operation in the gateway's partner OpenAPI document ({@code /q/openapi}, which merges the
 * services' public paths): malformed JSON, wrong types, missing fields, bodies over 1 MB, huge page sizes, odd Unicode
 * and injection strings, in bodies, query parameters and path parameters. Input that is certainly invalid must get a
 * 4xx {@code application/problem+json}; odd but possibly valid text may also succeed; nothing may answer 5xx, a 4xx
 * that is not problem+json, or take longer than {@link #HANG}.
 */
class BadInputSweepIT {

    static final Duration HANG = Duration.ofSeconds(15);
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** HTTP/1.1, one request per connection at a time: a refused request cannot take other streams down with it. */
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static final List<String> ODD_TEXT = List.of(
            "\u0000nul", "\u202Eright-to-left override", "e\u0301\u0301\u0301 combining", "\uD83D\uDE00 emoji \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",
            "\uFEFFbom", "\u00A0\u2028\u2029 separators", "\uFFFF\uFFFE noncharacters", "Ω≈ç√∫˜µ≤≥÷ 田中さん ﷽",
            "x".repeat(10_000));
    static final List<String> INJECTION = List.of(
            "' OR '1'='1' --", "1; DROP TABLE account; --", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}",
            "../../../../etc/passwd", "%00%0d%0aSet-Cookie: x=1", "{{7*7}}", "\\\"}{\\u0000", "*)(uid=*))(|(uid=*",
            "#{T(java.lang.Runtime).getRuntime()}");

    static String gateway;
    static String token;
    static JsonNode openapi;

    @BeforeAll
    static void start() throws Exception {
        ReliabilityPlatform platform = ReliabilityPlatform.get();
        gateway = platform.gateway.url();
        token = platform.adminToken();
        HttpResponse<String> doc = Http.send("GET", gateway + "/q/openapi?format=json", null, null, null);
        assertTrue(doc.statusCode() == 200, "partner OpenAPI document: " + doc.statusCode());
        openapi = JSON.readTree(doc.body());
    }

    /** One request of the sweep. */
    record Case(String operation, String kind, String method, String url, String contentType, byte[] body,
                boolean mustBe4xx, boolean withToken) {
        String key() {
            return operation + " | " + kind;
        }
    }

    @Test
    void everyOperationAnswersBadInputWithAProblemNeverA500OrAHang() throws Exception {
        List<Case> cases = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                operations++;
                cases.addAll(casesFor(method, path.getKey(), path.getValue(), op.getValue()));
            }
        }
        assertTrue(operations >= 5, "operations in /q/openapi: " + operations);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<String>> checks = new ArrayList<>();
        for (Case c : cases) {
            checks.add(CompletableFuture.supplyAsync(() -> check(c), pool));
        }
        Map<String, String> findings = new TreeMap<>();
        for (int i = 0; i < cases.size(); i++) {
            String problem = checks.get(i).get(HANG.toSeconds() + 60, TimeUnit.SECONDS);
            if (problem != null) {
                findings.putIfAbsent(cases.get(i).key(), problem);
            }
        }
        pool.shutdown();
        System.out.println("[bad input sweep] " + operations + " operations, " + cases.size() + " requests, "
                + findings.size() + " findings");
        if (!findings.isEmpty()) {
            StringBuilder sb = new StringBuilder(findings.size() + " bad-input findings:\n");
            findings.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
            fail(sb.toString());
        }
    }

    private static List<Case> casesFor(String method, String template, JsonNode pathItem, JsonNode op) {
        String operation = method + " " + template;
        List<Case> cases = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        op.path("parameters").forEach(parameters::add);
        Map<String, JsonNode> pathParams = new LinkedHashMap<>();
        Map<String, JsonNode> queryParams = new LinkedHashMap<>();
        for (JsonNode p : parameters) {
            p = resolve(p);
            if ("path".equals(p.path("in").asText())) {
                pathParams.put(p.path("name").asText(), p);
            } else if ("query".equals(p.path("in").asText())) {
                queryParams.put(p.path("name").asText(), p);
            }
        }
        String plainPath = fill(template, pathParams, null, null);
        JsonNode bodySchema = resolve(op.path("requestBody").path("content").path("application/json").path("schema"));
        boolean hasJsonBody = !bodySchema.isMissingNode();
        byte[] validBody = hasJsonBody ? bytes(sample(bodySchema, 0)) : null;

        // path parameters: odd and hostile text in each
        for (String name : pathParams.keySet()) {
            for (String bad : concat(INJECTION.subList(0, 5), ODD_TEXT.subList(0, 4))) {
                cases.add(new Case(operation, "path " + name + "=" + label(bad), method,
                        fill(template, pathParams, name, bad), hasJsonBody ? "application/json" : null, validBody, false, true));
            }
            if (isNumeric(pathParams.get(name))) {
                cases.add(new Case(operation, "path " + name + " not a number", method,
                        fill(template, pathParams, name, "abc"), hasJsonBody ? "application/json" : null, validBody, true, true));
            }
        }
        // query parameters: wrong types, huge values and page sizes, odd and hostile text
        for (Map.Entry<String, JsonNode> q : queryParams.entrySet()) {
            String name = q.getKey();
            JsonNode schema = resolve(q.getValue().path("schema"));
            if (isNumeric(q.getValue())) {
                cases.add(new Case(operation, "query " + name + "=abc", method, plainPath + "?" + name + "=abc", null, null, true, true));
                cases.add(new Case(operation, "query " + name + "=2147483648 (overflow)", method,
                        plainPath + "?" + name + "=2147483648", null, null, true, true));
                boolean bounded = schema.has("maximum");
                cases.add(new Case(operation, "query " + name + "=1000000000 (huge)", method,
                        plainPath + "?" + name + "=1000000000", null, null, bounded, true));
                cases.add(new Case(operation, "query " + name + "=-1", method, plainPath + "?" + name + "=-1", null, null,
                        schema.has("minimum") && schema.path("minimum").asDouble() >= 0, true));
            } else {
                for (String bad : concat(INJECTION, ODD_TEXT)) {
                    cases.add(new Case(operation, "query " + name + "=" + label(bad), method,
                            plainPath + "?" + name + "=" + URLEncoder.encode(bad, StandardCharsets.UTF_8), null, null, false, true));
                }
            }
        }
        for (String pageSize : List.of("size", "pageSize", "limit", "page")) {
            if (!queryParams.containsKey(pageSize) && "GET".equals(method) && queryParams.size() > 0) {
                // an undeclared page size is ignored or refused, never a failure
                cases.add(new Case(operation, "undeclared query " + pageSize + "=1000000000", method,
                        plainPath + "?" + pageSize + "=1000000000", null, null, false, true));
            }
        }
        // bodies
        if (hasJsonBody || Set.of("POST", "PUT", "PATCH").contains(method)) {
            // an operation that declares no body may ignore one: then only "never a 5xx, never a hang" applies
            boolean read = hasJsonBody;
            String json = "application/json";
            cases.add(new Case(operation, "malformed JSON", method, plainPath, json, bytes("{\"a\": "), read, true));
            cases.add(new Case(operation, "malformed JSON, trailing garbage", method, plainPath, json,
                    bytes("{\"a\":1}}}}"), read, true));
            cases.add(new Case(operation, "body not JSON but says it is", method, plainPath, json,
                    bytes("<xml>not json</xml>"), read, true));
            cases.add(new Case(operation, "body over 1 MB", method, plainPath, json,
                    bytes("{\"text\":\"" + "a".repeat(1_100_000) + "\"}"), read, true));
            cases.add(new Case(operation, "deeply nested JSON", method, plainPath, json,
                    bytes("[".repeat(5000) + "]".repeat(5000)), read, true));
            if (hasJsonBody && hasRequired(bodySchema)) {
                cases.add(new Case(operation, "empty object (missing fields)", method, plainPath, json, bytes("{}"), true, true));
                cases.add(new Case(operation, "JSON null body", method, plainPath, json, bytes("null"), true, true));
                cases.add(new Case(operation, "empty body", method, plainPath, json, new byte[0], true, true));
            }
            if (hasJsonBody) {
                if ("object".equals(type(bodySchema))) {
                    cases.add(new Case(operation, "array instead of object", method, plainPath, json, bytes("[1,2]"), true, true));
                    cases.add(new Case(operation, "number instead of object", method, plainPath, json, bytes("42"), true, true));
                }
                cases.add(new Case(operation, "wrong media type", method, plainPath, "text/plain", validBody, true, true));
                if (bodySchema.has("properties")) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = bodySchema.path("properties").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> prop = it.next();
                        JsonNode wrong = wrongType(resolve(prop.getValue()));
                        ObjectNode body = (ObjectNode) sample(bodySchema, 0);
                        body.set(prop.getKey(), wrong);
                        cases.add(new Case(operation, "wrong type for " + prop.getKey() + " (" + wrong.getNodeType() + ")",
                                method, plainPath, json, bytes(body), true, true));
                    }
                    for (String bad : concat(INJECTION, ODD_TEXT)) {
                        cases.add(new Case(operation, "every text field=" + label(bad), method, plainPath, json,
                                bytes(withStrings(bodySchema, bad)), false, true));
                    }
                }
            }
        }
        // the same hostile bodies without a token: refused or validated, never a failure
        if (hasJsonBody) {
            cases.add(new Case(operation, "malformed JSON without a token", method, plainPath, "application/json",
                    bytes("{\"a\": "), true, false));
        }
        return cases;
    }

    private static String check(Case c) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + c.url)).timeout(HANG)
                    .method(c.method, c.body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body));
            if (c.contentType != null) {
                b.header("Content-Type", c.contentType);
            }
            if (c.withToken) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            int status = r.statusCode();
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                return status + " " + DatabaseOutageIT.abbreviate(r.body());
            }
            if (c.mustBe4xx && (status < 400 || status >= 500)) {
                return "expected a 4xx, got " + status + " " + DatabaseOutageIT.abbreviate(r.body());
            }
            if (status >= 400 && !type.startsWith("application/problem+json")) {
                return status + " as '" + type + "' instead of application/problem+json: " + DatabaseOutageIT.abbreviate(r.body());
            }
            if (status >= 400 && r.body().matches("(?s).*(Exception|\\tat [a-z]+\\.|org\\.hibernate|java\\.lang).*")) {
                return status + " leaks internals: " + DatabaseOutageIT.abbreviate(r.body());
            }
            return null;
        } catch (java.net.http.HttpTimeoutException e) {
            return "no answer within " + HANG.toSeconds() + " s (hang)";
        } catch (IllegalArgumentException e) {
            return null; // a URL the client itself refuses to send: nothing reached the server
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    // ---- helpers for the OpenAPI document

    static JsonNode resolve(JsonNode node) {
        int guard = 0;
        while (node != null && node.has("$ref") && guard++ < 20) {
            String ref = node.path("$ref").asText();
            JsonNode target = openapi;
            for (String part : ref.replaceFirst("^#/", "").split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        if (node != null && node.has("allOf") && node.path("allOf").size() == 1) {
            return resolve(node.path("allOf").get(0));
        }
        return node;
    }

    static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!"null".equals(x.asText())) {
                    return x.asText();
                }
            }
        }
        if (t.isTextual()) {
            return t.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    static boolean isNumeric(JsonNode parameter) {
        String t = type(resolve(parameter.path("schema")));
        return "integer".equals(t) || "number".equals(t);
    }

    static boolean hasRequired(JsonNode schema) {
        return schema.path("required").size() > 0 || "array".equals(type(schema));
    }

    /** A plausible value: the example when there is one, else the simplest value of the type. */
    static JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("example") && depth > 0) {
            return schema.get("example").deepCopy();
        }
        switch (type(schema)) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                if (depth < 6) {
                    schema.path("properties").fields().forEachRemaining(p -> o.set(p.getKey(), sample(p.getValue(), depth + 1)));
                }
                return o;
            }
            case "array": {
                ArrayNode a = NODES.arrayNode();
                if (depth < 6) {
                    a.add(sample(schema.path("items"), depth + 1));
                }
                return a;
            }
            case "integer":
                return NODES.numberNode(schema.has("minimum") ? schema.path("minimum").asLong() : 1);
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                if (schema.has("enum") && schema.path("enum").size() > 0) {
                    return schema.path("enum").get(0).deepCopy();
                }
                if ("date".equals(schema.path("format").asText())) {
                    return NODES.textNode("2026-04-15");
                }
                if ("date-time".equals(schema.path("format").asText())) {
                    return NODES.textNode("2026-04-15T10:00:00Z");
                }
                return NODES.textNode("x");
        }
    }

    static JsonNode wrongType(JsonNode schema) {
        switch (type(schema)) {
            case "integer":
            case "number":
                return NODES.textNode("not a number");
            case "boolean":
                return NODES.textNode("maybe");
            case "array":
                return NODES.objectNode().put("not", "an array");
            case "object":
                return NODES.numberNode(42);
            default:
                return NODES.objectNode().put("not", "a string");
        }
    }

    /** The sample body with every text value replaced by {@code text}. */
    static JsonNode withStrings(JsonNode schema, String text) {
        JsonNode body = sample(schema, 0);
        replaceStrings(body, text);
        return body;
    }

    private static void replaceStrings(JsonNode node, String text) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (o.get(n).isTextual()) {
                    o.put(n, text);
                } else {
                    replaceStrings(o.get(n), text);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) {
                    a.set(i, NODES.textNode(text));
                } else {
                    replaceStrings(a.get(i), text);
                }
            }
        }
    }

    static String fill(String template, Map<String, JsonNode> params, String target, String value) {
        String url = template;
        for (Map.Entry<String, JsonNode> p : params.entrySet()) {
            String v = p.getKey().equals(target) ? value : isNumeric(p.getValue()) ? "1" : "x";
            url = url.replace("{" + p.getKey() + "}", URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return url;
    }

    static byte[] bytes(Object body) {
        try {
            return body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String label(String text) {
        String t = text.length() > 24 ? text.substring(0, 12) + "…(" + text.length() + " chars)" : text;
        StringBuilder sb = new StringBuilder();
        t.codePoints().forEach(cp -> sb.append(cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || Character.getType(cp) == Character.FORMAT
                ? String.format("\\u%04X", cp) : new String(Character.toChars(cp))));
        return sb.toString();
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<T> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
