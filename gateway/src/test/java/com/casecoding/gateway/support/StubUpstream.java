package com.casecoding.gateway.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A stand-in for code-service in gateway tests: code pages exist for E11.9, I10 and C0..C999 (200), every other code is
 * unknown (404). Remembers the headers of the last request per path so tests can see what the gateway forwarded. The
 * first request on each path under {@code /api/echo/drop-once/} gets no answer: its connection is closed. Under
 * {@code /api/echo/}: {@code large?bytes=N} answers N bytes without a declared length (chunked), {@code empty} answers
 * 204, {@code close} answers and closes the connection, {@code created} answers 201 with a {@code Location} built from
 * the Host header it was sent (as Quarkus REST does), {@code elsewhere} a 303 to another site. Any path ending in
 * {@code /slow} answers after 6 s. The client port of every request is remembered per path.
 */
public final class StubUpstream {

    private static final Pattern KNOWN = Pattern.compile("E119|I10|K219|C\\d{2,4}");
    private static StubUpstream instance;

    private final HttpServer server;
    public final Map<String, Headers> lastHeaders = new ConcurrentHashMap<>();
    /** Paths under /api/echo/drop-once/ seen once: the first request on each is dropped without an answer. */
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();
    /** The client (gateway) ports each path was requested from. */
    public final Map<String, Set<Integer>> clientPorts = new ConcurrentHashMap<>();

    private StubUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized StubUpstream get() {
        if (instance == null) {
            try {
                instance = new StubUpstream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        lastHeaders.put(path, exchange.getRequestHeaders());
        clientPorts.computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet()).add(exchange.getRemoteAddress().getPort());
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.startsWith("/api/echo/drop-once/") && dropped.add(path)) {
            // closed without a byte of an answer, as a kept-alive connection the server closes in the same instant
            exchange.close();
            return;
        }
        if (path.startsWith("/api/codes/")) {
            String[] parts = path.split("/");
            String code = parts.length > 4 ? parts[4].toUpperCase().replace(".", "") : "";
            boolean known = KNOWN.matcher(code).matches();
            if (known && "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                // the caller's copy is current, as code-service answers a matching If-None-Match
                exchange.getResponseHeaders().add("ETag", "\"v1\"");
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
            } else if (known) {
                reply(exchange, 200, "application/json", "{\"system\":\"" + parts[3] + "\",\"code\":\"" + code + "\"}");
            } else {
                reply(exchange, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not found\"}");
            }
            return;
        }
        if (path.equals("/q/openapi")) {
            reply(exchange, 200, "application/json", "{\"openapi\":\"3.1.0\",\"paths\":{"
                    + "\"/api/code-systems\":{\"get\":{\"summary\":\"Code sets\",\"responses\":{\"200\":{\"description\":\"OK\","
                    + "\"content\":{\"application/json\":{\"schema\":{\"type\":\"array\",\"items\":"
                    + "{\"$ref\":\"#/components/schemas/CodeSystemView\"}}}}}}}},"
                    + "\"/api/search\":{\"get\":{\"summary\":\"Search\",\"responses\":{\"200\":{\"description\":\"OK\"}}}},"
                    + "\"/test/internal\":{\"get\":{\"responses\":{\"200\":{\"description\":\"OK\"}}}}},"
                    + "\"components\":{\"schemas\":{\"CodeSystemView\":{\"type\":\"object\",\"properties\":"
                    + "{\"release\":{\"$ref\":\"#/components/schemas/Release\"}}},\"Release\":{\"type\":\"object\"},"
                    + "\"ImportRequest\":{\"type\":\"object\"}}},"
                    + "\"tags\":[{\"name\":\"Code sets\"}]}");
            return;
        }
        if (path.equals("/api/echo/large")) {
            int size = Integer.parseInt(exchange.getRequestURI().getQuery().replace("bytes=", ""));
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] line = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
                for (int sent = 0; sent < size; sent += line.length) {
                    out.write(line, 0, Math.min(line.length, size - sent));
                }
            }
            return;
        }
        if (path.equals("/api/echo/created")) {
            // as Quarkus REST builds a Location: from the Host header it was sent (the gateway's upstream address)
            String host = exchange.getRequestHeaders().getFirst("Host");
            exchange.getResponseHeaders().set("Location", "http://" + host + "/api/echo/things/42?view=full");
            exchange.getResponseHeaders().set("Content-Location", "http://" + host + "/api/echo/things/42");
            reply(exchange, 201, "application/json", "{\"id\":42}");
            return;
        }
        if (path.equals("/api/echo/elsewhere")) {
            exchange.getResponseHeaders().set("Location", "https://www.cms.gov/medicare/coding");
            exchange.getResponseHeaders().set("Content-Location", "/api/echo/things/43");
            exchange.getResponseHeaders().set("Keep-Alive", "timeout=5");
            reply(exchange, 303, "application/json", "{}");
            return;
        }
        if (path.endsWith("/slow")) {
            try {
                Thread.sleep(6000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (path.equals("/api/echo/empty")) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        if (path.equals("/api/echo/close")) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        if (path.startsWith("/api/echo")) {
            reply(exchange, 200, "application/json", "{\"method\":\"" + exchange.getRequestMethod() + "\",\"bytes\":"
                    + body.length + ",\"body\":" + (body.length == 0 ? "null" : new String(body, StandardCharsets.UTF_8)) + "}");
            return;
        }
        reply(exchange, 200, "application/json", "{\"path\":\"" + path + "\"}");
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
