package com.casecoding.gateway.proxy;

import com.casecoding.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The routing table's upstream URLs as the gateway reads them at start, and the Location rewrite on its own. */
class UpstreamRouteTest {

    private static GatewayConfig.Route route(String upstream) {
        return new GatewayConfig.Route() {
            public String upstream() {
                return upstream;
            }

            public List<String> prefixes() {
                return List.of("/api/x");
            }

            public boolean authRequired() {
                return true;
            }

            public Optional<Integer> maxConnections() {
                return Optional.empty();
            }

            public Optional<Integer> maxWaiting() {
                return Optional.of(5);
            }

            public Optional<java.time.Duration> maxConnectionAge() {
                return Optional.empty();
            }
        };
    }

    /** Only the pool defaults are read from the gateway's settings. */
    private static final GatewayConfig CONFIG = (GatewayConfig) Proxy.newProxyInstance(
            GatewayConfig.class.getClassLoader(), new Class<?>[]{GatewayConfig.class}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "upstreamMaxConnections" -> 64;
                        case "upstreamMaxWaiting" -> 256;
                        case "upstreamConnectionMaxAge" -> java.time.Duration.ofSeconds(60);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });

    @Test
    void httpAndHttpsOriginsAreTakenWithTheirDefaultPorts() {
        ProxyRoutes.UpstreamRoute plain = ProxyRoutes.UpstreamRoute.of("codes", route("http://code-service"), CONFIG);
        assertEquals(80, plain.port());
        assertEquals(false, plain.tls());
        assertEquals("code-service:80", plain.authority());
        assertEquals(64, plain.maxConnections());
        assertEquals(5, plain.maxWaiting());
        assertEquals(java.time.Duration.ofSeconds(60), plain.maxConnectionAge(), "the default connection age bound");
        ProxyRoutes.UpstreamRoute secure = ProxyRoutes.UpstreamRoute.of("codes", route("HTTPS://Code-Service.internal/"),
                CONFIG);
        assertEquals(443, secure.port());
        assertTrue(secure.tls(), "an https:// upstream is spoken to with TLS, never plain HTTP");
        assertEquals("code-service.internal:443", secure.authority());
    }

    @Test
    void anythingButAnHttpOrHttpsOriginStopsTheStart() {
        for (String bad : new String[]{"ftp://code-service", "code-service:8081", "http:///nohost",
                "http://code-service/api", "ws://code-service"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ProxyRoutes.UpstreamRoute.of("codes", route(bad), CONFIG), bad);
            assertTrue(e.getMessage().contains("gateway.routes.codes.upstream"), e.getMessage());
        }
    }

    @Test
    void locationsOnAnUpstreamBecomeGatewayRelative() {
        LocationRewriteFilter filter = new LocationRewriteFilter(Set.of("localhost:8081", "code-service:80"));
        assertEquals("/api/codes/icd10cm/E119?v=1#top", filter.rewrite("http://localhost:8081/api/codes/icd10cm/E119?v=1#top"));
        assertEquals("/api/x", filter.rewrite("http://LOCALHOST:8081/api/x"));
        assertEquals("/api/x", filter.rewrite("http://code-service/api/x"));
        assertEquals("/", filter.rewrite("http://code-service"));
        assertEquals("/evil.example/x", filter.rewrite("http://code-service//evil.example/x"),
                "never a scheme-relative link to another host");
        assertNull(filter.rewrite("http://localhost:8082/api/x"), "another port is another host");
        assertNull(filter.rewrite("https://www.cms.gov/x"));
        assertNull(filter.rewrite("/api/x"));
        assertNull(filter.rewrite("not a uri at all ::"));
    }
}
