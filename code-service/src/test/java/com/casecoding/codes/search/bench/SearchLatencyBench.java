package com.casecoding.codes.search.bench;

import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.search.CodeIndex;
import com.casecoding.codes.search.DatabaseDocumentSource;
import com.casecoding.codes.search.SearchDocument;
import com.casecoding.codes.search.SearchEngine;
import com.casecoding.codes.search.SearchQuery;
import com.casecoding.codes.search.SynonymDictionary;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Latency of search and type-ahead on the full import of {@code ../shared/data}, in process (no HTTP: what the
 * index costs; {@link SearchLoadGenerator} measures the running service). Open loop: request i is due at
 * start + i / rate and its latency counts from then, on a pool of 2 workers (the machine's cores), so a slow query
 * delays the ones behind it as it would in the service. Queries: the relevance set (search) and every prefix of 3+
 * characters of its queries (type-ahead, with the lexicon's terms).
 * The index is the one production builds: everything in {@code ../shared/data} is imported into the test database
 * and the documents come from {@link DatabaseDocumentSource}. Not a unit test: the class name keeps it out of the
 * normal test run.
 * <pre>
 * ./mvnw -pl code-service -am test -Dtest=SearchLatencyBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.rate=200 -Dbench.seconds=30 -Dbench.warmup=10
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
public class SearchLatencyBench {

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Inject
    DatabaseDocumentSource documents;

    @Inject
    SearchEngine engine;

    @Test
    void run() throws Exception {
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmup = Integer.getInteger("bench.warmup", 10);
        CodesTestData.reset(dataSource);
        runner.importPaths(List.of(CodesTestData.sharedDataOrSkip()), "benchmark");
        // the service's own index rebuild after the import would share the cores with the measurement
        engine.awaitIdle(Duration.ofMinutes(5));
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        List<SearchDocument> docs = new ArrayList<>();
        documents.load(docs::add);
        CodeIndex index = CodeIndex.build(docs, SynonymDictionary.load());
        docs = null;
        System.gc();
        Thread.sleep(200);
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("index: %d codes, built in %d ms, Lucene files %.1f MB, heap held by the index and its"
                + " documents %.1f MB%n", index.size(), index.buildMillis(), index.indexBytes() / 1048576.0,
                (after - before) / 1048576.0);
        List<String> searches = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (RelevanceBenchmark.Case c : RelevanceBenchmark.load()) {
            searches.add(c.query());
            for (int n = 3; n <= c.query().length(); n++) {
                prefixes.add(c.query().substring(0, n));
            }
        }
        // CPU per request, one thread, every query in turn (robust on a shared machine, where wall-clock
        // percentiles measure the neighbours as much as the index)
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String mode : List.of("search", "suggest")) {
            List<String> queries = mode.equals("search") ? searches : prefixes;
            for (int round = 0; round < 3; round++) {
                Histogram cpu = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
                for (String q : queries) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    once(index, mode, q);
                    cpu.recordValue(Math.max(0, (mx.getCurrentThreadCpuTime() - t0) / 1000));
                }
                if (round == 2) {
                    System.out.printf("%-8s CPU per request over %d queries: mean %.0f us  p50 %d us  p90 %d us  p99 %d us"
                                    + "  max %d us%n", mode, cpu.getTotalCount(), cpu.getMean(),
                            cpu.getValueAtPercentile(50), cpu.getValueAtPercentile(90),
                            cpu.getValueAtPercentile(99), cpu.getMaxValue());
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (String mode : List.of("search", "suggest")) {
            List<String> queries = mode.equals("search") ? searches : prefixes;
            run(pool, index, mode, queries, rate, warmup, null);
            Histogram h = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            run(pool, index, mode, queries, rate, seconds, h);
            System.out.printf("%-8s %d req/s, %d s, %d queries: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms"
                            + "  max %.2f ms%n", mode, rate, seconds, h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0,
                    h.getMaxValue() / 1000.0);
        }
        pool.shutdownNow();
    }

    private static void once(CodeIndex index, String mode, String q) {
        if (mode.equals("search")) {
            index.search(SearchQuery.of(q, 20));
        } else {
            index.suggest(new SearchQuery(q, java.util.Set.of(), null, Boolean.FALSE, null, 8, 0));
            index.suggestTerms(q, 5);
        }
    }

    private static void run(ExecutorService pool, CodeIndex index, String mode, List<String> queries, int rate,
                            int seconds, Histogram histogram) throws InterruptedException {
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        AtomicLong done = new AtomicLong();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String q = queries.get((int) (i % queries.size()));
            pool.execute(() -> {
                once(index, mode, q);
                long micros = (System.nanoTime() - due) / 1000;
                if (histogram != null) {
                    synchronized (histogram) {
                        histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                    }
                }
                done.incrementAndGet();
            });
        }
        while (done.get() < total) {
            Thread.sleep(5);
        }
    }
}
