package com.casecoding.gateway.accounts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashPermitsTest {

    private static final long PER_HASH = PasswordHasher.MEMORY_KIB * PasswordHasher.BYTES_PER_KIB;

    @Test
    void permitsFollowTheHeap() {
        // ./run: 192 MiB heap, 40 % for hashes, about 19.7 MiB each
        assertEquals(3, HashPermits.derive(192L << 20, 0.4, PER_HASH));
        // a pod with a 256 MiB heap
        assertEquals(5, HashPermits.derive(256L << 20, 0.4, PER_HASH));
        // never none, however small the heap
        assertEquals(1, HashPermits.derive(16L << 20, 0.4, PER_HASH));
    }

    @Test
    void aHashBeyondThePermitsWaitsThenIsRefused() throws Exception {
        HashPermits permits = new HashPermits(2, 1, Duration.ofMillis(200));
        assertTrue(permits.acquire(1));
        assertTrue(permits.acquire(1));
        long start = System.nanoTime();
        assertFalse(permits.acquire(1), "no permit came free within the wait");
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(150));
        assertEquals(2, permits.inUse());
        assertEquals(0, permits.waiting());
    }

    @Test
    void aWaitingHashRunsAsSoonAsOneEnds() throws Exception {
        HashPermits permits = new HashPermits(1, 1, Duration.ofSeconds(10));
        assertTrue(permits.acquire(1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> waiting = pool.submit(() -> permits.acquire(1));
            while (permits.waiting() == 0) {
                Thread.onSpinWait();
            }
            permits.release(1);
            assertTrue(waiting.get(5, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void beyondTheQueueARequestIsRefusedWithoutWaiting() throws Exception {
        HashPermits permits = new HashPermits(1, 1, Duration.ofSeconds(10));
        assertTrue(permits.acquire(1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch queued = new CountDownLatch(1);
        try {
            pool.submit(() -> {
                queued.countDown();
                return permits.acquire(1);
            });
            queued.await();
            while (permits.waiting() == 0) {
                Thread.onSpinWait();
            }
            long start = System.nanoTime();
            assertFalse(permits.acquire(1), "the queue holds one waiting hash");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "refused at once");
        } finally {
            permits.release(1);
            pool.shutdownNow();
        }
    }

    @Test
    void aHeavierStoredHashTakesMorePermitsButNeverMoreThanAll() throws Exception {
        HashPermits permits = new HashPermits(3, 0, Duration.ZERO);
        assertTrue(permits.acquire(2));
        assertFalse(permits.acquire(2));
        assertTrue(permits.acquire(1));
        permits.release(2);
        permits.release(1);
        assertTrue(permits.acquire(50), "a hash heavier than the budget still runs, alone");
        assertEquals(3, permits.inUse());
        assertFalse(permits.acquire(1));
        permits.release(50);
        assertEquals(0, permits.inUse());
    }

    @Test
    void everyHashingPathIsBounded() {
        PasswordHasher one = new PasswordHasher(1);
        String stored = one.hash("Lumbar-Puncture-62270");
        assertTrue(one.verify("Lumbar-Puncture-62270", stored));
        assertFalse(one.verify("wrong", null), "the decoy for an unknown e-mail runs under the permits too");
    }
}
