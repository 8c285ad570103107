package com.casecoding.gateway.auth;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded cache behind the token and view grant caches: expiry checked at every use, never more than its size. */
class ExpiringCacheTest {

    private static final Caller ALICE = new Caller("a", "free", 6, Set.of("coder"));

    @Test
    void anEntryIsServedOnlyBeforeItsExpiry() {
        ExpiringCache<Caller> cache = new ExpiringCache<>(10);
        cache.put("token", ALICE, 10_000, 1_000);
        assertSame(ALICE, cache.get("token", 1_000));
        assertSame(ALICE, cache.get("token", 9_999));
        assertNull(cache.get("token", 10_000), "at exp the entry is no longer used");
        assertEquals(0, cache.size(), "and it is dropped");
        assertNull(cache.get("token", 5_000), "even an earlier clock does not bring it back");
    }

    @Test
    void theExactKeyOnly() {
        ExpiringCache<Caller> cache = new ExpiringCache<>(10);
        cache.put("header.payload.signature", ALICE, 10_000, 0);
        assertNull(cache.get("header.payload.signaturf", 0));
        assertNull(cache.get("header.payload.signatur", 0));
        assertNull(cache.get("header.payload.signature ", 0));
    }

    @Test
    void anAlreadyExpiredValueIsNotStored() {
        ExpiringCache<Caller> cache = new ExpiringCache<>(10);
        cache.put("token", ALICE, 1_000, 1_000);
        cache.put("older", ALICE, 500, 1_000);
        assertEquals(0, cache.size());
    }

    @Test
    void neverMoreThanItsSizeAndExpiredEntriesGoFirst() {
        ExpiringCache<Caller> cache = new ExpiringCache<>(100);
        for (int i = 0; i < 50; i++) {
            cache.put("short" + i, ALICE, 2_000, 0);
        }
        for (int i = 0; i < 50; i++) {
            cache.put("long" + i, ALICE, 100_000, 0);
        }
        assertEquals(100, cache.size());
        cache.put("new", ALICE, 100_000, 3_000);
        assertEquals(51, cache.size(), "the 50 expired entries made room");
        assertSame(ALICE, cache.get("long7", 3_000));
        for (int i = 0; i < 10_000; i++) {
            cache.put("flood" + i, ALICE, 100_000, 3_000);
            assertTrue(cache.size() <= 100);
        }
        assertSame(ALICE, cache.get("flood9999", 3_000), "the newest entry is kept");
    }

    @Test
    void sizeZeroStoresNothing() {
        ExpiringCache<Caller> cache = new ExpiringCache<>(0);
        cache.put("token", ALICE, 10_000, 0);
        assertNull(cache.get("token", 0));
    }
}
