package com.casecoding.gateway.accounts;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many Argon2id hashes may run at once, so that their memory (about 20 MiB of heap each) always fits: a fair
 * semaphore of {@code permits}, at most {@code queueSize} callers waiting for one, each for at most {@code wait}. A
 * caller beyond the queue, or one whose wait ran out, is refused at once: the request then answers 503 with
 * Retry-After instead of the process running out of memory.
 */
final class HashPermits {

    private final Semaphore semaphore;
    private final int permits;
    private final int queueSize;
    private final long waitNanos;
    private final AtomicInteger waiting = new AtomicInteger();

    HashPermits(int permits, int queueSize, Duration wait) {
        if (permits < 1) {
            throw new IllegalArgumentException("at least one hash must be able to run, not " + permits);
        }
        this.permits = permits;
        this.queueSize = Math.max(0, queueSize);
        this.waitNanos = Math.max(0, wait.toNanos());
        this.semaphore = new Semaphore(permits, true);
    }

    /**
     * Permits for every hash the heap holds: {@code heapShare} of {@code maxHeapBytes}, divided by what one hash
     * allocates; at least one.
     */
    static int derive(long maxHeapBytes, double heapShare, long bytesPerHash) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (long) (maxHeapBytes * heapShare) / bytesPerHash));
    }

    int permits() {
        return permits;
    }

    int inUse() {
        return permits - semaphore.availablePermits();
    }

    int waiting() {
        return waiting.get();
    }

    /**
     * Takes {@code weight} permits (a hash with more memory than the current parameters weighs more; at most all of
     * them), waiting in the bounded queue. False when refused; then nothing is held.
     */
    boolean acquire(int weight) throws InterruptedException {
        int n = Math.max(1, Math.min(weight, permits));
        // with a zero timeout a fair semaphore does not overtake callers already waiting
        if (semaphore.tryAcquire(n, 0, TimeUnit.NANOSECONDS)) {
            return true;
        }
        if (waiting.incrementAndGet() > queueSize) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return semaphore.tryAcquire(n, waitNanos, TimeUnit.NANOSECONDS);
        } finally {
            waiting.decrementAndGet();
        }
    }

    void release(int weight) {
        semaphore.release(Math.max(1, Math.min(weight, permits)));
    }
}
