package com.casecoding.codes.release;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DerivedCacheTest {

    @Test
    void aValueComputedFromTheOldDataIsNotServedAfterTheDataChanged() throws Exception {
        DerivedCache<String, String> pages = DerivedCache.ofSize(100);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        // a page built from the old release while the import commits
        CompletableFuture<String> build = CompletableFuture.supplyAsync(() -> pages.get("E11.9", code -> {
            computing.countDown();
            await(changed);
            return "page of the old release";
        }));
        assertTrue(computing.await(10, TimeUnit.SECONDS));
        pages.invalidateAll();
        changed.countDown();
        assertEquals("page of the old release", build.get(10, TimeUnit.SECONDS), "its caller still gets it");

        assertNull(pages.getIfPresent("E11.9"), "but nobody after the change");
        assertEquals("page of the new release", pages.get("E11.9", code -> "page of the new release"));
        assertEquals("page of the new release", pages.getIfPresent("E11.9"));
    }

    @Test
    void aValueIsComputedOnceAndKeptUntilTheNextChange() {
        DerivedCache<String, Integer> lengths = DerivedCache.ofSize(100);
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertEquals(5, lengths.get("E11.9", code -> {
                computed.incrementAndGet();
                return code.length();
            }));
        }
        assertEquals(1, computed.get());
        long before = lengths.generation();
        lengths.invalidateAll();
        lengths.put(before, "I10", 3);
        assertNull(lengths.getIfPresent("I10"), "a value of the previous generation is not kept");
        lengths.put(lengths.generation(), "I10", 3);
        assertEquals(3, lengths.getIfPresent("I10"));
    }

    @Test
    void aWeightedCacheStaysWithinItsWeightAndKeepsNothingHeavierThanThat() {
        DerivedCache<String, byte[]> pages = DerivedCache.ofWeight(1_000, bytes -> bytes.length);
        for (int i = 0; i < 50; i++) {
            pages.put(pages.generation(), "page-" + i, new byte[100]);
            assertTrue(pages.weight() <= 1_000, "weight " + pages.weight());
        }
        pages.put(pages.generation(), "huge", new byte[2_000]);
        assertNull(pages.getIfPresent("huge"));
        assertTrue(pages.weight() <= 1_000);
        pages.maximum(300);
        assertTrue(pages.weight() <= 300, "a lower bound applies at once: " + pages.weight());
    }

    @Test
    void aSizedCacheKeepsAtMostItsEntries() {
        DerivedCache<Integer, Integer> squares = DerivedCache.ofSize(10);
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            squares.get(n, k -> k * k);
        }
        assertTrue(squares.weight() <= 10, "entries " + squares.weight());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
