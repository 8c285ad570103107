package com.casecoding.gateway.proxy;

import com.casecoding.common.problem.ProblemType;
import com.casecoding.common.web.BodySizeLimit;
import com.casecoding.common.web.LingeringClose;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.StreamResetException;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The last filter of the proxy, next to the upstream: how the request is sent and what a failure becomes.
 * <ul>
 * <li>A body of at most {@link #BUFFERED_BODY_BYTES} (declared length) is read first and sent with the request head in
 * one piece; larger and chunked bodies are streamed with back-pressure (HttpProxy's pipe).</li>
 * <li>An idempotent request (GET, HEAD, PUT, DELETE, OPTIONS) with no body or a read one is sent once more when the
 * upstream closed the connection before any byte of an answer (a kept-alive connection it closed in the same instant,
 * RFC 9112 9.3.1); a POST or PATCH never is.</li>
 * <li>No answer (connection refused, {@code gateway.upstream-connect-timeout}, {@code gateway.upstream-timeout} without
 * a byte, the route's connection pool and its wait queue full) is a 503 problem+json; when the answer had begun, the
 * client's connection is reset.</li>
 * <li>An answer that goes out before the client sent its whole body closes the client's connection after it
 * ({@link LingeringClose}).</li>
 * <li>Each upstream exchange is timed in {@code gateway_upstream_requests_seconds} by route, status (or {@code none})
 * and outcome ({@code answered}, {@code failed}, {@code timeout}, {@code busy}, {@code cancelled}: the client went
 * away first).</li>
 * </ul>
 */
final class UpstreamFilter implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamFilter.class);
    /** Bodies up to this declared size are read before they are sent upstream. */
    static final long BUFFERED_BODY_BYTES = 64 * 1024;
    /** Methods that may be sent again (RFC 9110, 9.2.2). */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.OPTIONS);

    private final String route;
    /** Opens a request to the route's upstream (HttpProxy's origin), for the second try. */
    private final Function<ProxyContext, Future<HttpClientRequest>> upstream;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    /** Timers of answered exchanges by status (the common case, looked up without building a key), and of failures. */
    private final ConcurrentMap<Integer, Timer> answered = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> unanswered = new ConcurrentHashMap<>();

    UpstreamFilter(String route, Function<ProxyContext, Future<HttpClientRequest>> upstream, Vertx vertx,
                   ObjectMapper json, MeterRegistry registry) {
        this.route = route;
        this.upstream = upstream;
        this.vertx = vertx;
        this.json = json;
        this.registry = registry;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HttpServerRequest request = ProxyCall.request(context);
        long start = System.nanoTime();
        if (!hasBody(request)) {
            context.request().setBody(null);
            return attempt(context, IDEMPOTENT.contains(request.method()), start);
        }
        long declared = BodySizeLimit.declaredLength(request);
        if (declared < 0 || declared > BUFFERED_BODY_BYTES) {
            return attempt(context, false, start);
        }
        Future<io.vertx.core.buffer.Buffer> body = request.body();
        // the route paused the request while the filters decided
        request.resume();
        return body.transform(read -> {
            if (read.failed()) {
                // the client went away before its body was complete: nobody to answer
                LOG.debugf("Request body not received: %s", read.cause().getMessage());
                return Future.failedFuture(read.cause());
            }
            context.request().setBody(Body.body(read.result()));
            return attempt(context, IDEMPOTENT.contains(request.method()), start);
        });
    }

    private Future<ProxyResponse> attempt(ProxyContext context, boolean mayRepeat, long start) {
        return context.sendRequest().transform(sent -> outcome(context, sent, mayRepeat, start));
    }

    /**
     * The second try, as a new {@link ProxyRequest} with what the filters made of the first (method, URI, headers,
     * authority, the read body). Not the first one sent again: HttpProxy's request keeps the upstream request it sent in
     * a field, and the first try's body write, failing a moment after its answer did, would reset the second try's
     * request through it.
     */
    private Future<ProxyResponse> resend(ProxyContext context, long start) {
        ProxyRequest first = context.request();
        ProxyRequest again = ProxyRequest.reverseProxy(first.proxiedRequest())
                .setMethod(first.getMethod()).setURI(first.getURI()).setBody(first.getBody());
        again.headers().clear().addAll(first.headers());
        if (first.getAuthority() != null) {
            again.setAuthority(first.getAuthority());
        }
        return upstream.apply(context).compose(again::send).transform(sent -> outcome(context, sent, false, start));
    }

    private Future<ProxyResponse> outcome(ProxyContext context, AsyncResult<ProxyResponse> sent, boolean mayRepeat,
                                          long start) {
        if (sent.succeeded()) {
            answered.computeIfAbsent(sent.result().getStatusCode(), status -> timer(Integer.toString(status),
                    "answered")).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return Future.succeededFuture(sent.result());
        }
        Throwable error = sent.cause();
        HttpServerRequest request = ProxyCall.request(context);
        if (mayRepeat && closedBeforeAnswer(error) && !request.response().headWritten()
                && !request.response().closed()) {
            LOG.debugf("Upstream %s closed the connection before answering %s %s: sent again", route,
                    request.method(), request.path());
            return resend(context, start);
        }
        return failed(context, error, start);
    }

    /**
     * The connection was closed (orderly, or reset: over HTTP/1.1 Vert.x reports a connection the upstream closes while
     * the request is still being written as a reset stream) before a byte of an answer. A refused or timed-out connect,
     * a timeout waiting for the answer and a full pool are not: sending again would only wait as long once more.
     */
    static boolean closedBeforeAnswer(Throwable error) {
        return error instanceof HttpClosedException || error instanceof StreamResetException
                || error instanceof ClosedChannelException
                || (error instanceof IOException && !(error instanceof ConnectException)
                        && !(error instanceof NoRouteToHostException));
    }

    private Future<ProxyResponse> failed(ProxyContext context, Throwable error, long start) {
        HttpServerRequest request = ProxyCall.request(context);
        String outcome;
        String detail;
        if (request.response().closed()) {
            // the client went away first (HttpProxy then resets the upstream request): nobody to answer, nothing wrong
            unanswered.computeIfAbsent("cancelled", o -> timer("none", o)).record(System.nanoTime() - start,
                    TimeUnit.NANOSECONDS);
            LOG.debugf("Client gone before %s answered %s %s", route, request.method(), request.path());
            return Future.failedFuture(error);
        }
        if (error instanceof ConnectionPoolTooBusyException) {
            outcome = "busy";
            detail = "The " + route + " service has too many requests in progress right now. Please retry in a moment.";
        } else {
            outcome = error instanceof TimeoutException ? "timeout" : "failed";
            detail = "The " + route + " service is unavailable right now. Please retry in a moment.";
        }
        unanswered.computeIfAbsent(outcome, o -> timer("none", o)).record(System.nanoTime() - start,
                TimeUnit.NANOSECONDS);
        LOG.warnf("Upstream %s failed for %s %s: %s", route, request.method(), request.path(), error.getMessage());
        return ProxyCall.refuse(context, json, ProblemType.UPSTREAM_UNAVAILABLE, 503, detail, null)
                .map(response -> response.putHeader("Retry-After", "1"));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        HttpServerRequest request = ProxyCall.request(context);
        if (!request.isEnded() && hasBody(request)) {
            LingeringClose.install(vertx, request);
        }
        return context.sendResponse();
    }

    private Timer timer(String status, String outcome) {
        return Timer.builder("gateway.upstream.requests")
                .description("Requests the gateway sent upstream, by route, upstream status and outcome")
                .tag("route", route).tag("status", status).tag("outcome", outcome)
                .register(registry);
    }

    static boolean hasBody(HttpServerRequest request) {
        return request.headers().contains(HttpHeaders.CONTENT_LENGTH)
                ? !"0".equals(request.getHeader(HttpHeaders.CONTENT_LENGTH))
                : request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }
}
