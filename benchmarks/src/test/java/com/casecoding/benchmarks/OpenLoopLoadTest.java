package com.casecoding.benchmarks;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenLoopLoadTest {

    HttpServer server;
    final AtomicInteger served = new AtomicInteger();
    volatile int stallAt = -1;
    // stall length in ms
    volatile int stallMillis = 2000;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        // one thread: a stall delays every request behind it, as a stuck server would
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/", exchange -> {
            int n = served.incrementAndGet();
            if (n == stallAt) {
                try {
                    Thread.sleep(stallMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = exchange.getRequestURI().getPath().equals("/teapot") ? 418 : 200;
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void dueTimesFollowTheRate() {
        assertEquals(0, OpenLoopLoad.dueOffsetNanos(0, 300));
        assertEquals(1_000_000_000L, OpenLoopLoad.dueOffsetNanos(300, 300), 1);
        assertEquals(10_000_000L, OpenLoopLoad.dueOffsetNanos(1, 100), 1);
    }

    @Test
    void aStallShowsAsLatencyForEveryRequestDueDuringIt() throws Exception {
        // 20 req/s; the 10th measured request stalls the single-threaded server for 2 s: about 40 requests are due
        // during the stall and each one is measured from its due time, so well over 10 % of the 80 requests show more
        // than 500 ms (a client measuring from when it actually got to send would report one slow request)
        stallAt = 10 + 10;
        OpenLoopLoad load = new OpenLoopLoad(HttpClient.newHttpClient(), Duration.ofSeconds(10));
        LoadResult r = load.run("stall", 20, Duration.ofMillis(500), Duration.ofSeconds(4),
                i -> HttpRequest.newBuilder(URI.create(url("/"))).build(), s -> s == 200);
        assertEquals(0, r.errors());
        assertEquals(80, r.requests(), 1);
        assertTrue(r.max() >= 1_900_000, "max " + r.max());
        assertTrue(r.p90() >= 500_000, "p90 " + r.p90());
    }

    @Test
    void unexpectedStatusesCountAsErrors() throws Exception {
        OpenLoopLoad load = new OpenLoopLoad(HttpClient.newHttpClient(), Duration.ofSeconds(5));
        LoadResult r = load.run("teapot", 50, Duration.ZERO, Duration.ofSeconds(1),
                i -> HttpRequest.newBuilder(URI.create(url(i % 2 == 0 ? "/" : "/teapot"))).build(), s -> s == 200);
        assertEquals(50, r.requests());
        assertEquals(25, r.errors());
        assertEquals(25L, r.statuses().get(418));
    }

    @Test
    void closedLoopCountsCompletedRequests() throws Exception {
        OpenLoopLoad load = new OpenLoopLoad(HttpClient.newHttpClient(), Duration.ofSeconds(5));
        LoadResult r = load.maxThroughput("max", 4, Duration.ofMillis(200), Duration.ofSeconds(1),
                i -> HttpRequest.newBuilder(URI.create(url("/"))).build(), s -> s == 200);
        assertTrue(r.requests() > 10, "requests " + r.requests());
        assertEquals(0, r.errors());
        assertEquals(r.requests(), r.achievedRate(), 0.5);
    }
}
