package com.casecoding.benchmarks;

import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.security.ViewGrantKeys;
import com.casecoding.common.security.ViewGrants;
import com.casecoding.devdb.EmbeddedDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;

/**
 * The benchmark run behind {@code benchmarks/run-benchmarks.sh}: starts an embedded PostgreSQL, the three packaged
 * services and HAProxy, runs the scenarios and writes the results in Markdown. Settings are system properties (see
 * {@link #setting}).
 */
public final class BenchmarkMain {

    static final String ISSUER = "https://casecoding.com/auth";
    static final String AUDIENCE = "casecoding-api";
    static final String ADMIN_EMAIL = "bench-admin@casecoding.test";
    /** Benchmark-only account on a throwaway database. */
    static final String ADMIN_PASSWORD = "Bench-" + UUID.randomUUID();
    static final List<String> CANDIDATE_CODES = List.of("E11.9", "I10", "J45.909", "E78.5", "Z00.00", "M54.5", "F32.9",
            "K21.9", "N39.0", "J06.9", "R51.9", "E66.9", "I25.10", "Z79.4", "E11.65", "J44.9", "I48.91", "G43.909",
            "M17.11", "R10.9", "E03.9", "F41.1", "K58.9", "L40.0", "N18.3", "R05.9", "Z23", "E55.9", "I50.9", "M79.7");

    private final Path repo;
    private final Path work;
    private final Duration warmup;
    private final Duration measure;
    private final double rate;
    /** JVM options per service: each service's {@code jvm.options} file, or {@code bench.jvm} for all. */
    private final Map<String, List<String>> jvm = new LinkedHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final OpenLoopLoad load = new OpenLoopLoad(client, Duration.ofSeconds(10));
    private final ObjectMapper json = new ObjectMapper();
    private final List<LoadResult> results = new ArrayList<>();
    private final List<LoadResult> throughput = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** CPU per request during the wrk rows, per target (see {@link CpuPerRequest}). */
    private final Map<String, Map<String, Double>> wrkCpu = new LinkedHashMap<>();
    /** Signs view grants with the run's grant key, for the direct and HAProxy calls of code pages (as the gateway does). */
    private ViewGrants grants;
    /** The busy-site rows and their targets (issue 28), in the order they run. */
    private final List<Report.BusyTarget> busy = new ArrayList<>();
    /** What the report needs besides the rows, set as the run gets there, so that a partial report can be written. */
    private Path out;
    private Instant began;
    private String loadBefore;
    private String dataLabel = "";
    private String haproxyBinary = "haproxy";
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, long[]> restarts = new LinkedHashMap<>();
    private final Map<String, Long> rssAfter = new LinkedHashMap<>();

