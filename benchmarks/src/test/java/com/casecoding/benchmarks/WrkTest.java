package com.casecoding.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Reading wrk's summary (the layout wrk 4.1 prints with --latency). */
class WrkTest {

    static final String OUTPUT = String.join("\n",
            "Running 10s test @ http://localhost:8081/api/code-systems",
            "  2 threads and 32 connections",
            "  Thread Stats   Avg      Stdev     Max   +/- Stdev",
            "    Latency   650.89us    1.64ms  19.75ms   90.25%",
            "    Req/Sec    17.49k     9.13k   32.64k    56.25%",
            "  Latency Distribution",
            "     50%  715.00us",
            "     75%    1.02ms",
            "     90%    2.40ms",
            "     99%    8.64ms",
            "  366387 requests in 10.00s, 1.20GB read",
            "  Socket errors: connect 0, read 2, write 0, timeout 1",
            "  Non-2xx or 3xx responses: 4",
            "Requests/sec:  36638.71",
            "Transfer/sec:    122.81MB");

    @Test
    void readsRateRequestsErrorsAndPercentiles() {
        LoadResult r = Wrk.parse("direct", OUTPUT, 32);
        assertEquals(36638.71, r.achievedRate(), 0.001);
        assertEquals(366387, r.requests());
        assertEquals(7, r.errors());
        assertEquals(715, r.p50());
        assertEquals(8640, r.p99());
    }

    @Test
    void noSummaryIsNotAResult() {
        assertFalse(Wrk.parse("x", "unable to connect to localhost:1 Connection refused", 32).available());
    }

    @Test
    void roundsAddUp() {
        LoadResult a = Wrk.parse("a", OUTPUT, 32);
        LoadResult b = Wrk.parse("b", OUTPUT.replace("36638.71", "30000.00").replace("8.64ms", "12.00ms"), 32);
        LoadResult both = BenchmarkMain.combine("GET /api/code-systems (direct, wrk)", List.of(a, b), 5, 2);
        assertEquals(2 * 366387, both.requests());
        assertEquals((36638.71 + 30000.00) / 2, both.achievedRate(), 0.001);
        assertEquals(12000, both.p99());
    }
}
