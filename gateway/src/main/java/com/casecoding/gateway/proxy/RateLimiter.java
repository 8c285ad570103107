package com.casecoding.gateway.proxy;

import com.casecoding.gateway.auth.Caller;
import com.casecoding.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Per-plan request rates for the groups in {@code gateway.rate-limits} (search, assistant, jobs, auth): a token bucket
 * per group and account (or client address without a token), refilled continuously. Buckets live in this replica's
 * memory, so with N replicas behind a balancer the effective limit is up to N times the setting.
 * <p>
 * The one rate-limit decision of the gateway: the proxy asks {@link #acquire} for routed requests, and
 * {@code web.OwnEndpointRateLimit} for the gateway's own endpoints ({@code /api/auth/*}); both answer a refusal
 * with {@link #refusal}.
 */
@ApplicationScoped
public class RateLimiter {

    /** Allowed, or refused with the seconds to wait. */
    public record Result(boolean allowed, long retryAfterSeconds, String group, int perMinute) {
        static final Result FREE = new Result(true, 0, null, -1);
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

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Group[] groups;

    @Inject
    public RateLimiter(GatewayConfig config) {
        this.groups = config.rateLimits().entrySet().stream()
                .map(e -> new Group(e.getKey(), e.getValue().prefixes().toArray(String[]::new),
                        Map.copyOf(e.getValue().perMinute())))
                .toArray(Group[]::new);
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
                Bucket bucket = buckets.computeIfAbsent(group.name() + "|" + who, k -> new Bucket(perMinute));
                long wait = bucket.take(perMinute, System.nanoTime());
                return new Result(wait == 0, wait, group.name(), perMinute);
            }
        }
        return Result.FREE;
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
        long now = System.nanoTime();
        buckets.values().removeIf(b -> b.idleFor(now) > 10L * 60 * 1_000_000_000L);
    }

    /** Full after a minute of rest; one token per 60/perMinute seconds. */
    static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int capacity) {
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        /** Takes one token; returns 0 when allowed, else whole seconds until a token is there. */
        synchronized long take(int perMinute, long now) {
            double perNano = perMinute / 60e9;
            tokens = Math.min(perMinute, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }

        synchronized long idleFor(long now) {
            return now - last;
        }
    }
}
