package com.casecoding.codes.search.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed request rate against a running code-service: request i is due at start + i / rate and
 * its latency counts from that intended time (so a stalled server cannot hide its queue: no coordinated omission).
 * Queries are the relevance set's (search) and their typed prefixes (suggest), in a fixed rotation.
 * <pre>
 * java -cp ... com.casecoding.codes.search.bench.SearchLoadGenerator [baseUrl] [search|suggest] [rate/s] [seconds] [warmup s]
 * </pre>
 */
public final class SearchLoadGenerator {

    /** A registered user's access token ({@code BENCH_TOKEN}): searches are then also written to their history. */
    private static final String TOKEN = System.getenv("BENCH_TOKEN");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8081";
        String mode = args.length > 1 ? args[1] : "search";
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        List<URI> uris = uris(base, mode);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        System.out.printf("%s %s at %d req/s: warm-up %d s, then %d s measured, %d distinct queries%n", mode, base,
                rate, warmup, seconds, uris.size());
        run(client, uris, rate, warmup, null);
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long[] outcome = run(client, uris, rate, seconds, histogram);
        System.out.printf("%s: sent %d, ok %d, errors %d, achieved %.1f req/s%n", mode, outcome[0], outcome[1],
                outcome[2], outcome[0] / (outcome[3] / 1e9));
        System.out.printf("latency from intended send time (ms): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(90)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)),
                ms(histogram.getMaxValue()));
        System.exit(0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** Returns sent, ok, errors, elapsed nanos. */
    private static long[] run(HttpClient client, List<URI> uris, int rate, int seconds, Histogram histogram)
            throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        long total = (long) rate * seconds;
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime() + 50_000_000L;
        for (long i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(uris.get((int) (i % uris.size())))
                    .timeout(Duration.ofSeconds(10)).GET();
            if (TOKEN != null && !TOKEN.isBlank()) {
                builder.header("Authorization", "Bearer " + TOKEN);
            }
            HttpRequest request = builder.build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long latency = (System.nanoTime() - intended) / 1000;
                if (histogram != null) {
                    synchronized (histogram) {
                        histogram.recordValue(Math.min(latency, histogram.getHighestTrackableValue()));
                    }
                }
                if (error == null && response.statusCode() == 200) {
                    ok.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
                done.incrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (done.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return new long[]{total, ok.get(), errors.get() + (total - done.get()), System.nanoTime() - start};
    }

    private static List<URI> uris(String base, String mode) throws Exception {
        List<URI> uris = new ArrayList<>();
        for (RelevanceBenchmark.Case c : RelevanceBenchmark.load()) {
            String q = c.query();
            if (mode.equals("suggest")) {
                for (int len = Math.min(3, q.length()); len <= q.length(); len += 2) {
                    uris.add(URI.create(base + "/api/search/suggest?q="
                            + URLEncoder.encode(q.substring(0, len), StandardCharsets.UTF_8)));
                }
            } else {
                uris.add(URI.create(base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
            }
        }
        return uris;
    }
}
