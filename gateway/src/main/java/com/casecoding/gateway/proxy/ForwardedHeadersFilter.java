package com.casecoding.gateway.proxy;

import com.casecoding.common.security.Claims;
import com.casecoding.common.web.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * Filter 1 of the proxy: the headers between client and upstream. A client may not set the headers only the gateway
 * speaks to the services (the view grant, {@code X-Forwarded-*}, {@code Forwarded}): they are dropped, then the
 * gateway's own are set (client address, scheme and host as the gateway saw them) and the request id the common filter
 * chose is forwarded. In the response, hop-by-hop headers are not relayed, and the upstream's request id does not
 * replace the gateway's. (HttpProxy itself drops the request's hop-by-hop headers and its Host.)
 */
final class ForwardedHeadersFilter implements ProxyInterceptor {

    /** Headers a client may never set itself: the gateway alone speaks them to the services. */
    private static final HeaderNames GATEWAY_ONLY = new HeaderNames(List.of(Claims.VIEW_GRANT_HEADER.toLowerCase(),
            "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-prefix",
            "x-real-ip", "forwarded"));
    /** Upstream headers not relayed to the client (RFC 9110 7.6.1; the gateway sets its own request id). */
    private static final HeaderNames NOT_RELAYED = new HeaderNames(List.of("connection", "keep-alive",
            "proxy-authenticate", "proxy-connection", "te", "trailer", "upgrade"), List.of(RequestIds.HEADER));

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HttpServerRequest request = ProxyCall.request(context);
        MultiMap headers = context.request().headers();
        removeAll(headers, GATEWAY_ONLY);
        headers.set("X-Forwarded-For", ProxyCall.clientAddress(request));
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        removeAll(context.response().headers(), NOT_RELAYED);
        return context.sendResponse();
    }

    private static void removeAll(MultiMap headers, HeaderNames names) {
        List<String> found = null;
        for (var header : headers) {
            if (names.contains(header.getKey())) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(header.getKey());
            }
        }
        if (found != null) {
            found.forEach(headers::remove);
        }
    }
}
