package com.casecoding.gateway.proxy;

import com.casecoding.common.security.Claims;
import com.casecoding.common.web.RequestIds;
import com.casecoding.gateway.web.ClientAddress;
import com.casecoding.gateway.web.IpAddress;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

import java.util.List;

/**
 * Filter 1 of the proxy: the headers between client and upstream. A client may not set the headers only the gateway
 * speaks to the services (the view grant, {@code X-Forwarded-*}, {@code Forwarded}): they are dropped, then the
 * gateway's own are set (the client's address as {@link ClientAddress} reads it behind trusted proxies, scheme and
 * host as the gateway saw them) and the request id the common filter
 * chose is forwarded. In the response, hop-by-hop headers are not relayed, and the upstream's request id does not
 * replace the gateway's. (HttpProxy itself drops the request's hop-by-hop headers and its Host.)
 */
final class ForwardedHeadersFilter implements ProxyInterceptor {

    /**
     * Headers a client may never set itself: the gateway alone speaks them to the services. (Removed by name: a lookup
     * each, where walking the headers would turn every name into a String.)
     */
    private static final List<CharSequence> GATEWAY_ONLY = names(Claims.VIEW_GRANT_HEADER, "x-forwarded-for",
            "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-prefix", "x-real-ip", "forwarded");
    /** Upstream headers not relayed to the client (RFC 9110 7.6.1; the gateway sets its own request id). */
    private static final List<CharSequence> NOT_RELAYED = names("connection", "keep-alive", "proxy-authenticate",
            "proxy-connection", "te", "trailer", "upgrade", RequestIds.HEADER);
    private static final CharSequence FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");

    private static List<CharSequence> names(String... names) {
        return java.util.Arrays.stream(names).map(HttpHeaders::createOptimized).toList();
    }

    private final ClientAddress clients;

    ForwardedHeadersFilter(ClientAddress clients) {
        this.clients = clients;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HttpServerRequest request = ProxyCall.request(context);
        // read before the client's forwarded headers are dropped: behind a trusted proxy they name the client
        IpAddress client = clients.of(request);
        ProxyCall.client(context, client);
        MultiMap headers = context.request().headers();
        GATEWAY_ONLY.forEach(headers::remove);
        headers.set(FORWARDED_FOR, client.text());
        headers.set(FORWARDED_PROTO, request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set(FORWARDED_HOST, request.authority().toString());
        }
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        NOT_RELAYED.forEach(context.response().headers()::remove);
        return context.sendResponse();
    }
}
