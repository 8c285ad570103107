package com.casecoding.gateway.openapi;

import com.casecoding.gateway.config.GatewayConfig;
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
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /q/openapi}: ONE OpenAPI document for partners, merged from the gateway's own document and the public paths
 * of every service in the routing table, with one bearer-token security scheme and the problem+json error answers on
 * every operation. Cached for a minute; a service that cannot be reached is listed in {@code x-unavailable-services}.
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

    @Inject
    GatewayConfig config;
    @Inject
    ObjectMapper mapper;

    private WebClient client;
    private volatile String cached;
    private volatile long cachedAt;

    void register(@Observes Router router, Vertx vertx) {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2000).setIdleTimeout(5));
        router.route(HttpMethod.GET, "/q/openapi").handler(this::serve);
    }

    private void serve(RoutingContext rc) {
        String format = rc.request().getParam("format");
        if (format != null && !format.equalsIgnoreCase("json")) {
            rc.response().setStatusCode(406).putHeader("Content-Type", "application/problem+json")
                    .end("{\"type\":\"https://casecoding.com/problems/not-acceptable\",\"title\":\"Not acceptable\","
                            + "\"status\":406,\"detail\":\"The partner document is served as JSON: use ?format=json or no format.\"}");
            return;
        }
        if (cached != null && System.currentTimeMillis() - cachedAt < CACHE_MILLIS) {
            rc.response().putHeader("Content-Type", "application/json").end(cached);
            return;
        }
        int ownPort = rc.request().localAddress().port();
        Future<JsonNode> own = fetch("localhost", ownPort, "/q/gateway-openapi?format=json");
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
                mergeService(merged, doc, route.getValue().prefixes());
            }
            decorate(merged, unavailable);
            try {
                String body = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(merged);
                if (unavailable.isEmpty()) {
                    cached = body;
                    cachedAt = System.currentTimeMillis();
                }
                rc.response().putHeader("Content-Type", "application/json").end(body);
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

    /** Copies the service's paths under its routed prefixes, its schemas and its tags into the merged document. */
    private void mergeService(ObjectNode merged, JsonNode service, List<String> prefixes) {
        ObjectNode paths = merged.with("paths");
        service.path("paths").fields().forEachRemaining(entry -> {
            if (prefixes.stream().anyMatch(p -> entry.getKey().equals(p) || entry.getKey().startsWith(p + "/"))) {
                paths.set(entry.getKey(), entry.getValue());
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

    /** One bearer scheme for everything and the problem+json answers on every operation. */
    private void decorate(ObjectNode doc, ArrayNode unavailable) {
        ObjectNode info = doc.with("info");
        info.put("title", "CaseCoding API");
        info.put("description", "The partner API of the CaseCoding medical coding platform: code pages, search, "
                + "claim checks, the CasePilot assistant, CaseConsultant and the CareerCenter job board, all through "
                + "the gateway. Get a token from /api/auth/guest, /api/auth/register or /api/auth/login and send it as "
                + "'Authorization: Bearer <token>'. Every error is RFC 9457 application/problem+json.");
        ObjectNode components = doc.with("components");
        ObjectNode schemes = mapper.createObjectNode();
        schemes.set("bearer", mapper.createObjectNode().put("type", "http").put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "RS256 access token issued by the gateway (keys at /.well-known/jwks.json)"));
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
            responses.set("Problem" + status, response);
        });
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.with("paths").fields(); it.hasNext(); ) {
            JsonNode item = it.next().getValue();
            for (String method : METHODS) {
                JsonNode op = item.get(method);
                if (op instanceof ObjectNode operation) {
                    ObjectNode opResponses = operation.with("responses");
                    operation.remove("security");
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
