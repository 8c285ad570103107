package com.casecoding.gateway.proxy;

import com.casecoding.gateway.auth.TokenAdmission;
import com.casecoding.gateway.auth.TokenService;
import com.casecoding.gateway.web.ClientAddress;
import com.casecoding.gateway.config.GatewayConfig;
import com.casecoding.gateway.quota.ViewGrantIssuer;
import com.casecoding.gateway.quota.ViewQuotaService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The reverse proxy: the routing table of {@code gateway.routes} (URL prefix to upstream, longest prefix first), each
 * route a vertx-http-proxy {@link HttpProxy} over its own bounded connection pool, with the gateway's filters as
 * {@link io.vertx.httpproxy.ProxyInterceptor}s in this order (the request passes them top down, the answer bottom up):
 * <ol>
 * <li>{@link ForwardedHeadersFilter}: gateway-only headers dropped, {@code X-Forwarded-*} and the request id set;
 * hop-by-hop response headers dropped;</li>
 * <li>{@link AuthenticationFilter}: the bearer token (401);</li>
 * <li>{@link RateLimitFilter}: the plan's rate limit (429);</li>
 * <li>{@link ViewQuotaFilter}: the code page view quota and view grant (403), the give-back of a view not served;</li>
 * <li>{@link LocationRewriteFilter}: {@code Location} headers to the gateway's origin;</li>
 * <li>{@link UpstreamFilter}: body reading, one retry of idempotent requests, 503 when the upstream cannot answer,
 * upstream metrics.</li>
 * </ol>
 * Before these, for every request, run the common filters of {@code libs/common} (shutdown gate, request id, canonical
 * path, body size) and CORS; proxied requests then leave the route chain here, before Quarkus' authentication and
 * authorization handlers, which serve only the gateway's own endpoints.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    /**
     * Where proxied requests leave the route chain: after the common filters and CORS, before Quarkus' authentication
     * and authorization handlers (a proxied request's token is checked by {@link AuthenticationFilter}).
     */
    static final int PROXY_ROUTE_ORDER = -(SecurityHandlerPriorities.AUTHENTICATION + 1);

    @Inject
    GatewayConfig config;
    @Inject
    TokenService tokens;
    @Inject
    ViewQuotaService quota;
    @Inject
    ViewGrantIssuer grants;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry registry;
    @Inject
    ClientAddress clients;
    @Inject
    TokenAdmission admission;

    /** The routed prefixes, longest first. */
    private List<Prefix> prefixes;

    /** A routed URL prefix; {@code below} is its name in the metrics for paths under it. */
    private record Prefix(String prefix, String below, HttpProxy proxy) {
    }

    void register(@Observes Router router, Vertx vertx) {
        List<UpstreamRoute> routes = new ArrayList<>();
        config.routes().forEach((name, route) -> routes.add(UpstreamRoute.of(name, route, config)));
        Set<String> upstreamAuthorities = new HashSet<>();
        routes.forEach(route -> upstreamAuthorities.add(route.authority()));
        LocationRewriteFilter locations = new LocationRewriteFilter(upstreamAuthorities);
        ForwardedHeadersFilter forwarded = new ForwardedHeadersFilter(clients);
        RateLimitFilter rateLimit = new RateLimitFilter(rateLimiter, json);
        ViewQuotaFilter viewQuota = new ViewQuotaFilter(quota, grants, config, vertx, json);

        List<Prefix> table = new ArrayList<>();
        for (UpstreamRoute route : routes) {
            ConnectionAges ages = new ConnectionAges(route.maxConnectionAge());
            HttpClient client = client(vertx, route, ages);
            RequestOptions origin = new RequestOptions().setHost(route.host()).setPort(route.port())
                    .setSsl(route.tls()).setIdleTimeout(config.upstreamTimeout().toMillis())
                    .setConnectTimeout(config.upstreamConnectTimeout().toMillis());
            // no WebSocket tunnelling: HttpProxy would hand an upgrade request to the upstream before any filter ran
            // (no token check, no quota); as it is, an upgrade request is an ordinary request and Upgrade a hop-by-hop
            // header
            Function<ProxyContext, Future<HttpClientRequest>> upstream =
                    context -> context.client().request(new RequestOptions(origin)).map(ages::retireIfOld);
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                    .origin(upstream::apply)
                    .addInterceptor(forwarded)
                    .addInterceptor(new AuthenticationFilter(tokens, admission, route.authRequired(), vertx, json))
                    .addInterceptor(rateLimit)
                    .addInterceptor(viewQuota)
                    .addInterceptor(locations)
                    .addInterceptor(new UpstreamFilter(route.name(), upstream, vertx, json, registry));
            route.prefixes().forEach(prefix -> table.add(new Prefix(prefix, prefix + "/*", proxy)));
            LOG.infof("Route %s -> %s for %s (at most %d connections, %d waiting, each used for %s)", route.name(),
                    route.origin(), route.prefixes(), route.maxConnections(), route.maxWaiting(), route.maxConnectionAge());
        }
        // the longest prefix is tried first, so a more specific route (/api/consults/inbound) wins over a shorter one
        table.sort(Comparator.comparingInt((Prefix p) -> p.prefix().length()).reversed());
        this.prefixes = List.copyOf(table);
        router.route().order(PROXY_ROUTE_ORDER).handler(this::dispatch);
    }

    /**
     * The route's HTTP/1.1 client: a pool of at most {@code max-connections} kept-alive connections (each on the event
     * loop of the request that opened it) and at most {@code max-waiting} requests waiting for one; TLS with host name
     * verification for an {@code https://} upstream, trusting {@code gateway.upstream-trust-certificates} when set. Every
     * connection it opens is registered with {@code ages}, which retires it once it is older than the route's bound.
     */
    private HttpClient client(Vertx vertx, UpstreamRoute route, ConnectionAges ages) {
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, config.upstreamIdleTimeout().toSeconds()))
                .setConnectTimeout((int) config.upstreamConnectTimeout().toMillis())
                .setMaxHeaderSize(65536)
                .setMaxInitialLineLength(65536)
                .setTcpNoDelay(true)
                .setDecompressionSupported(false)
                .setName("upstream-" + route.name());
        if (route.tls()) {
            options.setSsl(true).setVerifyHost(true);
            config.upstreamTrustCertificates().filter(files -> !files.isEmpty()).ifPresent(files -> {
                PemTrustOptions trust = new PemTrustOptions();
                files.forEach(trust::addCertPath);
                options.setTrustOptions(trust);
            });
        }
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(route.maxConnections())
                .setMaxWaitQueueSize(route.maxWaiting());
        return vertx.httpClientBuilder().with(options).with(pool).withConnectHandler(ages::opened).build();
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
                    proxy(rc, candidate.proxy(), prefix);
                    return;
                }
                if (path.charAt(prefix.length()) == '/') {
                    proxy(rc, candidate.proxy(), candidate.below());
                    return;
                }
            }
        }
        rc.next();
    }

    private static void proxy(RoutingContext rc, HttpProxy proxy, String metricsUri) {
        // the body waits until the filters have decided (they may be asynchronous: the view quota asks the database)
        rc.request().pause();
        ProxyCall.metricsUri(metricsUri);
        proxy.handle(rc.request());
    }

    /** One entry of {@code gateway.routes}, checked. */
    record UpstreamRoute(String name, URI origin, String host, int port, boolean tls, List<String> prefixes,
                         boolean authRequired, int maxConnections, int maxWaiting, java.time.Duration maxConnectionAge) {

        static UpstreamRoute of(String name, GatewayConfig.Route route, GatewayConfig config) {
            URI origin = URI.create(route.upstream().trim());
            String scheme = origin.getScheme() == null ? "" : origin.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalStateException("gateway.routes." + name + ".upstream must be an http:// or https:// URL,"
                        + " not '" + route.upstream() + "'");
            }
            if (origin.getHost() == null) {
                throw new IllegalStateException("gateway.routes." + name + ".upstream has no host: '" + route.upstream()
                        + "'");
            }
            if (origin.getRawPath() != null && !origin.getRawPath().isEmpty() && !origin.getRawPath().equals("/")) {
                throw new IllegalStateException("gateway.routes." + name + ".upstream must be an origin without a path"
                        + " (requests keep their own path), not '" + route.upstream() + "'");
            }
            boolean tls = scheme.equals("https");
            int port = origin.getPort() > 0 ? origin.getPort() : tls ? 443 : 80;
            int maxConnections = route.maxConnections().orElse(config.upstreamMaxConnections());
            int maxWaiting = route.maxWaiting().orElse(config.upstreamMaxWaiting());
            if (maxConnections < 1 || maxWaiting < 0) {
                throw new IllegalStateException("gateway.routes." + name + ": max-connections must be at least 1 and"
                        + " max-waiting at least 0");
            }
            java.time.Duration maxAge = route.maxConnectionAge().orElse(config.upstreamConnectionMaxAge());
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalStateException("gateway.routes." + name + ": max-connection-age must be positive");
            }
            return new UpstreamRoute(name, origin, origin.getHost(), port, tls, List.copyOf(route.prefixes()),
                    route.authRequired(), maxConnections, maxWaiting, maxAge);
        }

        /** {@code host:port} as a service sees it in the Host header, and builds its absolute links from. */
        String authority() {
            return LocationRewriteFilter.authority(URI.create((tls ? "https" : "http") + "://" + host + ":" + port));
        }
    }
}
