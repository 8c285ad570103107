package com.casecoding.gateway.proxy;

/**
 * Counts the requests of one rate-limit key (a limit group and an account or client address) against its limit per
 * minute; {@link RateLimiter} decides which key and limit a request has. Two ways to count, by
 * {@code gateway.rate-limit-scope}: {@link LocalTokenBuckets} in this replica's memory, {@link SharedRateWindows} over
 * every replica.
 */
interface RateCounter {

    /**
     * What one request got: counted when {@code retryAfterSeconds} is 0 (else the whole seconds, at least 1, until it
     * would be), the requests left now, and the whole seconds until the full limit is available again.
     */
    record Taken(long retryAfterSeconds, int remaining, long resetSeconds) {
    }

    /** Counts one request when the key is under its limit. */
    Taken take(String key, int perMinute);

    /** Forgets keys that have been idle long enough to be at rest again (called every few minutes). */
    void evictIdle();

    /** Keys held now. */
    int keys();

    /** Whether {@code key} is held now. */
    boolean holds(String key);
}
