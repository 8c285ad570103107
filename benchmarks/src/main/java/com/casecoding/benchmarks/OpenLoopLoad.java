package com.casecoding.benchmarks;

import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;

/**
 * Open-loop load: request {@code i} is due at {@code start + i / rate}, whatever happened to earlier requests, and its
 * latency is measured from that intended time (coordinated omission corrected). The first {@code warmup} is sent the same
 * way but not recorded.
 */
public final class OpenLoopLoad {

    /** Latencies above this are recorded as this value (and the request counts as an error: timeout). */
    static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(60);

    private final HttpClient client;
    private final Duration timeout;

    public OpenLoopLoad(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** Due time of request {@code index} in nanoseconds after the start, at {@code rate} requests per second. */
    static long dueOffsetNanos(long index, double rate) {
        return (long) (index * (1_000_000_000d / rate));
    }

    /** Measurements added up over one or more runs (for interleaved rounds against several targets). */
    public static final class Accumulator {
        final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
        final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        long requests;
        long completed;
        long errors;
        long elapsedNanos;

        public synchronized LoadResult result(String label, double rate, String note) {
            double achieved = elapsedNanos == 0 ? 0 : completed / (elapsedNanos / 1e9);
            return new LoadResult(label, rate, requests, errors, statuses, achieved, histogram.getValueAtPercentile(50),
                    histogram.getValueAtPercentile(90), histogram.getValueAtPercentile(99), histogram.getMaxValue(), note);
        }
    }

    public LoadResult run(String label, double rate, Duration warmup, Duration measure, LongFunction<HttpRequest> requests,
                          IntPredicate expected) throws InterruptedException {
        Accumulator accumulator = new Accumulator();
        runInto(accumulator, rate, warmup, measure, requests, expected);
        return accumulator.result(label, rate, "");
    }

    /** One open-loop run; what was measured after the warm-up is added to {@code into}. */
    public void runInto(Accumulator into, double rate, Duration warmup, Duration measure, LongFunction<HttpRequest> requests,
                        IntPredicate expected) throws InterruptedException {
        Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        LongAdder errors = new LongAdder();
        LongAdder recorded = new LongAdder();
        AtomicLong outstanding = new AtomicLong();
        AtomicLong lastCompletion = new AtomicLong();

        long warmupNanos = warmup.toNanos();
        long endNanos = warmupNanos + measure.toNanos();
        long start = System.nanoTime();
        long measureStart = start + warmupNanos;
        for (long i = 0; ; i++) {
            long offset = dueOffsetNanos(i, rate);
            if (offset >= endNanos) {
                break;
            }
            long intended = start + offset;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = offset >= warmupNanos;
            HttpRequest request = requests.apply(i);
            outstanding.incrementAndGet();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                try {
                    if (!measured) {
                        return;
                    }
                    lastCompletion.accumulateAndGet(now, Math::max);
                    long micros = Math.min(HIGHEST_MICROS, Math.max(1, (now - intended) / 1000));
                    synchronized (histogram) {
                        histogram.recordValue(micros);
                    }
                    recorded.increment();
                    if (failure != null) {
                        errors.increment();
                        statuses.merge(-1, 1L, Long::sum);
                    } else {
                        statuses.merge(response.statusCode(), 1L, Long::sum);
                        if (!expected.test(response.statusCode())) {
                            errors.increment();
                        }
                    }
                } finally {
                    outstanding.decrementAndGet();
                }
            });
        }
        long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long lost = outstanding.get();
        long elapsed = measure.isZero() ? 0 : Math.max(lastCompletion.get(), start + endNanos) - measureStart;
        synchronized (histogram) {
            for (long j = 0; j < lost; j++) {
                histogram.recordValue(HIGHEST_MICROS);
            }
            if (lost > 0) {
                statuses.merge(-1, lost, Long::sum);
            }
            synchronized (into) {
                into.histogram.add(histogram);
                statuses.forEach((k, v) -> into.statuses.merge(k, v, Long::sum));
                into.requests += recorded.sum() + lost;
                into.completed += recorded.sum();
                into.errors += errors.sum() + lost;
                into.elapsedNanos += elapsed;
            }
        }
    }

    /** Closed loop: {@code concurrency} callers, each sending its next request when the previous one answered. */
    public LoadResult maxThroughput(String label, int concurrency, Duration warmup, Duration measure,
                                    LongFunction<HttpRequest> requests, IntPredicate expected) throws InterruptedException {
        Accumulator accumulator = new Accumulator();
        maxThroughputInto(accumulator, concurrency, warmup, measure, requests, expected);
        return accumulator.result(label, 0, concurrency + " connections, closed loop");
    }

    public void maxThroughputInto(Accumulator into, int concurrency, Duration warmup, Duration measure,
                                  LongFunction<HttpRequest> requests, IntPredicate expected) throws InterruptedException {
        Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        LongAdder errors = new LongAdder();
        LongAdder done = new LongAdder();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long measureStart = start + warmup.toNanos();
        long end = measureStart + measure.toNanos();
        Thread[] workers = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            workers[w] = new Thread(() -> {
                long now;
                while ((now = System.nanoTime()) < end) {
                    boolean measured = now >= measureStart;
                    int status;
                    try {
                        status = client.send(requests.apply(sequence.getAndIncrement()),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        status = -1;
                    }
                    long after = System.nanoTime();
                    if (measured && after <= end) {
                        done.increment();
                        statuses.merge(status, 1L, Long::sum);
                        if (status < 0 || !expected.test(status)) {
                            errors.increment();
                        }
                        synchronized (histogram) {
                            histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (after - now) / 1000)));
                        }
                    }
                }
            }, "closed-loop-" + w);
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        synchronized (into) {
            into.histogram.add(histogram);
            statuses.forEach((k, v) -> into.statuses.merge(k, v, Long::sum));
            into.requests += done.sum();
            into.completed += done.sum();
            into.errors += errors.sum();
            into.elapsedNanos += measure.toNanos();
        }
    }
}
