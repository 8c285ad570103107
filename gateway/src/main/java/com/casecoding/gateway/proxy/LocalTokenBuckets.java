package com.casecoding.gateway.proxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limits counted in this replica's memory ({@code gateway.rate-limit-scope=replica}): a token bucket per key,
 * full after a minute of rest and refilled continuously, one token per 60/perMinute seconds. With N replicas behind a
 * balancer the real limit is up to N times the setting.
 */
final class LocalTokenBuckets implements RateCounter {

    /** A key idle this long has a full bucket again and is forgotten. */
    static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Taken take(String key, int perMinute) {
        return buckets.computeIfAbsent(key, k -> new Bucket(perMinute)).take(perMinute, System.nanoTime());
    }

    @Override
    public int keys() {
        return buckets.size();
    }

    @Override
    public boolean holds(String key) {
        return buckets.containsKey(key);
    }

    @Override
    public void evictIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(b -> b.idleFor(now) > IDLE_NANOS);
    }

    static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int capacity) {
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        /** Takes one token when there is one; otherwise says how long until there is. */
        synchronized Taken take(int perMinute, long now) {
            double perNano = perMinute / 60e9;
            tokens = Math.min(perMinute, tokens + (now - last) * perNano);
            last = now;
            long wait = 0;
            if (tokens >= 1) {
                tokens -= 1;
            } else {
                wait = Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
            }
            long reset = (long) Math.ceil((perMinute - tokens) / perNano / 1e9 - 1e-6);
            return new Taken(wait, (int) Math.floor(tokens), Math.max(0, reset));
        }

        synchronized long idleFor(long now) {
            return now - last;
        }
    }
}
