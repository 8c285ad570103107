package com.casecoding.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * PostgreSQL stops under load: requests that need the database fail fast with a 503 problem+json (no hang, no 500),
 * readiness goes down, and when the database is back every service recovers on its own with no committed data lost.
 * The CI run stops the database once for about 10 s; {@code -Dcasecoding.long=true} runs three longer outages.
 */
class DatabaseOutageIT {

    /**
     * Answers slower than this during the outage count as a hang. The services give up on the database after their
     * datasource acquisition timeout (5 s) with a 3 s connect timeout; the rest is margin for a shared 2-core CI machine.
     * The slowest answer is printed on every run.
     */
    static final Duration FAIL_FAST = Duration.ofSeconds(15);


    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static ReliabilityPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = ReliabilityPlatform.get();
    }

    record Outcome(String what, int status, String contentType, long millis, String body) {
    }

    @Test
    void servicesFailFastDuringAnOutageAndRecoverWithEveryCommittedRow() throws Exception {
        boolean longRun = Boolean.getBoolean("casecoding.long");
        int cycles = longRun ? 3 : 1;
        Duration outage = longRun ? Duration.ofSeconds(45) : Duration.ofSeconds(8);
        String gateway = platform.gateway.url();
        String admin = platform.adminToken();
        String guest = Http.guestToken(gateway);

        for (int cycle = 1; cycle <= cycles; cycle++) {
            // committed before the outage: an account that must still log in afterwards, and every row of every table
            String email = "outage-" + UUID.randomUUID() + "@example.test";
            String token = Http.freeToken(gateway, email);
            assertTrue(token != null && !token.isBlank());
            Map<String, Set<String>> before = primaryKeys();

            ConcurrentLinkedQueue<String> registered = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Outcome> duringOutage = new ConcurrentLinkedQueue<>();
            AtomicBoolean databaseDown = new AtomicBoolean();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(6);
            List<String[]> reads = List.of(
                    new String[]{"GET /api/me (gateway, identity schema)", gateway + "/api/me", admin},
                    new String[]{"GET /api/jobs (careers-service)", gateway + "/api/jobs", null},
                    new String[]{"GET /api/code-systems (code-service)", gateway + "/api/code-systems", guest},
                    new String[]{"GET /api/releases (code-service)", gateway + "/api/releases", guest});
            for (String[] read : reads) {
                load.submit(() -> {
                    while (running.get()) {
                        boolean down = databaseDown.get();
                        Outcome o = call(read[0], "GET", read[1], read[2], null);
                        if (down || databaseDown.get()) {
                            duringOutage.add(o);
                        }
                        pause(50);
                    }
                });
            }
            for (int w = 0; w < 2; w++) {
                load.submit(() -> {
                    while (running.get()) {
                        String e = "outage-load-" + UUID.randomUUID() + "@example.test";
                        boolean down = databaseDown.get();
                        Outcome o = call("POST /api/auth/register (gateway, writes)", "POST", gateway + "/api/auth/register",
                                null, "{\"email\":\"" + e + "\",\"password\":\"Sphenopalatine-64505\",\"accountType\":\"coder\"}");
                        if (o.status == 201) {
                            registered.add(e);
                        }
                        if (down || databaseDown.get()) {
                            duringOutage.add(o);
                        }
                        pause(100);
                    }
                });
            }
            pause(1500);
            platform.stopDatabase();
            databaseDown.set(true);
            long downSince = System.nanoTime();
            // readiness goes down on every service
            Map<String, Integer> readiness = new HashMap<>();
            for (ServiceProcess s : new ServiceProcess[]{platform.gateway, platform.codeService, platform.careersService}) {
                readiness.put(s.name, awaitStatus(s.managementUrl() + "/q/health/ready", 503, Duration.ofSeconds(20)));
            }
            long remaining = outage.toMillis() - (System.nanoTime() - downSince) / 1_000_000;
            pause(Math.max(0, remaining));
            databaseDown.set(false);
            platform.startDatabase();
            // recovery on its own: readiness and real requests come back without restarting any service
            Map<String, Integer> recovered = new HashMap<>();
            for (ServiceProcess s : new ServiceProcess[]{platform.gateway, platform.codeService, platform.careersService}) {
                recovered.put(s.name, awaitStatus(s.managementUrl() + "/q/health/ready", 200, Duration.ofSeconds(60)));
            }
            pause(1500);
            running.set(false);
            load.shutdown();
            assertTrue(load.awaitTermination(60, TimeUnit.SECONDS), "load threads ended");

            Set<String> problems = new java.util.TreeSet<>();
            Map<String, Long> slowest = new java.util.TreeMap<>();
            duringOutage.forEach(o -> slowest.merge(o.what, o.millis, Math::max));
            for (Map.Entry<String, Integer> e : readiness.entrySet()) {
                if (e.getValue() != 503) {
                    problems.add(e.getKey() + ": readiness stayed " + e.getValue() + " with the database down");
                }
            }
            for (Map.Entry<String, Integer> e : recovered.entrySet()) {
                if (e.getValue() != 200) {
                    problems.add(e.getKey() + ": readiness " + e.getValue() + " 60 s after the database came back");
                }
            }
            Map<String, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();
            for (Outcome o : duringOutage) {
                statuses.computeIfAbsent(o.what, k -> new ConcurrentHashMap<>()).merge(o.status, 1, Integer::sum);
                if (o.millis > FAIL_FAST.toMillis()) {
                    problems.add(o.what + ": answered after " + o.millis + " ms (hang) with the database down");
                } else if (o.status >= 500 && o.status != 503 || o.status < 0) {
                    problems.add(o.what + ": " + (o.status < 0 ? "no answer" : o.status) + " with the database down: "
                            + abbreviate(o.body).replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>"));
                } else if (o.status == 503 && !o.contentType.startsWith("application/problem+json")) {
                    problems.add(o.what + ": 503 as " + o.contentType + " instead of application/problem+json");
                }
            }
            assertTrue(duringOutage.size() > 10, "requests were sent while the database was down: " + duringOutage.size());
            for (String[] read : reads) {
                HttpResponse<String> after = Http.get(read[1], read[2]);
                if (after.statusCode() != 200) {
                    problems.add(read[0] + ": " + after.statusCode() + " after recovery: " + abbreviate(after.body()));
                }
            }
            // no committed data lost
            HttpResponse<String> login = Http.send("POST", gateway + "/api/auth/login", null,
                    "{\"email\":\"" + email + "\",\"password\":\"Sphenopalatine-64505\"}", null);
            if (login.statusCode() != 200) {
                problems.add("the account registered before the outage cannot log in: " + login.statusCode());
            }
            Map<String, Set<String>> after = primaryKeys();
            for (Map.Entry<String, Set<String>> table : before.entrySet()) {
                Set<String> missing = new HashSet<>(table.getValue());
                missing.removeAll(after.getOrDefault(table.getKey(), Set.of()));
                if (!missing.isEmpty()) {
                    problems.add(table.getKey() + ": " + missing.size() + " committed rows gone after the outage");
                }
            }
            Set<String> emails = emails();
            for (String e : registered) {
                if (!emails.contains(e)) {
                    problems.add("account " + e + " was answered 201 but is not in the database after the outage");
                }
            }
            System.out.println("[outage cycle " + cycle + "] statuses while the database was down: " + statuses
                    + "; slowest answer per operation (ms): " + slowest + "; readiness down: " + readiness
                    + "; accounts registered under load: " + registered.size());
            if (!problems.isEmpty()) {
                fail("database outage, cycle " + cycle + ":\n  " + String.join("\n  ", problems));
            }
            assertTrue(before.keySet().stream().anyMatch(t -> t.startsWith("identity.")), "identity tables were checked");
            assertTrue(before.keySet().stream().anyMatch(t -> t.startsWith("careers.")), "careers tables were checked");
            assertTrue(before.keySet().stream().anyMatch(t -> t.startsWith("codes.")), "codes tables were checked");
        }
    }

    static Outcome call(String what, String method, String url, String token, String json) {
        long start = System.nanoTime();
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(what, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    (System.nanoTime() - start) / 1_000_000, r.body());
        } catch (Exception e) {
            return new Outcome(what, -1, "", (System.nanoTime() - start) / 1_000_000, e.toString());
        }
    }

    static int awaitStatus(String url, int wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == wanted) {
                    return last;
                }
            } catch (Exception e) {
                last = -1;
            }
            pause(250);
        }
        return last;
    }

    /** The primary key of every row of every table in the services' schemas, as text. */
    static Map<String, Set<String>> primaryKeys() throws Exception {
        Map<String, Set<String>> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            Map<String, List<String>> keys = new HashMap<>();
            try (ResultSet rs = s.executeQuery("select kcu.table_schema, kcu.table_name, kcu.column_name "
                    + "from information_schema.table_constraints tc join information_schema.key_column_usage kcu "
                    + "on tc.constraint_name = kcu.constraint_name and tc.table_schema = kcu.table_schema "
                    + "where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema in ('identity', 'codes', 'careers') "
                    + "order by kcu.ordinal_position")) {
                while (rs.next()) {
                    keys.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), k -> new ArrayList<>())
                            .add("\"" + rs.getString(3) + "\"");
                }
            }
            for (Map.Entry<String, List<String>> table : keys.entrySet()) {
                String[] parts = table.getKey().split("\\.");
                Set<String> ids = new HashSet<>();
                try (ResultSet rs = s.executeQuery("select concat_ws('|', " + String.join(", ", table.getValue())
                        + ")::text from \"" + parts[0] + "\".\"" + parts[1] + "\"")) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                rows.put(table.getKey(), ids);
            }
        }
        return rows;
    }

    static Set<String> emails() throws Exception {
        Set<String> emails = new HashSet<>();
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select email from identity.account")) {
            while (rs.next()) {
                emails.add(rs.getString(1));
            }
        }
        return emails;
    }

    static String abbreviate(String body) {
        String b = body == null ? "" : body.replaceAll("\\s+", " ");
        return b.length() > 300 ? b.substring(0, 300) + "..." : b;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
