package com.casecoding.gateway.openapi;

import com.casecoding.gateway.config.GatewayConfig;
import com.casecoding.gateway.proxy.RateLimiter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.ManagementInterface;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /q/openapi}: ONE OpenAPI document for partners, merged from the gateway's own document and the public paths
 * of every service in the routing table: each operation named by {@link OperationNames}, with the security it really
 * has (public, bearer, or the inbound-mail shared secret) and the problem+json error answers. Operations for operators
 * (admin, internal hooks) are left out of it and served, in a document of their own, on the management interface at
 * {@code /q/openapi-operator}. Cached for a minute; a service that cannot be reached is listed in
 * {@code x-unavailable-services}.
 */
@ApplicationScoped
public class PartnerOpenApi {

    private static final Logger LOG = Logger.getLogger(PartnerOpenApi.class);
    private static final long CACHE_MILLIS = 60_000;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "options", "head");
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Invalid request: the problem lists each field and what is wrong",
            "401", "Missing, invalid or expired bearer token",
            "403", "Not allowed for this account (or code page views used up)",
            "404", "Not found",
            "429", "Too many requests: wait Retry-After seconds",
            "500", "Unexpected error: quote the requestId to support",
            "503", "A service is unavailable: retry shortly");

    /**
     * The version of the partner contract: the newest entry of {@code docs/api-changelog.md} (PartnerDocumentIT checks
     * the two agree). A change a generated SDK sees (an operation, a field, a type) adds an entry and a version.
     */
    static final String API_VERSION = "2.0.0";

    /** The code page operations, whose answers carry the view meter (proxy.ViewQuotaFilter). */
    static final List<String> CODE_PAGES = List.of("/api/codes/{system}/{code}", "/api/edits/{system}/{code}");

    /** The headers of every answer under a rate limit (RateLimiter.headers). */
    static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

    private static final String SCHEMA_REF = "#/components/schemas/";

    /** The header the inbound-mail hook's shared secret comes in (code-service's InboundMailResource). */
    static final String INBOUND_SECRET_HEADER = "X-Inbound-Secret";

    @Inject
    GatewayConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    RateLimiter rateLimiter;

    private final OperationNames names = OperationNames.load();
    private volatile OperationExamples examples;
    private WebClient client;
    private volatile Documents cached;
    private volatile long cachedAt;
    /** The gateway's own API port (its own document is read from there), known from the first request on it. */
    private volatile int apiPort;

    /** The two documents, serialized. */
    private record Documents(String partner, String operator) {
    }

    void register(@Observes Router router, Vertx vertx) {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2000).setIdleTimeout(5));
        router.route(HttpMethod.GET, "/q/openapi").handler(rc -> {
            apiPort = rc.request().localAddress().port();
            serve(rc, false);
        });
    }

    void registerOperator(@Observes ManagementInterface management) {
        management.router().route(HttpMethod.GET, "/q/openapi-operator").handler(rc -> serve(rc, true));
    }

    private OperationExamples examples() {
        if (examples == null) {
            examples = OperationExamples.load(mapper);
        }
        return examples;
    }

    private int ownPort() {
        if (apiPort > 0) {
            return apiPort;
        }
        // before any request on the API port: the port Quarkus listens on (it records a random test port there)
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8080);
    }

    private void serve(RoutingContext rc, boolean operator) {
        String format = rc.request().getParam("format");
        if (format != null && !format.equalsIgnoreCase("json")) {
            rc.response().setStatusCode(406).putHeader("Content-Type", "application/problem+json")
                    .end("{\"type\":\"https://casecoding.com/problems/not-acceptable\",\"title\":\"Not acceptable\","
                            + "\"status\":406,\"detail\":\"The partner document is served as JSON: use ?format=json or no format.\"}");
            return;
        }
        Documents docs = cached;
        if (docs != null && System.currentTimeMillis() - cachedAt < CACHE_MILLIS) {
            rc.response().putHeader("Content-Type", "application/json").end(operator ? docs.operator() : docs.partner());
            return;
        }
        Future<JsonNode> own = fetch("localhost", ownPort(), "/q/gateway-openapi?format=json");
        List<Future<JsonNode>> services = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Route> route : config.routes().entrySet()) {
            URI upstream = URI.create(route.getValue().upstream());
            names.add(route.getKey());
            services.add(fetch(upstream.getHost(), upstream.getPort() > 0 ? upstream.getPort() : 80,
                    "/q/openapi?format=json").recover(e -> Future.succeededFuture(null)));
        }
        List<Future<JsonNode>> all = new ArrayList<>(services);
        all.add(own);
        Future.join(all).onComplete(done -> {
            if (own.failed()) {
                LOG.error("Cannot read the gateway's own OpenAPI document", own.cause());
                rc.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"https://casecoding.com/problems/service-unavailable\",\"title\":"
                                + "\"Service unavailable\",\"status\":503,\"detail\":\"The API document is being built; retry shortly.\"}");
                return;
            }
            ObjectNode merged = (ObjectNode) own.result();
            ArrayNode unavailable = mapper.createArrayNode();
            int i = 0;
            for (Map.Entry<String, GatewayConfig.Route> route : config.routes().entrySet()) {
                JsonNode doc = services.get(i++).result();
                if (doc == null) {
                    unavailable.add(route.getKey());
                    continue;
                }
                mergeService(merged, doc, route.getValue());
            }
            ObjectNode operatorDoc = merged.deepCopy();
            keepOnly(merged, false);
            keepOnly(operatorDoc, true);
            decorate(merged, unavailable, false);
            decorate(operatorDoc, unavailable, true);
            try {
                Documents built = new Documents(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(merged),
                        mapper.writerWithDefaultPrettyPrinter().writeValueAsString(operatorDoc));
                if (unavailable.isEmpty()) {
                    cached = built;
                    cachedAt = System.currentTimeMillis();
                }
                rc.response().putHeader("Content-Type", "application/json")
                        .end(operator ? built.operator() : built.partner());
            } catch (Exception e) {
                rc.fail(e);
            }
        });
    }

    private Future<JsonNode> fetch(String host, int port, String path) {
        return client.get(port, host, path).putHeader("Accept", "application/json").send()
                .compose((HttpResponse<Buffer> r) -> {
                    if (r.statusCode() != 200) {
                        return Future.failedFuture(host + ":" + port + " answered " + r.statusCode());
                    }
                    try {
                        return Future.succeededFuture(mapper.readTree(r.bodyAsString()));
                    } catch (Exception e) {
                        return Future.failedFuture(e);
                    }
                });
    }

    /**
     * Copies the service's paths under its routed prefixes (the most specific route wins a path: the inbound-mail hook
     * under {@code /api/consults}), its schemas and its tags into the merged document. Each operation keeps what the
     * service says of its security: one the service requires a token for needs the bearer; on a route where the gateway
     * passes requests without a token (the job board), the others are public.
     */
    private void mergeService(ObjectNode merged, JsonNode service, GatewayConfig.Route route) {
        ObjectNode paths = merged.with("paths");
        service.path("paths").fields().forEachRemaining(entry -> {
            String path = entry.getKey();
            if (route.prefixes().stream().anyMatch(p -> matches(path, p)) && routeOf(path) == route) {
                ObjectNode item = entry.getValue().deepCopy();
                for (String method : METHODS) {
                    if (item.get(method) instanceof ObjectNode op) {
                        boolean tokenDeclared = op.path("security").size() > 0;
                        op.put("x-security", path.startsWith("/api/consults/inbound") ? "inbound-secret"
                                : tokenDeclared || route.authRequired() ? "bearer" : "public");
                    }
                }
                paths.set(path, item);
            }
        });
        ObjectNode schemas = merged.with("components").with("schemas");
        service.path("components").path("schemas").fields().forEachRemaining(entry -> {
            if (!schemas.has(entry.getKey())) {
                schemas.set(entry.getKey(), entry.getValue());
            }
        });
        ArrayNode tags = merged.withArray("tags");
        for (JsonNode tag : service.path("tags")) {
            boolean known = false;
            for (JsonNode existing : tags) {
                known |= existing.path("name").asText().equals(tag.path("name").asText());
            }
            if (!known) {
                tags.add(tag);
            }
        }
    }

    private static boolean matches(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The route a path goes to: the one with the longest matching prefix (as the proxy routes). */
    private GatewayConfig.Route routeOf(String path) {
        GatewayConfig.Route best = null;
        int length = -1;
        for (GatewayConfig.Route r : config.routes().values()) {
            for (String p : r.prefixes()) {
                if (matches(path, p) && p.length() > length) {
                    best = r;
                    length = p.length();
                }
            }
        }
        return best;
    }

    /** Drops the operations of the other document (and paths left empty); names every operation kept. */
    private void keepOnly(ObjectNode doc, boolean operator) {
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.with("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ObjectNode item = (ObjectNode) e.getValue();
            for (String method : METHODS) {
                if (item.get(method) instanceof ObjectNode op) {
                    Optional<OperationNames.Name> name = names.of(method, e.getKey());
                    // an operation without a name yet stays in the operator document only (PartnerDocumentIT fails)
                    boolean forOperators = name.map(OperationNames.Name::operator).orElse(true);
                    if (forOperators != operator) {
                        item.remove(method);
                    } else {
                        name.ifPresent(n -> {
                            op.put("operationId", n.operationId());
                            examples().apply(n.operationId(), op);
                        });
                    }
                }
            }
            if (METHODS.stream().noneMatch(item::has)) {
                it.remove();
            }
        }
    }

    /** The response headers the gateway sets, described once ({@code components.headers}). */
    private ObjectNode headerComponents() {
        ObjectNode headers = mapper.createObjectNode();
        headers.set("X-Request-Id", header("string", "The request's id (the caller's own when it sent a valid one): "
                + "quote it to support"));
        headers.set("Retry-After", header("integer", "Seconds to wait before the next request of this kind is "
                + "allowed"));
        headers.set("RateLimit-Limit", header("integer", "Requests per minute this plan allows for this kind of "
                + "request (search, assistant, jobs, auth)"));
        headers.set("RateLimit-Remaining", header("integer", "Requests of this kind left now"));
        headers.set("RateLimit-Reset", header("integer", "Seconds until the whole limit is available again"));
        headers.set("X-Views-Remaining", header("string", "Code page views left this month on the caller's plan: a "
                + "number, or \"unlimited\""));
        return headers;
    }

    private ObjectNode header(String type, String description) {
        ObjectNode h = mapper.createObjectNode().put("description", description);
        h.set("schema", mapper.createObjectNode().put("type", type));
        return h;
    }

    private ObjectNode headerRef(String name) {
        return mapper.createObjectNode().put("$ref", "#/components/headers/" + name);
    }

    /**
     * Every answer the service describes itself says its request id; under a rate limit also the limit's headers; a
     * code page's its view meter.
     */
    private void declareHeaders(ObjectNode responses, boolean rateLimited, boolean codePage) {
        responses.fields().forEachRemaining(r -> {
            if (r.getValue() instanceof ObjectNode response && !response.has("$ref")) {
                ObjectNode headers = response.with("headers");
                headers.set("X-Request-Id", headerRef("X-Request-Id"));
                if (codePage) {
                    headers.set("X-Views-Remaining", headerRef("X-Views-Remaining"));
                }
                if (rateLimited) {
                    RATE_LIMIT_HEADERS.forEach(h -> headers.set(h, headerRef(h)));
                    if (r.getKey().equals("429")) {
                        headers.set("Retry-After", headerRef("Retry-After"));
                    }
                }
            }
        });
    }

    /** The security schemes, each operation's security and the problem+json answers on every operation. */
    private void decorate(ObjectNode doc, ArrayNode unavailable, boolean operator) {
        ObjectNode info = doc.with("info");
        info.put("title", operator ? "CaseCoding operator API" : "CaseCoding API");
        info.put("version", API_VERSION);
        info.set("contact", mapper.createObjectNode().put("name", "CaseCoding API support")
                .put("url", "https://casecoding.com/support").put("email", "api@casecoding.com"));
        ArrayNode servers = mapper.createArrayNode();
        servers.add(mapper.createObjectNode().put("url", "/").put("description",
                "The gateway that served this document"));
        doc.set("servers", servers);
        info.put("description", "The partner API of the CaseCoding medical coding platform: code pages, search, "
                + "claim checks, the CasePilot assistant, CaseConsultant and the CareerCenter job board, all through "
                + "the gateway. Get a token from /api/auth/guest, /api/auth/register or /api/auth/login and send it as "
                + "'Authorization: Bearer <token>'. Every error is RFC 9457 application/problem+json."
                + (operator ? " This document lists the operations for operators (administration and internal "
                + "hooks); it is served on the management interface only." : " Operation names (operationId) are "
                + "stable: a published name never changes."));
        ObjectNode components = doc.with("components");
        ObjectNode schemes = mapper.createObjectNode();
        schemes.set("bearer", mapper.createObjectNode().put("type", "http").put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "RS256 access token issued by the gateway (keys at /.well-known/jwks.json)"));
        schemes.set("inboundSecret", mapper.createObjectNode().put("type", "apiKey").put("in", "header")
                .put("name", INBOUND_SECRET_HEADER)
                .put("description", "The shared secret of the inbound-mail service (CONSULTS_INBOUND_SECRET)"));
        components.set("securitySchemes", schemes);
        ArrayNode security = mapper.createArrayNode();
        security.add(mapper.createObjectNode().set("bearer", mapper.createArrayNode()));
        doc.set("security", security);

        ObjectNode responses = components.with("responses");
        ERRORS.forEach((status, description) -> {
            ObjectNode example = mapper.createObjectNode()
                    .put("type", "https://casecoding.com/problems/" + exampleSlug(status))
                    .put("title", description.split(":")[0])
                    .put("status", Integer.parseInt(status))
                    .put("detail", description)
                    .put("instance", "/api/...")
                    .put("requestId", "3b0d6c1e-4d2b-4a39-9a4e-1e1d1f0a6b2c");
            ObjectNode media = mapper.createObjectNode();
            media.set("schema", mapper.createObjectNode().put("$ref", "#/components/schemas/Problem"));
            media.set("example", example);
            ObjectNode response = mapper.createObjectNode().put("description", description);
            response.set("content", mapper.createObjectNode().set("application/problem+json", media));
            ObjectNode headers = response.with("headers");
            headers.set("X-Request-Id", headerRef("X-Request-Id"));
            if (status.equals("429")) {
                headers.set("Retry-After", headerRef("Retry-After"));
                RATE_LIMIT_HEADERS.forEach(h -> headers.set(h, headerRef(h)));
            }
            responses.set("Problem" + status, response);
        });
        components.set("headers", headerComponents());
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.with("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> pathItem = it.next();
            JsonNode item = pathItem.getValue();
            boolean rateLimited = rateLimiter.limits(pathItem.getKey());
            for (String method : METHODS) {
                JsonNode op = item.get(method);
                if (op instanceof ObjectNode operation) {
                    ObjectNode opResponses = operation.with("responses");
                    declareHeaders(opResponses, rateLimited, CODE_PAGES.contains(pathItem.getKey()));
                    operation.set("security", securityOf(operation.path("x-security").asText("bearer")));
                    operation.remove("x-security");
                    for (String status : ERRORS.keySet()) {
                        if (!opResponses.has(status)) {
                            opResponses.set(status, mapper.createObjectNode()
                                    .put("$ref", "#/components/responses/Problem" + status));
                        }
                    }
                }
            }
        }
        doc.with("paths").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("/api/auth/") || e.getKey().startsWith("/.well-known/")) {
                for (String method : METHODS) {
                    if (e.getValue().get(method) instanceof ObjectNode op) {
                        op.set("security", mapper.createArrayNode());
                    }
                }
            }
        });
        if (!unavailable.isEmpty()) {
            doc.set("x-unavailable-services", unavailable);
        }
        dropUnusedSchemas(doc);
    }

    /**
     * Removes the component schemas no operation of this document uses, directly or through another schema (the
     * services' documents also hold the schemas of the other document's operations).
     */
    private static void dropUnusedSchemas(ObjectNode doc) {
        ObjectNode schemas = doc.with("components").with("schemas");
        Set<String> used = new HashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(doc.path("paths"));
        todo.push(doc.path("components").path("responses"));
        todo.push(doc.path("components").path("headers"));
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (used.add(name) && schemas.has(name)) {
                    todo.push(schemas.get(name));
                }
            }
            node.elements().forEachRemaining(todo::push);
        }
        schemas.retain(used);
    }

    /** {@code public}: no security; {@code inbound-secret}: the shared secret; else the bearer token. */
    private ArrayNode securityOf(String kind) {
        ArrayNode security = mapper.createArrayNode();
        switch (kind) {
            case "public" -> {
            }
            case "inbound-secret" -> security.add(mapper.createObjectNode().set("inboundSecret",
                    mapper.createArrayNode()));
            default -> security.add(mapper.createObjectNode().set("bearer", mapper.createArrayNode()));
        }
        return security;
    }

    private static String exampleSlug(String status) {
        return switch (status) {
            case "400" -> "validation";
            case "401" -> "unauthorized";
            case "403" -> "forbidden";
            case "404" -> "not-found";
            case "429" -> "rate-limited";
            case "503" -> "service-unavailable";
            default -> "internal";
        };
    }
}
