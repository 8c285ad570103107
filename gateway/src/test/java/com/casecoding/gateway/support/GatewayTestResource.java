package com.casecoding.gateway.support;

import com.casecoding.devdb.EmbeddedDatabase;
import com.casecoding.testing.TestDatabase;
import com.casecoding.testing.TestKeys;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Gateway under test: throwaway signing and view grant keys, code-service replaced by {@link StubUpstream},
 * careers-service pointed at a closed port (to see the 503), a route with a one-connection pool, an HTTPS-only upstream
 * ({@link TlsStubUpstream}), a 3 s upstream timeout, short login delays and a small search rate limit. Every test
 * client connects from 127.0.0.1, so the limits per address (auth requests, guests, failed attempts) are raised here;
 * {@code AbuseLimitsTest} checks them at their real size with its own profile. 127.0.0.1 is a trusted proxy, so a test
 * can act as clients at other addresses through {@code X-Forwarded-For}. The scheduler is off: tests run the scheduled
 * jobs themselves, with {@link TestClock} moved as they need.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    /** The gateway's event loops in tests (a 2-core pod's count, whatever this machine has). */
    public static final int EVENT_LOOPS = 2;


    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("gateway.jwt.key-dir", TestKeys.get().keyDir.toString());
        config.put("gateway.jwt.issuer", TestTokens.ISSUER);
        config.put("casecoding.view-grant.key-dir", TestKeys.get().viewGrantKeyDir.toString());
        config.put("gateway.routes.codes.upstream", "http://127.0.0.1:" + StubUpstream.get().port());
        config.put("gateway.routes.codes.prefixes",
                "/api/codes,/api/edits,/api/code-systems,/api/search,/api/echo,/api/consults,/api/admin/imports");
        config.put("gateway.routes.inbound-mail.upstream", "http://127.0.0.1:" + StubUpstream.get().port());
        config.put("gateway.routes.careers.upstream", "http://127.0.0.1:9");
        // a route whose pool holds one connection and one waiting request (the stub's .../slow paths answer late)
        config.put("gateway.routes.bulkhead.upstream", "http://127.0.0.1:" + StubUpstream.get().port());
        config.put("gateway.routes.bulkhead.prefixes", "/api/bulkhead");
        config.put("gateway.routes.bulkhead.max-connections", "1");
        config.put("gateway.routes.bulkhead.max-waiting", "1");
        // a one-connection route whose connection is retired after 1 ms: a connection serves a request or two, never more
        config.put("gateway.routes.recycled.upstream", "http://127.0.0.1:" + StubUpstream.get().port());
        config.put("gateway.routes.recycled.prefixes", "/api/recycled");
        config.put("gateway.routes.recycled.max-connections", "1");
        config.put("gateway.routes.recycled.max-connection-age", "1ms");
        // Flyway on a connection of its own, as the k8s manifests configure it (QUARKUS_FLYWAY_JDBC_URL etc.): no
        // socketTimeout; the embedded database trusts local connections, so the password is not checked
        config.put("quarkus.flyway.jdbc-url", TestDatabase.get().jdbcUrl());
        config.put("quarkus.flyway.username", EmbeddedDatabase.USER);
        config.put("quarkus.flyway.password", "unused");
        // an upstream that speaks only TLS, trusted through its certificate
        config.put("gateway.routes.secure.upstream", "https://localhost:" + TlsStubUpstream.get().port());
        config.put("gateway.routes.secure.prefixes", "/api/secure");
        config.put("gateway.upstream-trust-certificates", TlsStubUpstream.get().certificatePem().toString());
        config.put("gateway.upstream-timeout", "3s");
        // as many event loops as a 2-core pod has, whatever this machine's cores: RoutingTest counts upstream
        // connections per event loop
        config.put("quarkus.vertx.event-loops-pool-size", Integer.toString(EVENT_LOOPS));
        config.put("gateway.login.free-failures", "3");
        config.put("gateway.login.base-delay", "2s");
        config.put("gateway.login.max-delay", "4s");
        config.put("gateway.rate-limits.search.per-minute.free", "5");
        config.put("gateway.admin.email", "root.admin@casecoding.test");
        config.put("gateway.admin.password", "Adm1n-Test-Only-Passphrase");
        config.put("quarkus.http.cors.origins", "https://app.casecoding.test");
        config.put("gateway.trusted-proxies", "127.0.0.1/32");
        config.put("gateway.rate-limits.auth.per-minute.anonymous", "100000");
        config.put("gateway.guest.max-per-address", "100000");
        config.put("gateway.login.address-free-failures", "100000");
        config.put("quarkus.scheduler.enabled", "false");
        return config;
    }

    @Override
    public void stop() {
    }
}
