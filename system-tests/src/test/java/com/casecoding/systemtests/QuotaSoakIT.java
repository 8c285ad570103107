package com.casecoding.systemtests;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The long version of {@link QuotaTwoGatewaysIT}: many rounds (default 50, {@code -Dcasecoding.quota.rounds=N}) of one
 * fresh free account sending 200 concurrent requests for distinct codes through two gateway replicas sharing the
 * database; exactly 6 succeed every round. Runs only with {@code -Dcasecoding.long=true} (see system-tests/README.md).
 */
class QuotaSoakIT {

    static HttpServer stub;
    static ServiceProcess gatewayA;
    static ServiceProcess gatewayB;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Boolean.getBoolean("casecoding.long"), "long reliability run only (-Dcasecoding.long=true)");
        ReliabilityPlatform platform = ReliabilityPlatform.get();
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 500);
        stub.setExecutor(Executors.newFixedThreadPool(32));
        stub.createContext("/", exchange -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        stub.start();
        String stubUrl = "http://127.0.0.1:" + stub.getAddress().getPort();
        gatewayA = platform.startGateway("soak-gateway-a", ServiceProcess.freePort(), stubUrl, stubUrl);
        gatewayB = platform.startGateway("soak-gateway-b", ServiceProcess.freePort(), stubUrl, stubUrl);
    }

    @AfterAll
    static void stop() throws Exception {
        if (gatewayA != null) {
            gatewayA.close();
        }
        if (gatewayB != null) {
            gatewayB.close();
        }
        if (stub != null) {
            stub.stop(0);
        }
    }

    @Test
    void exactlySixOfTwoHundredConcurrentViewsSucceedEveryRound() throws Exception {
        int rounds = Integer.getInteger("casecoding.quota.rounds", 50);
        Map<Long, Integer> servedPerRound = new TreeMap<>();
        for (int round = 1; round <= rounds; round++) {
            String token = Http.freeToken(gatewayA.url(), "soak-" + UUID.randomUUID() + "@example.test");
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String base = (i % 2 == 0 ? gatewayA : gatewayB).url();
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/codes/hcpcs/J" + (1000 + i)))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build();
                calls.add(Http.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();
            long served = responses.stream().filter(r -> r.statusCode() == 200).count();
            long refused = responses.stream().filter(r -> r.statusCode() == 403).count();
            servedPerRound.merge(served, 1, Integer::sum);
            assertEquals(6, served, "round " + round + ": pages served");
            assertEquals(194, refused, "round " + round + ": pages refused with the quota message");
        }
        System.out.println("[quota soak] " + rounds + " rounds, pages served per round -> rounds: " + servedPerRound);
    }
}
