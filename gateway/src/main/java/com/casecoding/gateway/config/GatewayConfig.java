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
     * How long a kept-alive upstream connection is used: the first request after this age asks the upstream to close it
     * ({@code Connection: close}), so the next one connects anew and reaches the pods a scale-up added.
     */
    @WithDefault("60s")
    Duration upstreamConnectionMaxAge();

    /**
     * How long a kept-alive upstream connection may sit unused before the gateway closes it. Keep it below every
     * upstream's own idle timeout (Quarkus: 30 min; many proxies and sidecars: 60 s): a connection the upstream closes
     * first can be picked for a request in the same instant and fail it (an idempotent one is sent once more).
     */
    @WithDefault("15s")
    Duration upstreamIdleTimeout();

    /**
     * PEM files of the certificates (or their CAs) that {@code https://} upstreams are trusted by, in addition to none:
     * when set, only these are trusted; when empty, the JVM's default trust store. Host names are always verified.
     */
    Optional<List<String>> upstreamTrustCertificates();

    Jwt jwt();

    Quota quota();

    /** Rate limit groups: name -> prefixes and requests per minute per plan. */
    Map<String, RateLimit> rateLimits();

    /**
     * Where the rate limits are counted: {@code replica} (this process' memory; with N replicas behind a balancer the
     * real limit is up to N times the setting) or {@code cluster} (every replica's requests added up in the database:
     * {@code proxy.SharedRateWindows}). Kubernetes sets {@code cluster}.
     */
    @WithDefault("replica")
    RateLimitScope rateLimitScope();

    /**
     * Scope {@code cluster}: how often a replica adds its new counts to the shared ones and reads the others'. A burst
     * spread over R replicas can pass a limit by what R - 1 of them let through in one interval.
     */
    @WithDefault("200ms")
    Duration rateLimitSync();

    /**
     * Rate-limit keys (limit group and account or client network) one replica holds at most, about 300 bytes each.
     * When that many clients are counted at once (a flood from many networks), each new one is counted in its group's
     * shared overflow key until idle keys are forgotten: memory stays bounded and the clients already counted keep
     * their own limits.
     */
    @WithDefault("50000")
    int rateLimitMaxKeys();

    enum RateLimitScope { REPLICA, CLUSTER }

    Login login();

    Guest guest();

    Revocation revocation();

    Password password();

    Admin admin();

    /**
     * Networks (CIDR) of the proxies in front of the gateway whose forwarding header is believed: the Ingress
     * controller's pod range, a load balancer. Empty (the default): the connection's peer is the client.
     */
    Optional<List<String>> trustedProxies();

    /** The header the trusted proxies write: {@code x-forwarded-for} or {@code forwarded} (RFC 7239). */
    @WithDefault("x-forwarded-for")
    String forwardedHeader();

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

        /** This route's connection age bound (default {@code gateway.upstream-connection-max-age}). */
        Optional<Duration> maxConnectionAge();
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
         * How long past its {@code exp} (and before its {@code nbf}) a token is still accepted: the platform's one
         * clock skew, {@code CASECODING_JWT_CLOCK_SKEW} (the services read the same value as
         * {@code mp.jwt.verify.clock.skew}).
         */
        Duration clockSkew();

        /**
         * A refresh token rotated this recently may be used once more (two browser tabs refreshing at the same time)
         * from the same address, giving a second token of the same sign-in instead of ending it; any other reuse of a
         * rotated token ends the sign-in.
         */
        @WithDefault("10s")
        Duration refreshReuseGrace();

        /** How many times a rotated refresh token may be used again inside the grace. */
        @WithDefault("2")
        int refreshReuseGraceUses();

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

    /** Login throttling; see {@code accounts.LoginThrottle}. */
    interface Login {
        /** Failures of one e-mail from one address before delays begin. */
        int freeFailures();

        /** Failures from one address, any e-mails (and registrations of taken e-mails), before delays begin. */
        int addressFreeFailures();

        /** Failures of one e-mail from networks it never signed in from, before delays begin there. */
        int accountFreeFailures();

        Duration baseDelay();

        Duration maxDelay();

        /** Failures are forgotten this long after the last one. */
        Duration forgetAfter();

        /** A network an account signed in from stays familiar this long after the last success from it. */
        Duration familiarFor();
    }

    /** Guest tokens: how many one address gets, the range a token is bound to, how long guest rows stay. */
    interface Guest {
        /** Guest tokens one client address (IPv4 address, IPv6 /64) gets per {@link #window()}. */
        int maxPerAddress();

        Duration window();

        /** A guest token is valid only from its client's network: IPv4 prefix length. */
        @WithDefault("24")
        int ipv4Prefix();

        /** IPv6 prefix length of the network a guest token is bound to. */
        @WithDefault("48")
        int ipv6Prefix();

        /** How often guests whose tokens have all expired are deleted. */
        @WithDefault("1h")
        Duration purgeEvery();

        /** Guests deleted per statement (a purge loops until none is left). */
        @WithDefault("500")
        int purgeBatch();
    }

    /** Access tokens that stop working early; see {@code auth.Revocations}. */
    interface Revocation {
        /** How often each replica reads the revocations other replicas stored. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Revocations kept in memory at most (about 100 bytes each). */
        @WithDefault("100000")
        int maxEntries();
    }

    interface Password {
        int minLength();

        /**
         * Argon2id derivations (hash or verify) at once. Unset: as many as {@link #hashHeapShare()} of the maximum
         * heap holds, at about 20 MiB each.
         */
        Optional<Integer> maxConcurrentHashes();

        /** Share of the maximum heap that running password hashes may take (when max-concurrent-hashes is unset). */
        @WithDefault("0.4")
        double hashHeapShare();

        /** Derivations that may wait for a free permit; beyond them a sign-in is refused at once (503). */
        @WithDefault("16")
        int hashQueueSize();

        /** How long a derivation waits for a permit before the request is refused (503 with Retry-After). */
        @WithDefault("1s")
        Duration hashQueueWait();
    }

    interface Admin {
        Optional<String> email();

        Optional<String> password();
    }
}
