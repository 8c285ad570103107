package com.casecoding.systemtests;

import com.sun.net.httpserver.HttpServer;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Two gateway replicas on one database in front of a stub upstream that serves every code page, and one round of the
 * quota proof: a fresh free account sends 200 concurrent requests for distinct codes, alternating replicas.
 * Used by {@link QuotaTwoGatewaysIT} (CI) and {@link QuotaSoakIT} (many rounds).
 */
final class TwoGatewayQuota implements AutoCloseable {

    /** Starts a gateway replica routing every upstream to the given URL. */
    interface GatewayStarter {
        ServiceProcess start(String name, int port, String codeUrl, String careersUrl) throws Exception;
    }

    record Round(String token, long served, long refused) {
    }

    private final HttpServer stub;
    final ServiceProcess gatewayA;
    final ServiceProcess gatewayB;

    TwoGatewayQuota(String namePrefix, GatewayStarter starter) throws Exception {
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
        gatewayA = starter.start(namePrefix + "-a", ServiceProcess.freePort(), stubUrl, stubUrl);
        gatewayB = starter.start(namePrefix + "-b", ServiceProcess.freePort(), stubUrl, stubUrl);
    }

    Round round(String emailPrefix) throws Exception {
        String token = Http.freeToken(gatewayA.url(), emailPrefix + "-" + UUID.randomUUID() + "@example.test");
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String base = (i % 2 == 0 ? gatewayA : gatewayB).url();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/codes/hcpcs/J" + (1000 + i)))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build();
            calls.add(Http.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();
        return new Round(token, responses.stream().filter(r -> r.statusCode() == 200).count(),
                responses.stream().filter(r -> r.statusCode() == 403).count());
    }

    @Override
    public void close() throws Exception {
        gatewayA.close();
        gatewayB.close();
        stub.stop(0);
    }
}
