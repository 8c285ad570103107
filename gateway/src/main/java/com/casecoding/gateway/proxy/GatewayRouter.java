package com.casecoding.gateway.proxy;

import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.common.security.Claims;
import com.casecoding.common.web.BodySizeLimit;
import com.casecoding.common.web.LingeringClose;
import com.casecoding.common.web.ProblemResponses;
import com.casecoding.common.web.RequestIds;
import com.casecoding.gateway.auth.Caller;
import com.casecoding.gateway.auth.TokenService;
import com.casecoding.gateway.config.GatewayConfig;
import com.casecoding.gateway.quota.ViewQuotaService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The reverse proxy. For every prefix of the routing table it applies, in this order: authentication (the bearer token
 * verified against the gateway's keys), the per-plan rate limit, the code page view quota (with a signed view grant for
 * code-service), then forwards the request and streams the answer back. An upstream that cannot be reached gives a
 * 503 problem+json after at most the connect timeout.
 */
@ApplicationScoped
public class GatewayRouter {

    private static final Logger LOG = Logger.getLogger(GatewayRouter.class);
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");
    /** Headers a client may never set itself: the gateway alone speaks them to the services. */
    private static final List<String> GATEWAY_ONLY = List.of(Claims.VIEW_GRANT_HEADER, "x-forwarded-for",
            "x-forwarded-host", "x-forwarded-proto", "forwarded");
    /** Client headers not forwarded upstream. */
    private static final HeaderNames NOT_FORWARDED = new HeaderNames(HOP_BY_HOP, GATEWAY_ONLY);
    /** Upstream headers not relayed to the client (the gateway sets its own request id). */
    private static final HeaderNames NOT_RELAYED = new HeaderNames(HOP_BY_HOP, List.of(RequestIds.HEADER));