    private BenchmarkMain() throws IOException {
        repo = Path.of(setting("bench.repo", "..")).toAbsolutePath().normalize();
        work = Files.createTempDirectory("casecoding-bench");
        warmup = Duration.ofSeconds(Long.parseLong(setting("bench.warmup-seconds", "10")));
        measure = Duration.ofSeconds(Long.parseLong(setting("bench.measure-seconds", "30")));
        rate = Double.parseDouble(setting("bench.rate", "300"));
        for (String service : List.of("code-service", "careers-service", "gateway")) {
            String options = setting("bench.jvm", "");
            Path file = repo.resolve(service).resolve("jvm.options");
            if (options.isBlank() && Files.isRegularFile(file)) {
                options = Files.readString(file);
            }
            jvm.put(service, Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        }
    }

    static String setting(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public static void main(String[] args) throws Exception {
        new BenchmarkMain().run(Path.of(setting("bench.out", "RESULTS.md")).toAbsolutePath());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Restarts per service; the report gives the median and the range. */
    static final int RESTARTS = 3;
    static final double QUIET_IDLE = 0.8;
    static final Duration QUIET_MAX = Duration.ofSeconds(90);
    private final List<String> idleNotes = new ArrayList<>();

    /** Waits for a quiet machine (see {@link MachineIdle}); returns the seconds waited, one decimal. */
    private static String awaitQuietMachine() throws InterruptedException {
        long waited = MachineIdle.await(QUIET_IDLE, Duration.ofSeconds(1), QUIET_MAX);
        return String.format(Locale.ROOT, "%.1f", waited / 1000.0);
    }

    /**
     * Writes the report with what has been measured so far: {@code incomplete} says where the run is (null for the
     * final report). A run that dies later still leaves every finished row behind.
     */
    private void writeReport(String incomplete) throws IOException {
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
        Files.writeString(out, Report.markdown(began, loadBefore, loadAfter, haproxyBinary, rate, warmup, measure, jvm,
                dataLabel, services, rssAfter, restarts, results, throughput, wrkCpu, notes, busy, incomplete));
    }

    interface Step {
        void run() throws Exception;
    }

    /**
     * One scenario: when it fails (a registration timing out under load, a refused connection...), its rows are marked
     * as not completed and the run goes on with the next one; the report is rewritten after every scenario.
     */
    private void step(String label, double stepRate, Step step) throws Exception {
        try {
            step.run();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            results.add(LoadResult.notAvailable(label, stepRate, "did not complete (overloaded or failed): " + e));
            System.out.println("[bench] " + label + " did not complete: " + e);
        }
        writeReport("the run was still going after \"" + label + "\" (or stopped there).");
    }

    private void run(Path out) throws Exception {
        // stopped early (Ctrl-C, kill): no service, HAProxy, wrk or database of the run is left running
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroy), "bench-cleanup"));
        this.out = out;
        loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        began = Instant.now();
        Path logs = repo.resolve("benchmarks/target/logs");
        Path keys = Files.createDirectories(work.resolve("keys"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Files.writeString(keys.resolve("bench-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        // the view grant key shared by the gateway and code-service, as ./run makes one
        Path grantKeys = Files.createDirectories(keys.resolve("view-grant"));
        byte[] grantKey = new byte[32];
        new java.security.SecureRandom().nextBytes(grantKey);
        Files.writeString(grantKeys.resolve("bench"), Base64.getEncoder().encodeToString(grantKey));
        grants = new ViewGrants(ViewGrantKeys.of(Map.of("bench", grantKey), "bench"));

        try (EmbeddedDatabase db = EmbeddedDatabase.start(null, 0)) {
            int gatewayPort = freePort();
            int codePort = freePort();
            int careersPort = freePort();
            Map<String, String> common = new HashMap<>();
            common.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
            common.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
            common.put("QUARKUS_DATASOURCE_PASSWORD", "");
            common.put("CASECODING_JWKS_URL", "http://127.0.0.1:" + gatewayPort + "/.well-known/jwks.json");
            common.put("QUARKUS_MAILER_MOCK", "true");
            common.put("CASECODING_VIEW_GRANT_KEY_DIR", grantKeys.toString());
            common.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2")); // as ./run does

            Map<String, String> codeEnv = new HashMap<>(common);
            codeEnv.put("CODE_SERVICE_PORT", Integer.toString(codePort));
            codeEnv.put("CODES_DEMO_DATA", "true");
            Path shared = repo.resolveSibling("shared").resolve("data");
            dataLabel = "demo data (CODES_DEMO_DATA=true)";
            if (Files.isDirectory(shared)) {
                codeEnv.put("CODES_IMPORT_DIR", shared.toString());
                dataLabel = "CODES_IMPORT_DIR=" + shared + " (imported if this build of code-service supports it) + demo data";
            }
            Map<String, String> careersEnv = new HashMap<>(common);
            careersEnv.put("CAREERS_SERVICE_PORT", Integer.toString(careersPort));
            careersEnv.put("CAREERS_DEMO_DATA", "true");
            Map<String, String> gatewayEnv = new HashMap<>(common);
            gatewayEnv.put("GATEWAY_PORT", Integer.toString(gatewayPort));
            gatewayEnv.put("GATEWAY_JWT_KEY_DIR", keys.toString());
            gatewayEnv.put("CODE_SERVICE_URL", "http://127.0.0.1:" + codePort);
            gatewayEnv.put("CAREERS_SERVICE_URL", "http://127.0.0.1:" + careersPort);
            gatewayEnv.put("GATEWAY_ADMIN_EMAIL", ADMIN_EMAIL);
            gatewayEnv.put("GATEWAY_ADMIN_PASSWORD", ADMIN_PASSWORD);
            List<String> gatewayJvm = new ArrayList<>(jvm.get("gateway"));
            // the benchmark measures latency, not the per-account limiter: lift the per-minute limits for this run, and
            // the per-address limits (every benchmark client is 127.0.0.1)
            for (String family : List.of("search", "assistant", "jobs", "auth")) {
                for (String plan : List.of("anonymous", "guest", "free", "pro")) {
                    gatewayJvm.add("-Dgateway.rate-limits." + family + ".per-minute." + plan + "=1000000");
                }
            }
            gatewayJvm.add("-Dgateway.guest.max-per-address=1000000");
            gatewayJvm.add("-Dgateway.login.address-free-failures=1000000");

            Path jars = repo;
            try {
                idleNotes.add("code-service: " + awaitQuietMachine() + " s");
                services.put("code-service", Service.start("code-service", jar(jars, "code-service"), codePort, jvm.get("code-service"),
                        codeEnv, logs));
                // code-service imports CODES_IMPORT_DIR and builds its search index after it is ready: let it finish,
                // so that the other services' start-up times are not measured against a running import
                long settled = services.get("code-service").awaitIdle(0.2, Duration.ofSeconds(2), Duration.ofMinutes(5));
                notes.add("code-service finished its start-up import and indexing " + settled / 1000
                        + " s after it was ready; the other services were started after that.");
                idleNotes.add("careers-service: " + awaitQuietMachine() + " s");
                services.put("careers-service", Service.start("careers-service", jar(jars, "careers-service"), careersPort,
                        jvm.get("careers-service"), careersEnv, logs));
                idleNotes.add("gateway: " + awaitQuietMachine() + " s");
                services.put("gateway", Service.start("gateway", jar(jars, "gateway"), gatewayPort, gatewayJvm, gatewayEnv, logs));
                String gateway = services.get("gateway").url();
                String code = services.get("code-service").url();

                String openapi = get(gateway + "/q/openapi?format=json", null).body();
                String adminToken = login(gateway);
                String jwks = get(gateway + "/.well-known/jwks.json", null).body();
                String pem = Jwks.rsaPublicKeyPem(jwks, "bench-key");
                haproxyBinary = setting("bench.haproxy", "haproxy");
                Haproxy haproxy = null;
                try {
                    haproxy = Haproxy.start(haproxyBinary, work, freePort(), pem, ISSUER, AUDIENCE, codePort, 2);
                } catch (Exception e) {
                    notes.add("HAProxy could not start (" + e.getMessage() + "): the HAProxy rows are missing.");
                }
                try {
                    Map<String, Long> pids = new LinkedHashMap<>();
                    pids.put("code-service", services.get("code-service").process.pid());
                    pids.put("gateway", services.get("gateway").process.pid());
                    if (haproxy != null) {
                        pids.put("HAProxy", haproxy.pid());
                    }
                    scenarios(gateway, code, haproxy, openapi, adminToken, pids);
                } finally {
                    if (haproxy != null) {
                        haproxy.close();
                    }
                }
                services.forEach((n, s) -> rssAfter.put(n, s.rssKb()));
                // restarts of each service on the now migrated database (what a restart or a new replica costs), each
                // on a quiet machine and after the previous instance finished its background work; the median counts
                for (String name : part("restarts") ? List.of("code-service", "careers-service", "gateway")
                        : List.<String>of()) {
                    Map<String, String> env = name.equals("gateway") ? gatewayEnv : name.equals("code-service") ? codeEnv : careersEnv;
                    List<long[]> runs = new ArrayList<>();
                    for (int i = 0; i < RESTARTS; i++) {
                        Service previous = services.get(i == 0 ? name : name + "#2");
                        previous.close();
                        awaitQuietMachine();
                        Service again = Service.start(name, jar(jars, name), previous.port,
                                name.equals("gateway") ? gatewayJvm : jvm.get(name), env, logs);
                        services.put(name + "#2", again);
                        runs.add(new long[]{again.startupMillis, again.rssAtReadyKb, again.cpuMillisAtReady});
                        again.awaitIdle(0.2, Duration.ofSeconds(2), Duration.ofMinutes(5));
                    }
                    runs.sort(Comparator.comparingLong(r -> r[0]));
                    long[] median = runs.get(runs.size() / 2);
                    restarts.put(name, new long[]{median[0], median[1], median[2], runs.get(0)[0],
                            runs.get(runs.size() - 1)[0], runs.stream().mapToLong(r -> r[1]).max().orElse(-1)});
                }
                notes.add("Before each start the run waited for the CPUs to be at least " + Math.round(QUIET_IDLE * 100)
                        + " % idle over one second (at most " + QUIET_MAX.toSeconds() + " s); first starts waited "
                        + String.join(", ", idleNotes) + ".");
                writeReport(null);
                System.out.println("wrote " + out);
            } finally {
                for (Service s : services.values()) {
                    s.close();
                }
            }
        }
    }

    /** Rounds of one wrk target as one row: requests added up, the rounds' mean rate, the worst round's latencies. */
    static LoadResult combine(String label, List<LoadResult> rounds, int secondsEach, int count) {
        List<LoadResult> ok = rounds.stream().filter(LoadResult::available).toList();
        if (ok.isEmpty()) {
            return LoadResult.notAvailable(label, 0, rounds.isEmpty() ? "no wrk run" : rounds.get(0).note());
        }
        long requests = ok.stream().mapToLong(LoadResult::requests).sum();
        long errors = ok.stream().mapToLong(LoadResult::errors).sum();
        double rate = ok.stream().mapToDouble(LoadResult::achievedRate).sum() / ok.size();
        long p50 = ok.stream().mapToLong(LoadResult::p50).max().orElse(-1);
        long p99 = ok.stream().mapToLong(LoadResult::p99).max().orElse(-1);
        return new LoadResult(label, 0, requests, errors, Map.of(), rate, p50, -1, p99, -1,
                ok.get(0).note() + ", " + count + " interleaved rounds of " + secondsEach + " s (worst round's latency)");
    }

    private static Path jar(Path repo, String module) {
        return repo.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private void scenarios(String gateway, String code, Haproxy haproxy, String openapi, String adminToken,
                           Map<String, Long> pids) throws Exception {
        IntPredicate ok = s -> s == 200;
        boolean pages = documented(openapi, "/api/codes/{system}/{code}");
        // the rows run as a pro account, not as the administrator: an admin token is checked against the stored account
        // on every request (auth.Revocations), which a benchmark of the data path must not measure
        Account pro = register(gateway);
        proTokens(gateway, adminToken, List.of(pro));
        userLogin = () -> login(gateway, pro.email(), ACCOUNT_PASSWORD);
        // 1. the gateway's cost on a cheap authenticated read (exists on every build)
        if (part("compare")) step("GET /api/code-systems", rate, () -> compare("GET /api/code-systems", "/api/code-systems", gateway, code,
                haproxy, userLogin.call(), ok));

        // 2. the code page: direct (view grant off), through the gateway (pro account: counted, unlimited), HAProxy
        if (part("compare")) step("GET /api/codes/icd10cm/{code}", rate, () -> {
            if (!pages) {
                for (String where : List.of("direct", "gateway", "HAProxy")) {
                    results.add(LoadResult.notAvailable("GET /api/codes/icd10cm/{code} (" + where + ")", rate,
                            "not available: no code page endpoint in /q/openapi on this build"));
                }
                return;
            }
            List<String> codes = pageCodes(code, userLogin.call());
            compareCodePage(gateway, code, haproxy, userLogin.call(), codes,
                    s -> s == 200 || (codes == CANDIDATE_CODES && s == 404));
        });

        // 3. maximum throughput, closed loop
        if (part("throughput")) step("Maximum throughput", 0, () -> maxThroughput(gateway, code, haproxy, openapi, pids, ok));

        // 4. search and suggest
        double featureRate = Double.parseDouble(setting("bench.feature-rate", "100"));
        if (part("features")) step("GET /api/search?q=diabetes (gateway)", featureRate, () -> openLoop(openapi, "/api/search",
                "GET /api/search?q=diabetes (gateway)", featureRate,
                t -> i -> request(gateway + "/api/search?q=diabetes", t), gateway, ok));
        if (part("features")) step("GET /api/search/suggest?q=diab (gateway)", featureRate, () -> openLoop(openapi, "/api/search/suggest",
                "GET /api/search/suggest?q=diab (gateway)", featureRate,
                t -> i -> request(gateway + "/api/search/suggest?q=diab", t), gateway, ok));

        // 5. quota-counted views: fresh free accounts on distinct codes (6 pages each, then 403)
        double quotaRate = Double.parseDouble(setting("bench.quota-rate", "50"));
        if (part("quota")) step("Quota-counted views, free accounts (gateway)", quotaRate, () -> {
            if (pages) {
                quotaViews(gateway, code, quotaRate);
            } else {
                results.add(LoadResult.notAvailable("Quota-counted views, free accounts (gateway)", quotaRate,
                        "not available: no code page endpoint in /q/openapi on this build"));
            }
        });

        // 6. claim check, assistant, job search
        String claim = "{\"dateOfService\":\"2026-04-15\",\"setting\":\"practitioner\",\"diagnoses\":[\"E11.9\",\"I10\"],"
                + "\"lines\":[{\"code\":\"99213\",\"units\":1,\"diagnosisPointers\":[1,2]},"
                + "{\"code\":\"83036\",\"units\":1,\"diagnosisPointers\":[1]}]}";
        if (part("features")) step("POST /api/claims/check (gateway)", featureRate, () -> openLoop(openapi, "/api/claims/check",
                "POST /api/claims/check (gateway)", featureRate,
                t -> i -> post(gateway + "/api/claims/check", t, claim), gateway, ok));
        double assistantRate = Double.parseDouble(setting("bench.assistant-rate", "10"));
        if (part("features")) step("POST /api/assistant/ask (gateway)", assistantRate, () -> openLoop(openapi, "/api/assistant/ask",
                "POST /api/assistant/ask (gateway)", assistantRate, t -> i -> post(gateway + "/api/assistant/ask", t,
                        "{\"question\":\"Which code fits type 2 diabetes without complications?\"}"), gateway, ok));
        if (part("features")) step("GET /api/jobs?q=coder (gateway)", featureRate, () -> openLoop(openapi, "/api/jobs",
                "GET /api/jobs?q=coder (gateway)", featureRate,
                t -> i -> request(gateway + "/api/jobs?q=coder", t), gateway, ok));

        // 7. a busy site's rates (issue 28), over many distinct accounts
        if (part("busy")) {
            busySite(gateway, code, adminToken, pages, ok);
        }
    }

    /**
     * Whether this part of the run is on: {@code bench.only} lists some of compare, throughput, features, quota, busy,
     * restarts (all when unset), to measure again what a change touched without the whole run.
     */
    static boolean part(String name) {
        String only = setting("bench.only", "");
        return only.isBlank() || List.of(only.split(",")).stream().map(String::trim).anyMatch(name::equals);
    }

    /** Codes whose pages exist (answer 200 directly), or the candidates when none does (the rows then accept 404). */
    private List<String> pageCodes(String code, String token) throws Exception {
        List<String> codes = existingCodes(code, token);
        if (codes.isEmpty()) {
            notes.add("No candidate ICD-10-CM code answered 200 directly: the code page rows use codes answering 404.");
            return CANDIDATE_CODES;
        }
        return codes;
    }

    private void maxThroughput(String gateway, String code, Haproxy haproxy, String openapi, Map<String, Long> pids,
                               IntPredicate ok) throws Exception {
        int concurrency = Integer.parseInt(setting("bench.throughput.concurrency", "32"));
        Duration tpWarm = Duration.ofSeconds(5);
        Duration tpMeasure = Duration.ofSeconds(Long.parseLong(setting("bench.throughput.seconds", "30")));
        String tpToken = userLogin.call();
        Map<String, String> tpTargets = new LinkedHashMap<>();
        tpTargets.put("direct", code);
        tpTargets.put("gateway", gateway);
        if (haproxy != null) {
            tpTargets.put("HAProxy", haproxy.url());
        }
        int rounds = Integer.parseInt(setting("bench.rounds", "3"));
        Map<String, OpenLoopLoad.Accumulator> tp = new LinkedHashMap<>();
        tpTargets.keySet().forEach(k -> tp.put(k, new OpenLoopLoad.Accumulator()));
        List<String> order = new ArrayList<>(tpTargets.keySet());
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < order.size(); k++) {
                String target = order.get((k + round) % order.size());
                String base = tpTargets.get(target);
                load.maxThroughputInto(tp.get(target), concurrency, tpWarm, tpMeasure.dividedBy(rounds),
                        i -> request(base + "/api/code-systems", tpToken), ok);
            }
        }
        tp.forEach((target, acc) -> throughput.add(acc.result("GET /api/code-systems (" + target + ")", 0,
                concurrency + " connections, closed loop, " + rounds + " interleaved rounds")));
        String wrk = Wrk.find();
        if (wrk == null) {
            notes.add("wrk is not installed (Debian package wrk): no wrk throughput rows.");
            return;
        }
        int wrkSeconds = (int) Math.max(5, tpMeasure.toSeconds() / rounds);
        WrkRows rows = new WrkRows(wrk, tpTargets, order, pids, tpToken, concurrency, wrkSeconds, rounds);
        rows.run("GET /api/code-systems (", "", "/api/code-systems", target -> List.of());
        if (documented(openapi, "/api/codes/{system}/{code}")) {
            List<String> codes = existingCodes(code, tpToken);
            String page = "/api/codes/icd10cm/" + (codes.isEmpty() ? CANDIDATE_CODES.get(0) : codes.get(0));
            // direct and HAProxy calls carry a grant made for the run (valid 300 s, longer than a round)
            rows.run(CODE_PAGE_WRK, ", code page", page, target -> target.equals("gateway") ? List.of()
                    : List.of("X-View-Grant: " + grant(tpToken, codeOf(page))));
        }
    }

    /** Queries people type into Case2Code: words, brands, shorthand, codes (the busy-site search row rotates them). */
    static final List<String> SEARCH_QUERIES = List.of("diabetes", "type 2 diabetes with neuropathy", "chest pain",
            "knee replacement", "hypertension", "copd exacerbation", "rocephin", "modifier 25", "lap appy", "uti",
            "cva", "wrist fracture", "established patient office visit", "screening colonoscopy", "depression",
            "low back pain", "asthma", "pneumonia", "sepsis", "chf", "flu vaccine", "mri brain", "cataract surgery",
            "E11.9", "99213", "J1100", "ckd stage 3", "obesity", "migraine", "anemia");
    /** Prefixes typed into the search box (the busy-site suggest row rotates them). */
    static final List<String> SUGGEST_PREFIXES = List.of("diab", "hyper", "knee", "chest p", "asth", "pneu", "seps",
            "colon", "frac", "depr", "migr", "obes", "anem", "gerd", "copd", "cata", "flu", "insu", "E11", "I10", "992",
            "J01", "Z00", "M54");

    /**
     * The rates a busy coding site sees, each through the gateway and over many distinct accounts (issue 28): code pages
     * by pro accounts (counted, unlimited) on rotating cached codes, suggest on rotating prefixes and search on rotating
     * queries by registered accounts.
     */
    private void busySite(String gateway, String code, String adminToken, boolean pages, IntPredicate ok)
            throws Exception {
        double pageRate = Double.parseDouble(setting("bench.page-rate", "1000"));
        double suggestRate = Double.parseDouble(setting("bench.suggest-rate", "500"));
        double searchRate = Double.parseDouble(setting("bench.search-rate", "300"));
        int users = Integer.parseInt(setting("bench.users", "100"));
        String pageLabel = "Code page, " + users / 4 + " pro accounts (gateway, busy site)";
        String suggestLabel = "Suggest, " + SUGGEST_PREFIXES.size() + " prefixes, " + users + " accounts (gateway, busy site)";
        String searchLabel = "Search, " + SEARCH_QUERIES.size() + " queries, " + users + " accounts (gateway, busy site)";
        busy.add(new Report.BusyTarget(pageLabel, pageRate, 10));
        busy.add(new Report.BusyTarget(suggestLabel, suggestRate, 10));
        busy.add(new Report.BusyTarget(searchLabel, searchRate, 20));
        List<Account> accounts = new ArrayList<>();
        step("Accounts for the busy-site rows", 0, () -> accounts.addAll(registerAccounts(gateway, users)));
        if (accounts.size() < users) {
            return;
        }
        // a quarter of the accounts become pro for the code pages (their earlier tokens stop working: a plan change
        // revokes them); search and suggest then use the pro tokens and the other accounts' free ones
        List<String> pro = new ArrayList<>();
        step("Pro accounts for the busy-site rows", 0, () -> pro.addAll(proTokens(gateway, adminToken,
                accounts.subList(0, users / 4))));
        if (pro.isEmpty()) {
            return;
        }
        List<String> tokens = new ArrayList<>(pro);
        accounts.subList(users / 4, users).forEach(a -> tokens.add(a.token()));
        step(pageLabel, pageRate, () -> {
            if (!pages) {
                results.add(LoadResult.notAvailable(pageLabel, pageRate, "not available: no code page endpoint"));
                return;
            }
            List<String> codes = pageCodes(code, pro.get(0));
            results.add(load.run(pageLabel, pageRate, warmup, measure, i -> request(gateway + "/api/codes/icd10cm/"
                    + codes.get((int) (i % codes.size())), pro.get((int) (i % pro.size()))),
                    s -> s == 200 || (codes == CANDIDATE_CODES && s == 404)));
            pause();
        });
        step(suggestLabel, suggestRate, () -> {
            results.add(load.run(suggestLabel, suggestRate, warmup, measure, i -> request(gateway
                    + "/api/search/suggest?q=" + encode(SUGGEST_PREFIXES.get((int) (i % SUGGEST_PREFIXES.size()))),
                    tokens.get((int) (i % tokens.size()))), ok));
            pause();
        });
        step(searchLabel, searchRate, () -> {
            results.add(load.run(searchLabel, searchRate, warmup, measure, i -> request(gateway + "/api/search?q="
                    + encode(SEARCH_QUERIES.get((int) (i % SEARCH_QUERIES.size()))),
                    tokens.get((int) ((i / SEARCH_QUERIES.size() + i) % tokens.size()))), ok));
            pause();
        });
    }

    private static String encode(String query) {
        return java.net.URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** A registered account of the run. */
    record Account(String id, String email, String token) {
    }

    static final String ACCOUNT_PASSWORD = "Sphenopalatine-64505";

    /** Registers a free coder account. */
    private Account register(String gateway) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.test";
        HttpResponse<String> r = send("POST", gateway + "/api/auth/register", null, "{\"email\":\"" + email
                + "\",\"password\":\"" + ACCOUNT_PASSWORD + "\",\"accountType\":\"coder\"}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("registration failed: " + r.statusCode() + " " + r.body());
        }
        String token = json.readTree(r.body()).path("accessToken").asText();
        return new Account(subject(token), email, token);
    }

    private List<Account> registerAccounts(String gateway, int count) throws Exception {
        List<Account> accounts = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            accounts.add(register(gateway));
        }
        return accounts;
    }

    /** Accounts made pro by the administrator, logged in again (a plan change revokes the tokens held before it). */
    private List<String> proTokens(String gateway, String adminToken, List<Account> accounts) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (Account account : accounts) {
            HttpResponse<String> plan = send("PUT", gateway + "/api/admin/accounts/" + account.id() + "/plan", adminToken,
                    "{\"plan\":\"pro\"}");
            if (plan.statusCode() != 200) {
                throw new IllegalStateException("plan change failed: " + plan.statusCode() + " " + plan.body());
            }
            tokens.add(login(gateway, account.email(), ACCOUNT_PASSWORD));
        }
        return tokens;
    }

    /**
     * Maximum-throughput rows with wrk against every target in interleaved rounds (the order rotating each round), with
     * the CPU per request of each process during them: one row per target, one CPU row per target.
     */
    private final class WrkRows {
        private final String wrk;
        private final Map<String, String> targets;
        private final List<String> order;
        private final Map<String, Long> pids;
        private final String token;
        private final int concurrency;
        private final int seconds;
        private final int rounds;

        WrkRows(String wrk, Map<String, String> targets, List<String> order, Map<String, Long> pids, String token,
                int concurrency, int seconds, int rounds) {
            this.wrk = wrk;
            this.targets = targets;
            this.order = order;
            this.pids = pids;
            this.token = token;
            this.concurrency = concurrency;
            this.seconds = seconds;
            this.rounds = rounds;
        }

        /** Rows labelled {@code label + target + ", wrk)"}, CPU rows {@code target + cpuSuffix}. */
        void run(String label, String cpuSuffix, String path, java.util.function.Function<String, List<String>> headers)
                throws Exception {
            Map<String, List<LoadResult>> runs = new LinkedHashMap<>();
            Map<String, CpuPerRequest> cpu = new LinkedHashMap<>();
            targets.keySet().forEach(k -> {
                runs.put(k, new ArrayList<>());
                cpu.put(k, new CpuPerRequest(pids));
            });
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < order.size(); k++) {
                    String target = order.get((k + round) % order.size());
                    CpuPerRequest.Reading before = cpu.get(target).read();
                    LoadResult run = Wrk.run(wrk, target, targets.get(target) + path, token, headers.apply(target), 2,
                            concurrency, seconds);
                    cpu.get(target).add(before, cpu.get(target).read(), run.available() ? run.requests() : 0);
                    runs.get(target).add(run);
                }
            }
            runs.forEach((target, list) -> throughput.add(combine(label + target + ", wrk)", list, seconds, rounds)));
            cpu.forEach((target, account) -> wrkCpu.put(target + cpuSuffix, account.micros()));
        }
    }

    /** Label of the wrk rows of a cached code page (the same code every time), less the target. */
    static final String CODE_PAGE_WRK = "GET /api/codes/icd10cm/{code}, cached (";

    /**
     * The same requests against direct, gateway and HAProxy: each target is warmed up, then measured in
     * {@code bench.rounds} interleaved slices (the order rotating every round), so that noise from other work on the
     * machine falls on all three alike rather than on whichever ran at a bad moment.
     */
    private void compareInterleaved(String label, Map<String, LongFunction<HttpRequest>> targets, IntPredicate ok)
            throws Exception {
        int rounds = Integer.parseInt(setting("bench.rounds", "3"));
        Duration slice = measure.dividedBy(rounds);
        Duration leadIn = Duration.ofSeconds(2);
        Map<String, OpenLoopLoad.Accumulator> measured = new LinkedHashMap<>();
        for (Map.Entry<String, LongFunction<HttpRequest>> t : targets.entrySet()) {
            load.runInto(new OpenLoopLoad.Accumulator(), rate, warmup, Duration.ZERO, t.getValue(), ok);
            measured.put(t.getKey(), new OpenLoopLoad.Accumulator());
        }
        List<String> order = new ArrayList<>(targets.keySet());
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < order.size(); k++) {
                String target = order.get((k + round) % order.size());
                load.runInto(measured.get(target), rate, leadIn, slice, targets.get(target), ok);
                Thread.sleep(500);
            }
        }
        measured.forEach((target, acc) -> results.add(acc.result(label + " (" + target + ")", rate, "")));
    }

    private void compare(String label, String path, String gateway, String code, Haproxy haproxy, String token,
                         IntPredicate ok) throws Exception {
        Map<String, LongFunction<HttpRequest>> targets = new LinkedHashMap<>();
        targets.put("direct", i -> request(code + path, token));
        targets.put("gateway", i -> request(gateway + path, token));
        if (haproxy != null) {
            targets.put("HAProxy", i -> request(haproxy.url() + path, token));
        }
        compareInterleaved(label, targets, ok);
    }

    private void compareCodePage(String gateway, String code, Haproxy haproxy, String token, List<String> codes,
                                 IntPredicate ok) throws Exception {
        LongFunction<String> path = i -> "/api/codes/icd10cm/" + codes.get((int) (i % codes.size()));
        Map<String, LongFunction<HttpRequest>> targets = new LinkedHashMap<>();
        // direct and HAProxy calls carry a view grant, as the gateway's do: code-service verifies one on every row
        targets.put("direct", i -> request(code + path.apply(i), token, grant(token, codeOf(path.apply(i)))));
        targets.put("gateway", i -> request(gateway + path.apply(i), token));
        if (haproxy != null) {
            targets.put("HAProxy", i -> request(haproxy.url() + path.apply(i), token, grant(token,
                    codeOf(path.apply(i)))));
        }
        compareInterleaved("GET /api/codes/icd10cm/{code}", targets, ok);
    }

    /**
     * Free accounts (6 views a month) each open 7 distinct code pages in a row, the next account takes over: six pages
     * served and one refused per account, in the warm-up as in the measured part, so the row measures both the counted
     * view and the refusal. Enough accounts are registered for the whole run.
     */
    private void quotaViews(String gateway, String code, double quotaRate) throws Exception {
        int perAccount = 7;
        List<String> codes = existingCodes(code, userLogin.call());
        if (codes.size() < perAccount) {
            codes = CANDIDATE_CODES;
        }
        long total = (long) Math.ceil(quotaRate * (warmup.toSeconds() + measure.toSeconds())) + perAccount;
        int accounts = (int) (total / perAccount + 1);
        List<String> tokens = registerAccounts(gateway, accounts).stream().map(Account::token).toList();
        List<String> pageCodes = codes;
        LoadResult r = load.run("Quota-counted views, free accounts, " + perAccount + " distinct codes each (gateway)",
                quotaRate, warmup, measure, i -> request(gateway + "/api/codes/icd10cm/"
                        + pageCodes.get((int) (i % perAccount)), tokens.get((int) Math.min(i / perAccount, accounts - 1))),
                s -> s == 200 || s == 403 || s == 404);
        results.add(r.withNote("200 = page served, 403 = quota used up (6 per free account: 6 of every 7 requests "
                + "are served); both expected"));
        pause();
    }

    interface Requests {
        LongFunction<HttpRequest> with(String token);
    }

    private void openLoop(String openapi, String path, String label, double r, Requests requests, String gateway,
                          IntPredicate ok) throws Exception {
        if (!documented(openapi, path)) {
            results.add(LoadResult.notAvailable(label, r, "not available: " + path + " is not in /q/openapi on this build"));
            return;
        }
        String token = userLogin.call();
        results.add(load.run(label, r, warmup, measure, requests.with(token), ok));
        pause();
    }

    /** Whether the merged partner document has this path (JSON form). */
    static boolean documented(String openapi, String path) {
        try {
            return new ObjectMapper().readTree(openapi).path("paths").has(path);
        } catch (IOException e) {
            return openapi.contains("\"" + path + "\"") || openapi.contains("\n  " + path + ":");
        }
    }

    private List<String> existingCodes(String code, String token) throws Exception {
        List<String> found = new ArrayList<>();
        for (String c : CANDIDATE_CODES) {
            HttpResponse<String> page = client.send(request(code + "/api/codes/icd10cm/" + c, token, grant(token, c)),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() == 200) {
                found.add(c);
            }
        }
        return found;
    }

    /** A fresh token of the run's pro account (each row logs in anew: tokens expire). */
    private java.util.concurrent.Callable<String> userLogin;

    private String login(String gateway) throws Exception {
        return login(gateway, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    private String login(String gateway, String email, String password) throws Exception {
        HttpResponse<String> r = send("POST", gateway + "/api/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login of " + email + " failed: " + r.statusCode() + " " + r.body());
        }
        JsonNode body = json.readTree(r.body());
        return body.path("accessToken").asText();
    }

    /**
     * A view grant for the token's account and an ICD-10-CM code, valid 300 s (the longest code-service takes): what the
     * gateway sends with every allowed view, so that direct and HAProxy calls of a code page pass code-service's check.
     */
    private String grant(String token, String code) {
        String subject = subject(token);
        String key = CodeKey.parse("icd10cm", code).orElseThrow(() -> new IllegalArgumentException(code)).key();
        return grants.sign(subject, key, System.currentTimeMillis() / 1000, 300);
    }

    /** The account id an access token is for (its subject). */
    private String subject(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        try {
            return json.readTree(payload).path("sub").asText();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable access token", e);
        }
    }

    /** The code of a code page path {@code /api/codes/icd10cm/{code}}. */
    private static String codeOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static HttpRequest request(String url, String token, String grant) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET()
                .header("Authorization", "Bearer " + token).header("X-View-Grant", grant).build();
    }

    private static HttpRequest request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private static HttpRequest post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        return client.send(request(url, token), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(2000);
    }
}
