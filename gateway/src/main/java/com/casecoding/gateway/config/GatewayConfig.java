package com.casecoding.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting of the gateway, under the {@code gateway.} prefix (see application.properties for the defaults). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The routing table: name -> upstream and the URL prefixes it serves. */
    Map<String, Route> routes();

    Duration upstreamConnectTimeout();

    Duration upstreamTimeout();

    /** Connections each route keeps to its upstream at most, unless the route sets its own. */
    @WithDefault("64")
    int upstreamMaxConnections();

    /** Requests that may wait for one of those connections; more are refused with a 503 at once. */
    @WithDefault("256")
    int upstreamMaxWaiting();

    /**
     * PEM files of the certificates (or their CAs) that {@code https://} upstreams are trusted by, in addition to none:
     * when set, only these are trusted; when empty, the JVM's default trust store. Host names are always verified.
     */
    Optional<List<String>> upstreamTrustCertificates();

    Jwt jwt();

    Quota quota();

    /** Rate limit groups: name -> prefixes and requests per minute per plan. */
    Map<String, RateLimit> rateLimits();

    Login login();

    Password password();

    Admin admin();

    interface Route {
        String upstream();

        List<String> prefixes();

        /** Whether a request needs a token; without one, optional routes pass anonymously. */
        @WithDefault("true")
        boolean authRequired();

        /** This route's cap on connections to its upstream (default {@code gateway.upstream-max-connections}). */
        Optional<Integer> maxConnections();

        /** This route's cap on requests waiting for a connection (default {@code gateway.upstream-max-waiting}). */
        Optional<Integer> maxWaiting();
    }

    interface Jwt {
        String issuer();

        /** Folder of PKCS#8 PEM private keys, one per file, the file name (less a .pem suffix) being the key id. */
        Optional<String> keyDir();

        /** Key id that signs new tokens; defaults to the newest key file. */
        Optional<String> activeKid();

        /** Dev only: create a key in key-dir when it holds none. */
        @WithDefault("false")
        boolean generateIfMissing();

        Duration accessTtl();

        Duration guestAccessTtl();

        Duration refreshTtl();

        Duration grantTtl();

        /**
         * How many verified access tokens the proxy remembers (by exact token string, each until its {@code exp}) so a
         * repeated token skips the RS256 check; 0 turns the cache off. About 1.5 KB per entry.
         */
        @WithDefault("10000")
        int verifiedTokenCacheSize();
    }

    interface Quota {
        /** Views per period by plan; -1 = unlimited. */
        Map<String, Integer> views();

        @WithDefault("UTC")
        ZoneId zone();
    }

    interface RateLimit {
        List<String> prefixes();

        /** Requests per minute by plan, plus {@code anonymous}. */
        Map<String, Integer> perMinute();
    }

    interface Login {
        int freeFailures();

        Duration baseDelay();

        Duration maxDelay();
    }

    interface Password {
        int minLength();
    }

    interface Admin {
        Optional<String> email();

        Optional<String> password();
    }
}
