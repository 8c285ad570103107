package com.casecoding.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Response step of the proxy: a {@code Location} or {@code Content-Location} that points at an upstream (a service
 * builds it from the Host header the gateway sent, {@code http://localhost:8081/api/...}) is rewritten to a reference
 * relative to the gateway's own origin ({@code /api/...}), as reverse proxies do (nginx's {@code proxy_redirect}): a
 * client never sees an internal address, and the link works wherever the client reached the gateway (an Ingress, a
 * port forward), without the gateway having to trust a Host header. Relative references and links to any other host are
 * left as they are.
 */
final class LocationRewriteFilter implements ProxyInterceptor {

    private static final List<String> HEADERS = List.of("Location", "Content-Location");

    /** {@code host:port} of every upstream, lower case, port always given. */
    private final Set<String> upstreams;

    LocationRewriteFilter(Set<String> upstreamAuthorities) {
        this.upstreams = Set.copyOf(upstreamAuthorities);
    }

    /** {@code host:port} for {@code uri}, with the scheme's default port when none is given; null when not absolute. */
    static String authority(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        for (String name : HEADERS) {
            String value = headers.get(name);
            if (value != null) {
                String rewritten = rewrite(value);
                if (rewritten != null) {
                    headers.set(name, rewritten);
                }
            }
        }
        return context.sendResponse();
    }

    /** The gateway-relative form of {@code location} when it points at an upstream, else null (left as it is). */
    String rewrite(String location) {
        URI uri;
        try {
            uri = new URI(location.trim());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
        String authority = authority(uri);
        if (authority == null || !upstreams.contains(authority)) {
            return null;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.startsWith("//")) {
            // relative, "//host/x" would name another host
            path = "/" + path.replaceFirst("^/+", "");
        }
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }
}
