package com.casecoding.gateway.proxy;

import com.casecoding.gateway.auth.Caller;
import com.casecoding.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Per-plan request rates for the groups in {@code gateway.rate-limits} (search, assistant, jobs, auth): requests per
 * minute per group and account (or client address without a token). Counted by {@code gateway.rate-limit-scope}: in
 * this replica's memory ({@link LocalTokenBuckets}) or over every replica ({@link SharedRateWindows}).
 * <p>
 * The one rate-limit decision of the gateway: the proxy asks {@link #acquire} for routed requests, and
 * {@link OwnEndpointRateLimit} for the gateway's own endpoints ({@code /api/auth/*}); both answer a refusal
 * with {@link #refusal}.
 */
@ApplicationScoped
public class RateLimiter {

    /**
     * Allowed, or refused with the seconds to wait; with the group's limit, what is left of it and the seconds until
     * all of it is available again. {@link #FREE}: no limit applies (no headers either).
     */
    public record Result(boolean allowed, long retryAfterSeconds, String group, int perMinute, int remaining,
                         long resetSeconds) {
        static final Result FREE = new Result(true, 0, null, -1, -1, 0);

        public boolean limited() {
            return group != null;
        }
    }

    /** One group of {@code gateway.rate-limits}, read once (this runs for every routed request). */
    private record Group(String name, String[] prefixes, Map<String, Integer> perMinute) {
        boolean matches(String path) {
            for (String prefix : prefixes) {
                if (path.startsWith(prefix)
                        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Group[] groups;
    private final RateCounter counter;
    private final int maxKeys;
    /** Where a request's {@link Result} is kept between its request and response steps (by either rate-limit filter). */
    public static final String RESULT = "casecoding.rate";
    /** The key new clients share while {@code gateway.rate-limit-max-keys} keys are held. */
    static final String OVERFLOW = "overflow";

    @Inject
    public RateLimiter(GatewayConfig config, SharedRateWindows shared) {
        this(config, config.rateLimitScope() == GatewayConfig.RateLimitScope.CLUSTER ? shared : new LocalTokenBuckets());
    }

    RateLimiter(GatewayConfig config, RateCounter counter) {
        this.groups = config.rateLimits().entrySet().stream()
                .map(e -> new Group(e.getKey(), e.getValue().prefixes().toArray(String[]::new),
                        Map.copyOf(e.getValue().perMinute())))
                .toArray(Group[]::new);
        this.counter = counter;
        this.maxKeys = config.rateLimitMaxKeys();
    }

    /** Whether requests to {@code path} fall under a rate-limit group (for some plan). */
    public boolean limits(String path) {
        for (Group group : groups) {
            if (group.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** {@code clientAddress} is asked for only when the caller is anonymous (buckets are per account otherwise). */
    public Result acquire(String path, Caller caller, Supplier<String> clientAddress) {
        for (Group group : groups) {
            if (group.matches(path)) {
                Integer perMinute = group.perMinute().get(caller.plan());
                if (perMinute == null || perMinute < 0) {
                    return Result.FREE;
                }
                String who = caller.anonymous() ? "ip:" + clientAddress.get() : "sub:" + caller.subject();
                String key = group.name() + "|" + who;
                if (counter.keys() >= maxKeys && !counter.holds(key)) {
                    // full: a client not counted yet shares its group's overflow key (memory stays bounded)
                    key = group.name() + "|" + OVERFLOW;
                }
                RateCounter.Taken taken = counter.take(key, perMinute);
                return new Result(taken.retryAfterSeconds() == 0, taken.retryAfterSeconds(), group.name(), perMinute,
                        taken.remaining(), taken.resetSeconds());
            }
        }
        return Result.FREE;
    }

    /**
     * The headers every answer under a limit carries (allowed or refused): {@code RateLimit-Limit} (requests per
     * minute), {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the whole limit is available
     * again), as in the IETF draft "RateLimit header fields for HTTP"; a refusal also {@code Retry-After}.
     */
    public static void headers(Result rate, BiConsumer<String, String> put) {
        if (!rate.limited()) {
            return;
        }
        put.accept("RateLimit-Limit", Integer.toString(rate.perMinute()));
        put.accept("RateLimit-Remaining", Integer.toString(Math.max(0, rate.remaining())));
        put.accept("RateLimit-Reset", Long.toString(rate.resetSeconds()));
        if (!rate.allowed()) {
            put.accept("Retry-After", Long.toString(rate.retryAfterSeconds()));
        }
    }

    /** The {@code detail} of the 429 problem for a refused {@code rate}; the answer carries {@code Retry-After}. */
    public static String refusal(Result rate, Caller caller) {
        String wait = " Try again in " + rate.retryAfterSeconds() + " second" + (rate.retryAfterSeconds() == 1 ? "" : "s");
        if (caller.anonymous()) {
            return "At most " + rate.perMinute() + " " + rate.group() + " requests per minute are allowed from one "
                    + "address without a token." + wait + ".";
        }
        return "Your plan allows " + rate.perMinute() + " " + rate.group() + " requests per minute." + wait
                + ("pro".equals(caller.plan()) ? "." : ", or upgrade your plan for a higher limit.");
    }

    @Scheduled(every = "5m", delayed = "5m")
    void evictIdle() {
        counter.evictIdle();
    }
}
