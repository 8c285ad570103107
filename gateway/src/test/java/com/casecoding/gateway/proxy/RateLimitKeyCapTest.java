package com.casecoding.gateway.proxy;

import com.casecoding.gateway.auth.Caller;
import com.casecoding.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A flood of distinct clients cannot grow the rate-limit keys past {@code gateway.rate-limit-max-keys}. */
class RateLimitKeyCapTest {

    private static final int MAX_KEYS = 100;

    @SuppressWarnings("unchecked")
    private static <T> T config(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answers.get(method.getName());
        });
    }

    private static GatewayConfig gateway() {
        GatewayConfig.RateLimit search = config(GatewayConfig.RateLimit.class, Map.of(
                "prefixes", List.of("/api/search"), "perMinute", Map.of("anonymous", 3, "free", 3)));
        return config(GatewayConfig.class, Map.of("rateLimits", Map.of("search", search),
                "rateLimitMaxKeys", MAX_KEYS, "rateLimitScope", GatewayConfig.RateLimitScope.REPLICA));
    }

    @Test
    void clientsBeyondTheCapShareTheOverflowKeyAndThoseCountedKeepTheirOwn() {
        LocalTokenBuckets buckets = new LocalTokenBuckets();
        RateLimiter limiter = new RateLimiter(gateway(), buckets);
        int overflowAllowed = 0;
        for (int i = 0; i < 10 * MAX_KEYS; i++) {
            String address = "2001:db8:" + Integer.toHexString(i) + "::/64";
            boolean allowed = limiter.acquire("/api/search", Caller.ANONYMOUS, () -> address).allowed();
            if (i < MAX_KEYS) {
                assertTrue(allowed, "each of the first clients has its own limit");
            } else if (allowed) {
                overflowAllowed++;
            }
        }
        assertEquals(3, overflowAllowed, "the clients beyond the cap count as one");
        assertEquals(MAX_KEYS + 1, buckets.keys(), "the cap and the one overflow key");
        assertTrue(buckets.holds("search|" + RateLimiter.OVERFLOW));
        assertFalse(limiter.acquire("/api/search", Caller.ANONYMOUS, () -> "198.51.100.7").allowed());
        // a client counted before the flood still has its own bucket: 2 of its 3 left
        assertTrue(limiter.acquire("/api/search", Caller.ANONYMOUS, () -> "2001:db8:0::/64").allowed());
        assertEquals(MAX_KEYS + 1, buckets.keys());
    }
}
