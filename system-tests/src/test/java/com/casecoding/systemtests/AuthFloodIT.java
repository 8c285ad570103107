package com.casecoding.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18's reliability proof: 300 logins, registrations and guest requests at the same moment against a packaged
 * gateway with the small heap it runs with under ./run ({@code gateway/jvm.options}), behind a trusted proxy so that
 * the clients have addresses of their own (X-Forwarded-For, as an Ingress sends it), with the gateway's real limits.
 * The gateway must stay up, every request must get an HTTP answer (429 or 503 problem+json with Retry-After where it
 * is refused), and requests of signed-in users must be served all along. Before the hashing bound, a dozen concurrent
 * Argon2id hashes ended the gateway with an OutOfMemoryError.
 */
class AuthFloodIT {

    private static final int CLIENTS = 300;
    /** Of the 300, these come from one address: the auth rate limit (30 per minute) must refuse some of them. */
    private static final int FROM_ONE_ADDRESS = 40;
    private static final String PASSWORD = "Sphenopalatine-64505";

    private static Platform platform;
    private static ServiceProcess gateway;
    private static String knownEmail;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.get();
        int port = ServiceProcess.freePort();
        Map<String, String> env = platform.gatewayEnv(port, platform.codeService.url(),
                platform.careersService.url());
        env.put("GATEWAY_TRUSTED_PROXIES", "127.0.0.1/32");
        Path logs = ServiceProcess.repoRoot().resolve("system-tests/target/system-logs");
        Files.createDirectories(logs);
        List<String> jvm = new ArrayList<>(Arrays.asList(
                Files.readString(ServiceProcess.repoRoot().resolve("gateway/jvm.options")).trim().split("\\s+")));
        jvm.add("-Xlog:gc:file=" + logs.resolve("flood-gateway-gc.log"));
        gateway = ServiceProcess.start("flood-gateway", "gateway", port, env, jvm);
        knownEmail = "flood-known-" + UUID.randomUUID() + "@example.test";
        HttpResponse<String> r = send(post(gateway.url() + "/api/auth/register", "203.0.113.1",
                "{\"email\":\"" + knownEmail + "\",\"password\":\"" + PASSWORD + "\",\"accountType\":\"coder\"}"));
        assertEquals(201, r.statusCode(), r.body());
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(32)).build();

    private static HttpRequest post(String url, String clientAddress, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientAddress)
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private record Outcome(String kind, int status, String contentType, String retryAfter, String error) {
    }

    @Test
    void threeHundredAtOnceGetAnAnswerEachAndTheGatewayStaysUp() throws Exception {
        // a signed-in user who keeps working during the flood
        HttpResponse<String> signedIn = send(post(gateway.url() + "/api/auth/login", "203.0.113.1",
                "{\"email\":\"" + knownEmail + "\",\"password\":\"" + PASSWORD + "\"}"));
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        String token = Http.field(signedIn.body(), "accessToken");
        // who keeps working was working before: the gateway holds a connection to code-service when the flood begins
        // (a gateway started a second ago, opening its first upstream connection while 300 hashes take both cores,
        // can wait longer than its 2 s connect timeout: that is a cold start, not the flood)
        for (String path : new String[]{"/api/code-systems", "/api/me"}) {
            assertEquals(200, CLIENT.send(HttpRequest.newBuilder(URI.create(gateway.url() + path))
                    .header("Authorization", "Bearer " + token).header("X-Forwarded-For", "203.0.113.1").build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), path);
        }

        List<HttpRequest> flood = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String address = i < FROM_ONE_ADDRESS ? "198.51.100.1" : "10." + (i / 250) + "." + (i % 250) + ".9";
            switch (i % 3) {
                case 0 -> {
                    String email = i % 2 == 0 ? knownEmail : "nobody-" + UUID.randomUUID() + "@example.test";
                    flood.add(post(gateway.url() + "/api/auth/login", address,
                            "{\"email\":\"" + email + "\",\"password\":\"Wrong-Password-" + i + "\"}"));
                    kinds.add("login");
                }
                case 1 -> {
                    flood.add(post(gateway.url() + "/api/auth/register", address, "{\"email\":\"flood-" + UUID.randomUUID()
                            + "@example.test\",\"password\":\"" + PASSWORD + "\",\"accountType\":\"coder\"}"));
                    kinds.add("register");
                }
                default -> {
                    flood.add(post(gateway.url() + "/api/auth/guest", address, null));
                    kinds.add("guest");
                }
            }
        }

        AtomicBoolean flooding = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> served = new ConcurrentLinkedQueue<>();
        ExecutorService meanwhile = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> normal = CompletableFuture.runAsync(() -> {
            while (flooding.get()) {
                for (String path : new String[]{"/api/code-systems", "/api/me"}) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(gateway.url() + path))
                                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                                        .header("X-Forwarded-For", "203.0.113.1").build(),
                                HttpResponse.BodyHandlers.ofString());
                        served.add(path + " " + r.statusCode() + " " + (System.nanoTime() - start) / 1_000_000 + "ms");
                    } catch (Exception e) {
                        served.add(path + " failed: " + e);
                    }
                }
            }
        }, meanwhile);

        List<CompletableFuture<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < flood.size(); i++) {
            String kind = kinds.get(i);
            calls.add(CLIENT.sendAsync(flood.get(i), HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> new Outcome(kind, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                            r.headers().firstValue("Retry-After").orElse(null), null))
                    .exceptionally(e -> new Outcome(kind, -1, "", null, e.toString())));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (CompletableFuture<Outcome> call : calls) {
            outcomes.add(call.get());
        }
        flooding.set(false);
        normal.get();
        meanwhile.shutdown();

        Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
        for (Outcome o : outcomes) {
            byKind.computeIfAbsent(o.kind(), k -> new TreeMap<>()).merge(o.status(), 1, Integer::sum);
        }
        String summary = byKind + "; signed-in user during the flood: " + served.size() + " requests";
        System.out.println("AuthFloodIT: " + summary);

        assertTrue(gateway.alive(), "the gateway is still running: " + summary + "\n" + gateway.tail());
        assertFalse(gateway.output().contains("OutOfMemoryError"), "no OutOfMemoryError in the gateway's log");
        Map<String, Set<Integer>> allowed = Map.of("login", Set.of(401, 429, 503),
                "register", Set.of(201, 429, 503), "guest", Set.of(201, 429, 503));
        for (Outcome o : outcomes) {
            assertTrue(o.error() == null, "every request gets an HTTP answer: " + o + " (" + summary + ")");
            assertTrue(allowed.get(o.kind()).contains(o.status()), "unexpected answer " + o + " (" + summary + ")");
            if (o.status() == 429 || o.status() == 503) {
                assertEquals("application/problem+json", o.contentType(), o.toString());
                assertTrue(o.retryAfter() != null && Integer.parseInt(o.retryAfter()) >= 1, "Retry-After: " + o);
            }
        }
        assertTrue(byKind.get("register").getOrDefault(201, 0) > 0, "some registrations succeed: " + summary);
        assertTrue(byKind.get("guest").getOrDefault(201, 0) > 0, "guests are served: " + summary);
        assertTrue(outcomes.stream().anyMatch(o -> o.status() == 429),
                FROM_ONE_ADDRESS + " from one address exceed its auth rate limit: " + summary);

        List<String> normalAnswers = new ArrayList<>(served);
        assertFalse(normalAnswers.isEmpty());
        List<String> notServed = normalAnswers.stream().filter(s -> !s.matches("\\S+ 200 \\d+ms")).toList();
        assertEquals(Collections.emptyList(), notServed, "a signed-in user is served during the flood");

        // afterwards the gateway signs people in as before
        HttpResponse<String> after = send(post(gateway.url() + "/api/auth/login", "203.0.113.77",
                "{\"email\":\"" + knownEmail + "\",\"password\":\"" + PASSWORD + "\"}"));
        assertEquals(200, after.statusCode(), after.body());
        assertEquals(200, Http.get(gateway.managementUrl() + "/q/health/ready", null).statusCode());
    }
}
