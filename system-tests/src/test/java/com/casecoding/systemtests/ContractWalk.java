package com.casecoding.systemtests;

import java.util.TreeMap;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A walk of the partner contract against one running platform: Prism's validating proxy ({@code prism proxy}) in
 * front of its gateway, checking each request and each answer (status, headers, body) against the document that
 * gateway serves. Prism reports what does not match in an {@code sl-violations} header; the walk keeps every such
 * report and every operation it took.
 */
final class ContractWalk implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final JsonNode document;
    private final Process prism;
    private final String proxy;
    final Set<String> walked = new TreeSet<>();
    final Set<String> mismatches = new LinkedHashSet<>();
    /** Per operation ("method /path"), its first successful exchange: what {@link #examples} is made of. */
    private final Map<String, ObjectNode> exchanges = new TreeMap<>();

    /** One answer of the walk. */
    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String text(String pointer) {
            return body.at(pointer).asText();
        }
    }

    private ContractWalk(JsonNode document, Process prism, String proxy) {
        this.document = document;
        this.prism = prism;
        this.proxy = proxy;
    }

    /** Saves the partner document {@code gateway} serves under {@code target/contract/<name>} and starts Prism on it. */
    static ContractWalk through(String gateway, String name) throws Exception {
        Path doc = ContractTools.servedPartnerDocument(gateway, name);
        Path bin = ContractTools.npmTool("prism");
        int port = ServiceProcess.freePort();
        Path log = ContractTools.OUT.resolve(name + "-prism.log");
        Process prism = new ProcessBuilder(bin.toString(), "proxy", doc.toString(), gateway, "--host", "127.0.0.1",
                "--port", Integer.toString(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                break;
            } catch (java.io.IOException notYet) {
                if (!prism.isAlive() || System.nanoTime() > deadline) {
                    prism.destroy();
                    fail("Prism did not start:\n" + Files.readString(log));
                }
                Thread.sleep(200);
            }
        }
        return new ContractWalk(JSON.readTree(doc.toFile()), prism, "http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        prism.destroy();
    }

    /**
     * Sends one request of an operation through the validating proxy and keeps what Prism found wrong with it.
     *
     * @param operation "METHOD /path/{template}" as the document names it; the {@code args} fill the template in order
     * @param invalid   the request breaks the document on purpose (to walk an error answer): only what Prism says of
     *                  the answer counts
     */
    Answer send(String operation, String token, Object body, Map<String, String> headers, boolean invalid,
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
        walked.add(parts[0].toLowerCase() + " " + parts[1].split("\\?", 2)[0]);
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
                    // one line per kind of mismatch, whichever array element showed it
                    mismatches.add(operation + " -> " + r.statusCode() + ": "
                            + violation.path("location").toString().replaceAll("\"(\\d+)\"", "\"N\"") + " "
                            + violation.path("message").asText().replaceAll("(?<=[.a-z ])\\d+(?=[. ]|$)", "N"));
                }
            } catch (Exception e) {
                mismatches.add(operation + ": unreadable sl-violations header " + v);
            }
        });
        JsonNode json = r.body().isBlank() ? JSON.nullNode() : parse(r.body());
        String key = parts[0].toLowerCase() + " " + parts[1].split("\\?", 2)[0];
        boolean jsonAnswer = r.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        if (!invalid && r.statusCode() / 100 == 2 && !exchanges.containsKey(key) && (jsonAnswer || body != null)) {
            ObjectNode exchange = JSON.createObjectNode();
            if (body != null) {
                exchange.set("request", Examples.shortened(JSON.valueToTree(body)));
            }
            if (jsonAnswer && json.isContainerNode()) {
                exchange.put("status", Integer.toString(r.statusCode()));
                exchange.set("response", Examples.shortened(json));
            }
            exchanges.put(key, exchange);
        }
        return new Answer(r.statusCode(), json, r);
    }

    /**
     * The examples this walk saw, by operationId: for each operation its first successful request body and JSON
     * answer, as the platform really sent them (arrays cut to three items, tokens shortened).
     */
    /** Writes {@link #examples} to {@code target/contract/<file>}. */
    void writeExamples(String file) throws java.io.IOException {
        Files.writeString(ContractTools.OUT.resolve(file),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(examples()) + "\n");
    }

    ObjectNode examples() {
        ObjectNode out = JSON.createObjectNode();
        exchanges.forEach((key, exchange) -> {
            String[] parts = key.split(" ", 2);
            String id = document.path("paths").path(parts[1]).path(parts[0]).path("operationId").asText();
            if (!id.isEmpty()) {
                out.set(id, exchange);
            }
        });
        return out;
    }

    Answer call(String operation, String token, Object body, Object... args) throws Exception {
        return send(operation, token, body, Map.of(), false, args);
    }

    /** A request that breaks the document on purpose, to walk the error answer. */
    Answer callInvalid(String operation, String token, Object body, Object... args) throws Exception {
        return send(operation, token, body, Map.of(), true, args);
    }

    static Answer expect(Answer answer, int... statuses) {
        for (int s : statuses) {
            if (answer.status() == s) {
                return answer;
            }
        }
        fail("expected " + Arrays.toString(statuses) + " but got " + answer.status() + ": " + answer.raw().uri() + " "
                + answer.raw().body());
        return answer;
    }

    /** Every operation of the document, as "method /path". */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> item = it.next();
            item.getValue().fieldNames().forEachRemaining(method -> {
                if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                    operations.add(method + " " + item.getKey());
                }
            });
        }
        return operations;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
