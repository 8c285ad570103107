package com.casecoding.careers.bench;

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
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark, not a test: sends {@code GET /api/jobs} searches at a fixed rate (open loop) and reports latency
 * percentiles measured from each request's INTENDED send time, so a stalled server cannot hide queueing delay
 * (no coordinated omission). The mix is realistic: keywords, credential/specialty/workplace/state/salary filters,
 * all three sorts, facets on.
 *
 * <pre>java -cp ... com.casecoding.careers.bench.SearchLoadTest [baseUrl] [requestsPerSecond] [seconds] [warmupSeconds]</pre>
 */
public final class SearchLoadTest {

    private static final String[] KEYWORDS = {"", "", "", "coder", "risk adjustment", "inpatient", "auditor",
            "remote coder", "E/M", "\"coding educator\"", "DRG -senior", "radiology", "cardiology or oncology",
            "HCC", "emergency department", "billing", "denials", "CDI", "surgery", "Riverbend", "entry-level"};
    private static final String[] SORTS = {"", "", "newest", "salary", "relevance"};

    private SearchLoadTest() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8082";
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8)).build();
        System.out.printf("Warm-up: %d s at %d req/s against %s%n", warmup, rate, base);
        run(client, base, rate, warmup, new Random(1));
        System.out.printf("Measuring: %d s at %d req/s%n", seconds, rate);
        Result r = run(client, base, rate, seconds, new Random(2));
        Histogram h = r.histogram;
        System.out.printf("requests=%d errors=%d non2xx=%d achieved=%.1f req/s%n", h.getTotalCount() + r.errors.get(),
                r.errors.get(), r.non2xx.get(), (h.getTotalCount() + r.errors.get()) / (double) seconds);
        System.out.printf("latency ms (from intended send time): p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f mean=%.2f%n",
                ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), h.getMean() / 1000.0);
        System.out.printf("average results per response: total=%.0f%n", r.totalHits.get() / (double) Math.max(1, h.getTotalCount()));
        System.exit(0);
    }

    private record Result(Histogram histogram, AtomicLong errors, AtomicLong non2xx, AtomicLong totalHits) {
    }

    private static Result run(HttpClient client, String base, int rate, int seconds, Random random) throws Exception {
        Histogram histogram = new Histogram(60_000_000L, 3); // microseconds, up to 60 s
        AtomicLong errors = new AtomicLong();
        AtomicLong non2xx = new AtomicLong();
        AtomicLong totalHits = new AtomicLong();
        int total = rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        CountDownLatch done = new CountDownLatch(total);
        List<URI> uris = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            uris.add(URI.create(base + "/api/jobs?" + query(random)));
        }
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long intended = start + i * intervalNanos;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = HttpRequest.newBuilder(uris.get(i % uris.size())).timeout(Duration.ofSeconds(30)).GET().build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long latencyMicros = (System.nanoTime() - intended) / 1000;
                if (failure != null) {
                    errors.incrementAndGet();
                } else {
                    synchronized (histogram) {
                        histogram.recordValue(Math.min(latencyMicros, 60_000_000L));
                    }
                    if (response.statusCode() / 100 != 2) {
                        non2xx.incrementAndGet();
                    } else {
                        totalHits.addAndGet(total(response.body()));
                    }
                }
                done.countDown();
            });
        }
        done.await();
        return new Result(histogram, errors, non2xx, totalHits);
    }

    public static String query(Random random) {
        List<String> params = new ArrayList<>();
        String q = KEYWORDS[random.nextInt(KEYWORDS.length)];
        if (!q.isEmpty()) {
            params.add("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        if (random.nextInt(3) == 0) {
            params.add("credential=" + PostingGenerator.CREDENTIALS[random.nextInt(PostingGenerator.CREDENTIALS.length)]);
        }
        if (random.nextInt(4) == 0) {
            params.add("specialty=" + PostingGenerator.SPECIALTIES[random.nextInt(PostingGenerator.SPECIALTIES.length)]);
        }
        if (random.nextInt(3) == 0) {
            params.add("workplace=" + (random.nextBoolean() ? "remote" : "hybrid,onsite"));
        }
        if (random.nextInt(4) == 0) {
            params.add("state=" + PostingGenerator.STATES[random.nextInt(PostingGenerator.STATES.length)]);
        }
        if (random.nextInt(5) == 0) {
            params.add("minSalary=" + (40_000 + 10_000 * random.nextInt(5)));
        }
        if (random.nextInt(6) == 0) {
            params.add("experience=" + random.nextInt(5));
        }
        String sort = SORTS[random.nextInt(SORTS.length)];
        if (!sort.isEmpty()) {
            params.add("sort=" + sort);
        }
        if (random.nextInt(5) == 0) {
            params.add("offset=" + 20 * random.nextInt(5));  // pages 0-4 of the default limit
        }
        return String.join("&", params);
    }

    private static long total(String body) {
        int i = body.indexOf("\"total\":");
        if (i < 0) {
            return 0;
        }
        int j = i + 8;
        int k = j;
        while (k < body.length() && Character.isDigit(body.charAt(k))) {
            k++;
        }
        return k > j ? Long.parseLong(body.substring(j, k)) : 0;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