    /** The routing context local Quarkus' Micrometer binder takes the uri tag from (as Quarkus REST sets it). */
    private static final String METRICS_URI_KEY = "UrlPathTemplate";
    private static final String CODE_PAGE_URI = "/api/codes/{system}/{code}";
    private static final String EDITS_PAGE_URI = "/api/edits/{system}/{code}";
    /** Bodies up to this declared size are read before they are sent upstream (see {@link #forward}). */
    static final long BUFFERED_BODY_BYTES = 64 * 1024;
    /** Methods that may be sent again (RFC 9110, 9.2.2). */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.OPTIONS);

    @Inject
    GatewayConfig config;
    @Inject
    TokenService tokens;
    @Inject
    ViewQuotaService quota;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    ObjectMapper json;

    private Vertx vertx;
    private HttpClient client;
    private long upstreamIdleTimeoutMillis;

    void register(@Observes Router router, Vertx vertx) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.upstreamConnectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(200)
                .setIdleTimeout(60));
        this.upstreamIdleTimeoutMillis = config.upstreamTimeout().toMillis();
        // the longest prefix is registered first, so a more specific route (/api/consults/inbound) wins over a
        // shorter one (/api/consults)
        List<Map.Entry<String, Upstream>> table = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            GatewayConfig.Route route = entry.getValue();
            URI upstream = URI.create(route.upstream());
            Upstream target = new Upstream(entry.getKey(), upstream.getHost(),
                    upstream.getPort() > 0 ? upstream.getPort() : 80, route.authRequired());
            route.prefixes().forEach(prefix -> table.add(Map.entry(prefix, target)));
            LOG.infof("Route %s -> %s for %s", entry.getKey(), upstream, route.prefixes());
        }
        table.sort(Comparator.comparingInt((Map.Entry<String, Upstream> e) -> e.getKey().length()).reversed());
        for (Map.Entry<String, Upstream> entry : table) {
            String prefix = entry.getKey();
            String below = prefix + "/*";
            router.route(prefix).handler(rc -> handle(rc, entry.getValue(), prefix));
            router.route(below).handler(rc -> handle(rc, entry.getValue(), below));
        }
    }

    record Upstream(String name, String host, int port, boolean authRequired) {
    }

    /** {@code metricsUri} names the route in the HTTP metrics (the prefix, or prefix/*), never the raw path. */
    private void handle(RoutingContext rc, Upstream upstream, String metricsUri) {
        HttpServerRequest request = rc.request();
        request.pause();
        String path = request.path();
        metricsUri(request, metricsUri);

        Caller caller = Caller.ANONYMOUS;
        Optional<String> bearer = TokenService.bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (bearer.isPresent()) {
            Optional<Caller> verified = tokens.caller(bearer.get());
            if (verified.isEmpty()) {
                unauthorized(rc, "The access token is invalid or expired: refresh it (POST /api/auth/refresh) or sign in again.");
                return;
            }
            caller = verified.get();
        } else if (upstream.authRequired()) {
            unauthorized(rc, "A bearer token is required. Frontends get one for a guest from POST /api/auth/guest.");
            return;
        }

        RateLimiter.Result rate = rateLimiter.acquire(path, caller, () -> clientAddress(request));
        if (!rate.allowed()) {
            rc.response().putHeader("Retry-After", Long.toString(rate.retryAfterSeconds()));
            problem(rc, ProblemType.RATE_LIMITED, 429, "Your plan allows " + rate.perMinute() + " " + rate.group()
                    + " requests per minute. Try again in " + rate.retryAfterSeconds() + " seconds"
                    + ("pro".equals(caller.plan()) ? "." : ", or upgrade your plan for a higher limit."));
            return;
        }

        CodePageRequest page;
        try {
            page = CodePageRequest.match(request.method().name(), path);
        } catch (IllegalArgumentException e) {
            problem(rc, ProblemType.VALIDATION, 400, e.getMessage());
            return;
        }
        if (page == null) {
            forward(rc, upstream, null, null);
            return;
        }
        metricsUri(request, path.startsWith("/api/edits/") ? EDITS_PAGE_URI : CODE_PAGE_URI);
        Caller viewer = caller;
        UUID account;
        try {
            account = UUID.fromString(viewer.subject());
        } catch (RuntimeException e) {
            unauthorized(rc, "This token does not name an account.");
            return;
        }
        if (viewer.viewQuota() < 0) {
            // unlimited plans: nothing to count, so no trip to the database (nor to a worker thread)
            decided(rc, upstream, page, account, viewer, quota.unlimited());
            return;
        }
        vertx.executeBlocking(() -> quota.reserve(account, page.key(), viewer.viewQuota()), false)
                .onSuccess(decision -> decided(rc, upstream, page, account, viewer, decision))
                .onFailure(e -> {
                    LOG.errorf(e, "View quota store unavailable");
                    problem(rc, ProblemType.UPSTREAM_UNAVAILABLE, 503,
                            "Code page views cannot be counted right now. Please retry in a moment.");
                });
    }

    private void decided(RoutingContext rc, Upstream upstream, CodePageRequest page, UUID account, Caller viewer,
                         ViewQuotaService.Decision decision) {
        if (!decision.allowed()) {
            rc.response().putHeader("X-Views-Remaining", "0");
            problem(rc, ProblemType.QUOTA_EXCEEDED, 403, QuotaMessages.refused(viewer.plan(), config),
                    Map.of("plan", viewer.plan(), "limit", decision.limit(), "used", decision.used(),
                            "period", decision.period()));
            return;
        }
        rc.response().putHeader("X-Views-Remaining",
                decision.remaining() < 0 ? "unlimited" : Integer.toString(decision.remaining()));
        forward(rc, upstream, tokens.viewGrant(viewer.subject(), page.key()),
                decision.outcome() == ViewQuotaService.Outcome.COUNTED ? () -> {
                    rc.response().headers().set("X-Views-Remaining", Integer.toString(decision.remaining() + 1));
                    return release(account, decision, page);
                } : null);
    }

    private Future<Void> release(UUID account, ViewQuotaService.Decision decision, CodePageRequest page) {
        return vertx.<Void>executeBlocking(() -> {
            quota.release(account, decision.period(), page.key());
            return null;
        }, false).recover(e -> {
            LOG.errorf(e, "Could not give back a view of %s", page.key());
            return Future.succeededFuture();
        });
    }

    /**
     * Sends the request upstream. {@code onNotServed} runs when the upstream did not answer 200 (or not at all), so a
     * counted view is given back before the client sees the answer.
     * <p>
     * A body of at most {@link #BUFFERED_BODY_BYTES} (declared length) is read first and sent with the request head in
     * one piece, as reverse proxies commonly do; larger and chunked bodies are streamed. An idempotent request whose
     * body is read (or that has none) is sent once more, on a new connection, when the upstream closed the connection
     * before any byte of an answer: a kept-alive connection the upstream closed in the same instant.
     */
    private void forward(RoutingContext rc, Upstream upstream, String viewGrant, Supplier<Future<Void>> onNotServed) {
        HttpServerRequest request = rc.request();
        if (!hasBody(request)) {
            send(rc, upstream, viewGrant, onNotServed, null, true);
            request.resume();
            return;
        }
        long declared = BodySizeLimit.declaredLength(request);
        if (declared < 0 || declared > BUFFERED_BODY_BYTES) {
            send(rc, upstream, viewGrant, onNotServed, null, false);
            return;
        }
        request.body()
                .onSuccess(body -> send(rc, upstream, viewGrant, onNotServed, body, true))
                .onFailure(e -> {
                    // the client went away before its body was complete: nobody to answer
                    LOG.debugf("Request body not received: %s", e.getMessage());
                    if (onNotServed != null) {
                        onNotServed.get();
                    }
                });
        request.resume();
    }

    /**
     * One attempt upstream: with {@code body} (read already), without a body, or, when the request has a body that was
     * not read, with the client's body streamed. {@code mayRetry}: an idempotent request may be sent once more (see
     * {@link #forward}).
     */
    private void send(RoutingContext rc, Upstream upstream, String viewGrant, Supplier<Future<Void>> onNotServed,
                      Buffer body, boolean mayRetry) {
        HttpServerRequest request = rc.request();
        boolean streamed = body == null && hasBody(request);
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setURI(request.uri())
                .setIdleTimeout(upstreamIdleTimeoutMillis);

        client.request(options)
                .onFailure(e -> upstreamFailed(rc, upstream, e, onNotServed))
                .onSuccess(upstreamRequest -> {
                    copyHeaders(request, upstreamRequest.headers(), viewGrant);
                    if (streamed && !request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                        upstreamRequest.setChunked(true);
                    }
                    Future<HttpClientResponse> sent = streamed ? upstreamRequest.send(request)
                            : body != null ? upstreamRequest.send(body) : upstreamRequest.send();
                    sent.onSuccess(response -> relay(rc, response, onNotServed))
                            .onFailure(e -> {
                                if (mayRetry && e instanceof HttpClosedException && IDEMPOTENT.contains(request.method())
                                        && !rc.response().headWritten()) {
                                    LOG.debugf("Upstream %s closed the connection before answering %s %s: sent again",
                                            upstream.name(), request.method(), request.path());
                                    send(rc, upstream, viewGrant, onNotServed, body, false);
                                } else {
                                    upstreamFailed(rc, upstream, e, onNotServed);
                                }
                            });
                });
    }

    /** The client's headers less hop-by-hop and gateway-only ones, plus X-Forwarded-* and the view grant. */
    private static void copyHeaders(HttpServerRequest request, MultiMap headers, String viewGrant) {
        for (Map.Entry<String, String> h : request.headers()) {
            String name = h.getKey();
            if (!NOT_FORWARDED.contains(name)) {
                headers.add(name, h.getValue());
            }
        }
        headers.set("X-Forwarded-For", clientAddress(request));
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
        if (viewGrant != null) {
            headers.set(Claims.VIEW_GRANT_HEADER, viewGrant);
        }
    }

    private void relay(RoutingContext rc, HttpClientResponse upstreamResponse, Supplier<Future<Void>> onNotServed) {
        if (onNotServed != null && upstreamResponse.statusCode() != 200) {
            upstreamResponse.pause();
            onNotServed.get().onComplete(done -> relay(rc, upstreamResponse, null));
            return;
        }
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            // the client already got an answer (or went away); do not leave the upstream response dangling
            upstreamResponse.resume();
            return;
        }
        response.setStatusCode(upstreamResponse.statusCode());
        closeIfBodyUnread(rc);
        MultiMap headers = response.headers();
        for (Map.Entry<String, String> h : upstreamResponse.headers()) {
            // the response keeps the request id the gateway already set on it
            if (!NOT_RELAYED.contains(h.getKey())) {
                headers.add(h.getKey(), h.getValue());
            }
        }
        if (!upstreamResponse.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        upstreamResponse.pipeTo(response).onFailure(e -> LOG.debugf("Response relay ended early: %s", e.getMessage()));
    }

    private void upstreamFailed(RoutingContext rc, Upstream upstream, Throwable e, Supplier<Future<Void>> onNotServed) {
        if (onNotServed != null) {
            onNotServed.get();
        }
        LOG.warnf("Upstream %s failed for %s %s: %s", upstream.name(), rc.request().method(), rc.request().path(),
                e.getMessage());
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        problem(rc, ProblemType.UPSTREAM_UNAVAILABLE, 503,
                "The " + upstream.name() + " service is unavailable right now. Please retry in a moment.");
        rc.request().resume();
    }

    private void unauthorized(RoutingContext rc, String detail) {
        rc.response().putHeader("WWW-Authenticate", "Bearer");
        problem(rc, ProblemType.UNAUTHORIZED, 401, detail);
    }

    private void problem(RoutingContext rc, ProblemType type, int status, String detail) {
        problem(rc, type, status, detail, null);
    }

    private void problem(RoutingContext rc, ProblemType type, int status, String detail, Map<String, Object> extensions) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            if (!response.ended()) {
                response.reset();
            }
            return;
        }
        closeIfBodyUnread(rc);
        ProblemResponses.end(response, Problem.of(type, status, detail, rc.request().path(),
                RequestIds.of(rc.request()), extensions), json);
        rc.request().resume();
    }

    /**
     * When the answer goes out before the client finished sending its body (an early 4xx from upstream, a refusal
     * here), the rest of the body is drained and the connection closed after the answer ({@link LingeringClose}), so
     * the client gets the answer and never reuses a connection that still holds part of an old request.
     */
    private static void closeIfBodyUnread(RoutingContext rc) {
        if (hasBody(rc.request())) {
            LingeringClose.install(rc);
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        return request.headers().contains(HttpHeaders.CONTENT_LENGTH)
                ? !"0".equals(request.getHeader(HttpHeaders.CONTENT_LENGTH))
                : request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /**
     * The uri tag of {@code http_server_requests} for this request (read by Quarkus' Micrometer binder): a route
     * template, so that code pages and ids do not each start a new time series.
     */
    private static void metricsUri(HttpServerRequest request, String template) {
        if (request instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(METRICS_URI_KEY, template);
        }
    }

    static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
