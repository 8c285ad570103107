package com.casecoding.gateway.proxy;

import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.codes.CodePagePath;
import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.common.security.Claims;
import com.casecoding.common.web.BodySizeLimit;
import com.casecoding.common.web.LingeringClose;
import com.casecoding.common.web.ProblemResponses;
import com.casecoding.common.web.RequestIds;
import com.casecoding.gateway.auth.Caller;
import com.casecoding.gateway.auth.TokenAdmission;
import com.casecoding.gateway.auth.TokenService;
import com.casecoding.gateway.config.GatewayConfig;
import com.casecoding.gateway.quota.ViewQuotaService;
import com.casecoding.gateway.web.ClientAddress;
import com.casecoding.gateway.web.IpAddress;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
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
    /**
     * Where proxied requests leave the route chain: after the common filters (shutdown gate, request ids, body size)
     * and CORS, so those apply to them, and before Quarkus' authentication and authorization handlers, which serve the
     * gateway's own endpoints (a proxied request's token is checked in {@link #handle}).
     */
    static final int PROXY_ROUTE_ORDER = -(SecurityHandlerPriorities.AUTHENTICATION + 1);
    /** Idle kept-alive connections each event loop keeps per upstream. */
    private static final int IDLE_PER_LOOP = 128;
    /** Headers for requests upstream: already checked where the client's request was parsed. */
    private static final HttpHeadersFactory UPSTREAM_HEADERS = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(false);
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
    @Inject
    ClientAddress clients;
    @Inject
    TokenAdmission admission;

    private Vertx vertx;
    private UpstreamClient client;
    /** The routed prefixes, longest first. */
    private List<Prefix> prefixes;

    void register(@Observes Router router, Vertx vertx) {
        this.vertx = vertx;
        VertxInternal internal = (VertxInternal) vertx;
        this.client = new UpstreamClient(internal.transport().channelFactory(false),
                internal.nettyAddressResolverGroup(), (int) config.upstreamConnectTimeout().toMillis(),
                config.upstreamTimeout().toMillis(), IDLE_PER_LOOP);
        // the longest prefix is tried first, so a more specific route (/api/consults/inbound) wins over a shorter one
        // (/api/consults)
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
        this.prefixes = table.stream().map(e -> new Prefix(e.getKey(), e.getKey() + "/*", e.getValue())).toList();
        router.route().order(PROXY_ROUTE_ORDER).handler(this::dispatch);
    }

    /** A routed URL prefix; {@code below} is its name in the metrics for paths under it. */
    private record Prefix(String prefix, String below, Upstream upstream) {
    }

    /**
     * Proxies a request whose path is a routed prefix or lies below one (the longest prefix wins); any other request
     * goes on to the gateway's own endpoints.
     */
    private void dispatch(RoutingContext rc) {
        String path = rc.request().path();
        for (Prefix candidate : prefixes) {
            String prefix = candidate.prefix();
            if (path.startsWith(prefix)) {
                if (path.length() == prefix.length()) {
                    handle(rc, candidate.upstream(), prefix);
                    return;
                }
                if (path.charAt(prefix.length()) == '/') {
                    handle(rc, candidate.upstream(), candidate.below());
                    return;
                }
            }
        }
        rc.next();
    }

    /**
     * A service behind the gateway; its host name is resolved each time a connection is opened. {@code hostHeader} is
     * the Host header requests to it carry.
     */
    record Upstream(String name, InetSocketAddress address, String hostHeader, boolean authRequired) {
        Upstream(String name, String host, int port, boolean authRequired) {
            this(name, InetSocketAddress.createUnresolved(host, port), host + ":" + port, authRequired);
        }
    }

    /** {@code metricsUri} names the route in the HTTP metrics (the prefix, or prefix/*), never the raw path. */
    private void handle(RoutingContext rc, Upstream upstream, String metricsUri) {
        HttpServerRequest request = rc.request();
        request.pause();
        metricsUri(request, metricsUri);

        Caller caller = Caller.ANONYMOUS;
        Optional<String> bearer = TokenService.bearer(request.getHeader(HttpHeaderNames.AUTHORIZATION));
        if (bearer.isPresent()) {
            Optional<Caller> verified = tokens.caller(bearer.get());
            if (verified.isEmpty()) {
                unauthorized(rc, "The access token is invalid or expired: refresh it (POST /api/auth/refresh) or sign in again.");
                return;
            }
            caller = verified.get();
            String refusal = admission.refusal(caller, () -> clientAddress(request));
            if (refusal != null) {
                unauthorized(rc, refusal);
                return;
            }
            if (admission.needsStoredCheck(caller)) {
                Caller privileged = caller;
                vertx.executeBlocking(() -> Optional.ofNullable(admission.storedRefusal(privileged)), false)
                        .onSuccess(stored -> {
                            if (stored.isPresent()) {
                                unauthorized(rc, stored.get());
                            } else {
                                admitted(rc, upstream, privileged);
                            }
                        })
                        .onFailure(e -> {
                            LOG.errorf(e, "Account store unavailable to check a privileged token");
                            problem(rc, ProblemType.UPSTREAM_UNAVAILABLE, 503,
                                    "Your token cannot be checked right now. Please retry in a moment.");
                        });
                return;
            }
        } else if (upstream.authRequired()) {
            unauthorized(rc, "A bearer token is required. Frontends get one for a guest from POST /api/auth/guest.");
            return;
        }
        admitted(rc, upstream, caller);
    }

    /** The caller's token (if any) passed: rate limit, view quota, then upstream. */
    private void admitted(RoutingContext rc, Upstream upstream, Caller caller) {
        HttpServerRequest request = rc.request();
        String path = request.path();
        RateLimiter.Result rate = rateLimiter.acquire(path, caller, () -> clientAddress(request).bucket());
        if (!rate.allowed()) {
            rc.response().putHeader("Retry-After", Long.toString(rate.retryAfterSeconds()));
            problem(rc, ProblemType.RATE_LIMITED, 429, RateLimiter.refusal(rate, caller));
            return;
        }

        CodePagePath.Match match = CodePagePath.match(request.method().name(), path);
        if (match.isInvalid()) {
            problem(rc, match.status() == 404 ? ProblemType.NOT_FOUND : ProblemType.VALIDATION, match.status(),
                    match.invalid());
            return;
        }
        if (!match.isPage()) {
            forward(rc, upstream, null, null);
            return;
        }
        CodeKey page = match.key();
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

    private void decided(RoutingContext rc, Upstream upstream, CodeKey page, UUID account, Caller viewer,
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

    private Future<Void> release(UUID account, ViewQuotaService.Decision decision, CodeKey page) {
        return vertx.<Void>executeBlocking(() -> {
            quota.release(account, decision.period(), page.key(), decision.reservation());
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
            send(rc, upstream, viewGrant, onNotServed, null, false);
            request.resume();
            return;
        }
        long declared = BodySizeLimit.declaredLength(request);
        if (declared < 0 || declared > BUFFERED_BODY_BYTES) {
            send(rc, upstream, viewGrant, onNotServed, null, false);
            return;
        }
        request.body()
                .onSuccess(body -> send(rc, upstream, viewGrant, onNotServed, body, false))
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
     * not read, with the client's body streamed. {@code again}: this is the second attempt, on a new connection, of an
     * idempotent request; a first attempt of one may be sent once more (see {@link #forward}).
     */
    private void send(RoutingContext rc, Upstream upstream, String viewGrant, Supplier<Future<Void>> onNotServed,
                      Buffer body, boolean again) {
        HttpServerRequest request = rc.request();
        boolean streamed = body == null && hasBody(request);
        ContextInternal context = (ContextInternal) ((HttpServerRequestInternal) request).context();
        client.connect(context.nettyEventLoop(), upstream.address(), !again,
                (connection, error) -> onContext(context, () -> {
                    if (connection == null) {
                        upstreamFailed(rc, upstream, error, onNotServed);
                        return;
                    }
                    Runnable retry = !again && !streamed && IDEMPOTENT.contains(request.method())
                            ? () -> send(rc, upstream, viewGrant, onNotServed, body, true) : null;
                    connection.start(new Relay(rc, upstream, connection, context, onNotServed, retry));
                    HttpRequest head = upstreamRequest(rc, upstream, viewGrant, body, streamed);
                    Channel channel = connection.channel();
                    if (!streamed) {
                        channel.writeAndFlush(head, channel.voidPromise());
                        connection.requestSent();
                        return;
                    }
                    channel.write(head, channel.voidPromise());
                    streamBody(rc, connection);
                }));
    }

    /**
     * Runs {@code task} as code of the request's Vert.x context: {@link UpstreamClient} calls back from plain Netty,
     * and the server response (its end handlers, the metrics) expects the context it belongs to. Unlike
     * {@link ContextInternal#dispatch(Runnable)}, an exception is not swallowed: it reaches the upstream connection,
     * which fails the request.
     */
    private static void onContext(ContextInternal context, Runnable task) {
        ContextInternal previous = context.beginDispatch();
        try {
            task.run();
        } finally {
            context.endDispatch(previous);
        }
    }

    /** The request upstream: the client's head less hop-by-hop and gateway-only headers, and the body when read. */
    private HttpRequest upstreamRequest(RoutingContext rc, Upstream upstream, String viewGrant,
                                        Buffer body, boolean streamed) {
        HttpServerRequest request = rc.request();
        String uri = upstreamUri(rc);
        HttpHeaders headers = UPSTREAM_HEADERS.newHeaders();
        copyHeaders(request, headers, viewGrant);
        headers.set(HttpHeaderNames.HOST, upstream.hostHeader());
        io.netty.handler.codec.http.HttpMethod method =
                io.netty.handler.codec.http.HttpMethod.valueOf(request.method().name());
        if (streamed) {
            if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
            return new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri, headers);
        }
        ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body.getBytes());
        if (body != null) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        }
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, content, headers,
                UPSTREAM_HEADERS.newEmptyHeaders());
    }

    /**
     * The request target sent upstream: the path the route was chosen by (dot segments resolved, as the gateway matched
     * it), so the service never sees a different path than the one the gateway checked, and the query as sent.
     */
    private static String upstreamUri(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String routed = rc.normalizedPath();
        if (routed.equals(request.path())) {
            return request.uri();
        }
        String query = request.query();
        return query == null ? routed : routed + "?" + query;
    }

    /**
     * Streams the client's body to the upstream as it arrives, pausing the client while the upstream connection's send
     * buffer is full. A client that breaks off its body fails the request (the upstream connection is closed).
     */
    private void streamBody(RoutingContext rc, UpstreamClient.Connection connection) {
        HttpServerRequest request = rc.request();
        Channel channel = connection.channel();
        connection.whenWritable(request::resume);
        request.handler(chunk -> {
            channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(chunk.getBytes())),
                    channel.voidPromise());
            if (!channel.isWritable()) {
                request.pause();
            }
        });
        request.endHandler(v -> {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, channel.voidPromise());
            connection.requestSent();
        });
        request.exceptionHandler(e -> {
            LOG.debugf("Request body not received: %s", e.getMessage());
            if (connection.busy()) {
                connection.abort();
            }
        });
        request.resume();
    }

    /** The client's headers less hop-by-hop and gateway-only ones, plus X-Forwarded-* and the view grant. */
    private void copyHeaders(HttpServerRequest request, HttpHeaders headers, String viewGrant) {
        for (Map.Entry<String, String> h : request.headers()) {
            String name = h.getKey();
            if (!NOT_FORWARDED.contains(name)) {
                headers.add(name, wireValue(h.getValue()));
            }
        }
        headers.set("X-Forwarded-For", clientAddress(request).text());
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
        if (viewGrant != null) {
            headers.set(Claims.VIEW_GRANT_HEADER, viewGrant);
        }
    }

    /**
     * A header value as it is written upstream. A long one (a bearer token is about 900 characters) is handed to the
     * encoder as bytes, which it copies in one go instead of character by character; the bytes are those the client
     * sent (the server decoded them as ISO-8859-1).
     */
    private static CharSequence wireValue(String value) {
        return value.length() < 64 ? value : new AsciiString(value.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    /**
     * Relays one upstream response to the client. A response with a declared length of at most
     * {@link #BUFFERED_BODY_BYTES} is collected and sent in one write; others are streamed, reading the upstream no
     * faster than the client takes the bytes. When a counted view is to be given back ({@code onNotServed}, for any
     * status but 200), the answer waits until that is done.
     */
    private final class Relay implements UpstreamClient.Exchange {
        private final RoutingContext rc;
        private final Upstream upstream;
        private final UpstreamClient.Connection connection;
        private final ContextInternal context;
        private Supplier<Future<Void>> onNotServed;
        private final Runnable retry;
        /** The response head, until it is passed on. */
        private HttpResponse head;
        /** The body collected so far; null when the body is streamed. */
        private Buffer collected;
        /** Body pieces that arrived while a view was being given back. */
        private ArrayDeque<ByteBuf> held;
        private boolean heldEnds;
        /** The client already had an answer (or went away): the upstream response is read and dropped. */
        private boolean dropped;

        Relay(RoutingContext rc, Upstream upstream, UpstreamClient.Connection connection, ContextInternal context,
              Supplier<Future<Void>> onNotServed, Runnable retry) {
            this.rc = rc;
            this.upstream = upstream;
            this.connection = connection;
            this.context = context;
            this.onNotServed = onNotServed;
            this.retry = retry;
        }

        @Override
        public void head(HttpResponse response) {
            onContext(context, () -> {
                head = response;
                if (onNotServed != null && response.status().code() != 200) {
                    Supplier<Future<Void>> giveBack = onNotServed;
                    onNotServed = null;
                    held = new ArrayDeque<>();
                    connection.channel().config().setAutoRead(false);
                    giveBack.get().onComplete(done -> release());
                    return;
                }
                begin();
            });
        }

        @Override
        public void content(ByteBuf content, boolean last) {
            onContext(context, () -> {
                if (held != null) {
                    held.add(content.retain());
                    heldEnds = last;
                    return;
                }
                deliver(content, last);
            });
        }

        @Override
        public void failed(Throwable error, boolean answered) {
            onContext(context, () -> {
                if (held != null) {
                    held.forEach(ByteBuf::release);
                    held = null;
                }
                if (!answered && retry != null && connection.reused()
                        && error instanceof UpstreamClient.ConnectionClosedException && !rc.response().headWritten()) {
                    LOG.debugf("Upstream %s closed the connection before answering %s %s: sent again",
                            upstream.name(), rc.request().method(), rc.request().path());
                    retry.run();
                    return;
                }
                upstreamFailed(rc, upstream, error, onNotServed);
            });
        }

        /** The view is given back: the held answer goes on. */
        private void release() {
            ArrayDeque<ByteBuf> pieces = held;
            held = null;
            if (pieces == null) {
                return;
            }
            begin();
            ByteBuf piece;
            while ((piece = pieces.poll()) != null) {
                try {
                    deliver(piece, pieces.isEmpty() && heldEnds);
                } finally {
                    piece.release();
                }
            }
            if (connection.busy()) {
                connection.channel().config().setAutoRead(true);
            }
        }

        /** The head is known: decide between collecting and streaming the body. */
        private void begin() {
            HttpServerResponse response = rc.response();
            if (response.headWritten()) {
                dropped = true;
                return;
            }
            int status = head.status().code();
            long length = status == 204 || status == 304 ? 0 : HttpUtil.getContentLength(head, -1L);
            if (length >= 0 && length <= BUFFERED_BODY_BYTES) {
                collected = Buffer.buffer((int) length);
                return;
            }
            writeHead(response);
            if (length < 0) {
                response.setChunked(true);
            }
            rc.addEndHandler(done -> {
                if (done.failed() && connection.busy()) {
                    // the client went away in the middle of the answer
                    connection.abort();
                }
            });
        }

        private void deliver(ByteBuf content, boolean last) {
            if (dropped) {
                return;
            }
            HttpServerResponse response = rc.response();
            if (collected != null) {
                if (content.isReadable()) {
                    collected.appendBuffer(Buffer.buffer(content));
                }
                if (last) {
                    if (response.headWritten()) {
                        return;
                    }
                    writeHead(response);
                    response.end(collected);
                }
                return;
            }
            if (content.isReadable()) {
                // a copy: the upstream's buffer is released once this returns, before the client has its bytes
                response.write(Buffer.buffer(Unpooled.copiedBuffer(content)));
                if (response.writeQueueFull()) {
                    Channel channel = connection.channel();
                    channel.config().setAutoRead(false);
                    response.drainHandler(v -> channel.config().setAutoRead(true));
                }
            }
            if (last) {
                response.end();
            }
        }

        private void writeHead(HttpServerResponse response) {
            response.setStatusCode(head.status().code());
            closeIfBodyUnread(rc);
            MultiMap headers = response.headers();
            for (Map.Entry<String, String> h : head.headers()) {
                // the response keeps the request id the gateway already set on it
                if (!NOT_RELAYED.contains(h.getKey())) {
                    headers.add(h.getKey(), h.getValue());
                }
            }
        }
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
        return request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)
                ? !"0".equals(request.getHeader(HttpHeaderNames.CONTENT_LENGTH))
                : request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING);
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

    /** The client, behind the trusted proxies if any ({@link ClientAddress}). */
    private IpAddress clientAddress(HttpServerRequest request) {
        return clients.of(request);
    }
}
