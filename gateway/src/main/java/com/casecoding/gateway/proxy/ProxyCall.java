package com.casecoding.gateway.proxy;

import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.common.web.RequestIds;
import com.casecoding.gateway.auth.Caller;
import com.casecoding.gateway.web.ClientAddress;
import com.casecoding.gateway.web.IpAddress;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;

import java.util.Map;

/**
 * What the proxy's filters share about one proxied request: the caller the authentication filter found, the answers a
 * filter gives instead of the upstream (problem+json), the client's address and the route name in the HTTP metrics.
 */
final class ProxyCall {

    /** The routing context local Quarkus' Micrometer binder takes the {@code uri} tag from (as Quarkus REST sets it). */
    private static final String METRICS_URI_KEY = "UrlPathTemplate";
    private static final String CALLER = "casecoding.caller";
    private static final String CLIENT = "casecoding.client";

    private ProxyCall() {
    }

    /** The verified caller of this request ({@link Caller#ANONYMOUS} without a token). */
    static Caller caller(ProxyContext context) {
        Caller caller = context.get(CALLER, Caller.class);
        return caller == null ? Caller.ANONYMOUS : caller;
    }

    static void caller(ProxyContext context, Caller caller) {
        context.set(CALLER, caller);
    }

    static HttpServerRequest request(ProxyContext context) {
        return context.request().proxiedRequest();
    }

    /**
     * The answer a filter gives instead of the upstream: problem+json with the request's path and id. The client's body,
     * if any, is read and dropped ({@code release}), so the connection stays usable. Filters further out still see it
     * in their response step.
     */
    static Future<ProxyResponse> refuse(ProxyContext context, ObjectMapper json, ProblemType type, int status,
                                        String detail, Map<String, Object> extensions) {
        HttpServerRequest request = request(context);
        Problem problem = Problem.of(type, status, detail, request.path(), RequestIds.of(request), extensions);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        ProxyResponse response = context.request().release().response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(Buffer.buffer(body)));
        return Future.succeededFuture(response);
    }

    /**
     * The uri tag of {@code http_server_requests} for the request being handled (read by Quarkus' Micrometer binder from
     * the request's context): a route template, so that code pages and ids do not each start a new time series.
     */
    static void metricsUri(String template) {
        Context current = Vertx.currentContext();
        if (current != null) {
            current.putLocal(METRICS_URI_KEY, template);
        }
    }

    /**
     * The client of this request, behind the trusted proxies if any ({@link ClientAddress}); resolved once, by the
     * first filter, for the rate limits, the guest binding and {@code X-Forwarded-For}.
     */
    static IpAddress client(ProxyContext context) {
        return context.get(CLIENT, IpAddress.class);
    }

    static void client(ProxyContext context, IpAddress client) {
        context.set(CLIENT, client);
    }
}
