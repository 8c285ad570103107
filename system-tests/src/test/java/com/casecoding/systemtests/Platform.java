package com.casecoding.systemtests;

import com.casecoding.common.security.KeyEncoding;
import com.casecoding.devdb.EmbeddedDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system for system tests: one embedded PostgreSQL and the three packaged services, started once per test JVM
 * (TEST KEY ONLY: the gateway's signing key is generated here into a temporary folder).
 */
public final class Platform {

    private static Platform instance;
    private static Platform realData;

    /** The SMTP server code-service and careers-service send through (a real one, inside the test JVM). */
    public static final String INBOUND_SECRET = "system-test-inbound-secret";
    public static final String ADMIN_EMAIL = "admin@system.test";
    public static final String ADMIN_PASSWORD = "System-Test-Admin-Only-42";
    public final GreenMail mail;
    public final EmbeddedDatabase database;
    public final Path keyDir;
    public final ServiceProcess codeService;
    public ServiceProcess careersService;
    public final ServiceProcess gateway;
    private Map<String, String> careersEnv;
    private Map<String, String> common;

    /** @param importDir the official files code-service imports at start, or null for the demo data */
    private Platform(Path importDir) throws Exception {
        database = EmbeddedDatabase.start(null, 0);
        mail = new GreenMail(new ServerSetup(ServiceProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        keyDir = Files.createTempDirectory("casecoding-system-keys");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = KeyEncoding.pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
        Files.writeString(keyDir.resolve("system-test-key.pem"), pem);
        // the view grant key shared by the gateway and code-service (TEST KEY ONLY, fresh per run)
        Path grantKeys = Files.createDirectories(keyDir.resolve("view-grant"));
        byte[] grantKey = new byte[32];
        new java.security.SecureRandom().nextBytes(grantKey);
        Files.writeString(grantKeys.resolve("system-test"), java.util.Base64.getEncoder().encodeToString(grantKey));

        int gatewayPort = ServiceProcess.freePort();
        int codePort = ServiceProcess.freePort();
        int careersPort = ServiceProcess.freePort();
        common = commonEnv(gatewayPort);
        Map<String, String> codeEnv = with(common, "CODE_SERVICE_PORT", Integer.toString(codePort),
                "CASECODING_DATA_GENERATION_POLL", "1s");
        if (importDir == null) {
            codeEnv.put("CODES_DEMO_DATA", "true");
            codeService = ServiceProcess.start("code-service", "code-service", codePort, codeEnv);
        } else {
            // all of ../shared/data, with the heap and JIT settings code-service runs with (its jvm.options)
            codeEnv.put("CODES_IMPORT_DIR", importDir.toString());
            List<String> jvm = List.of(Files.readString(ServiceProcess.repoRoot().resolve("code-service/jvm.options"))
                    .trim().split("\\s+"));
            codeService = ServiceProcess.start("code-service-real-data", "code-service", codePort, codeEnv, jvm);
        }
        careersEnv = with(common, "CAREERS_SERVICE_PORT", Integer.toString(careersPort), "CAREERS_DEMO_DATA", "true");
        String suffix = importDir == null ? "" : "-real-data";
        careersService = ServiceProcess.start("careers-service" + suffix, "careers-service", careersPort, careersEnv);
        gateway = startGateway("gateway" + suffix, gatewayPort, "http://127.0.0.1:" + codePort, "http://127.0.0.1:" + careersPort);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll));
    }

    public static synchronized Platform get() throws Exception {
        if (instance == null) {
            instance = new Platform(null);
        }
        return instance;
    }

    /**
     * A second platform whose code-service imported all of {@code ../shared/data} (env CASECODING_SHARED_DATA, which
     * .ci/run sets), for the tests that must see the real files; absent without them.
     */
    public static synchronized Optional<Platform> withRealData() throws Exception {
        if (realData == null) {
            Optional<Path> dir = sharedData();
            if (dir.isEmpty()) {
                return Optional.empty();
            }
            realData = new Platform(dir.get());
        }
        return Optional.of(realData);
    }

    /** {@code ../shared/data}: CASECODING_SHARED_DATA, or the folder beside the repository. */
    static Optional<Path> sharedData() {
        String env = System.getenv("CASECODING_SHARED_DATA");
        Path dir = env != null && !env.isBlank() ? Path.of(env)
                : ServiceProcess.repoRoot().resolveSibling("shared").resolve("data");
        return Files.isDirectory(dir.resolve("icd10cm")) ? Optional.of(dir) : Optional.empty();
    }

    /** Starts careers-service again on its port (after a test stopped it). */
    public synchronized void restartCareers() throws Exception {
        if (!careersService.alive()) {
            careersService = ServiceProcess.start("careers-service", "careers-service", careersService.port, careersEnv);
        }
    }

    /** Another code-service replica on the same database and keys (the demo data is already there). */
    public ServiceProcess startCodeService(String name, int port) throws Exception {
        return ServiceProcess.start(name, "code-service", port, with(common, "CODE_SERVICE_PORT",
                Integer.toString(port), "CASECODING_DATA_GENERATION_POLL", "1s"));
    }

    /** Another gateway replica on the same database and keys, routing to the given upstreams. */
    public ServiceProcess startGateway(String name, int port, String codeUrl, String careersUrl) throws Exception {
        Map<String, String> env = gatewayEnv(port, codeUrl, careersUrl);
        env.putAll(ONE_ADDRESS_FOR_ALL_CLIENTS);
        return ServiceProcess.start(name, "gateway", port, env);
    }

    /**
     * What a gateway replica of this platform needs: the database, the token and view-grant keys, the upstreams and the
     * first admin; without the lifted per-address limits of {@link #ONE_ADDRESS_FOR_ALL_CLIENTS}.
     */
    public Map<String, String> gatewayEnv(int port, String codeUrl, String careersUrl) {
        Map<String, String> env = commonEnv(port);
        env.put("GATEWAY_PORT", Integer.toString(port));
        env.put("GATEWAY_JWT_KEY_DIR", keyDir.toString());
        env.put("CODE_SERVICE_URL", codeUrl);
        env.put("CAREERS_SERVICE_URL", careersUrl);
        env.put("GATEWAY_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("GATEWAY_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // as in Kubernetes: every replica counts the rate limits in the database (ReplicasFollowOneDataIT)
        env.put("GATEWAY_RATE_LIMIT_SCOPE", "cluster");
        env.put("GATEWAY_RATE_LIMIT_SYNC", "50ms");
        return env;
    }

    /**
     * Every test client connects from 127.0.0.1, so the gateway's limits per client address (auth requests, guest
     * tokens, failed attempts) are lifted; AuthFloodIT and the gateway's AbuseLimitsTest check them.
     */
    static final Map<String, String> ONE_ADDRESS_FOR_ALL_CLIENTS = Map.of(
            "GATEWAY_RATE_LIMITS_AUTH_PER_MINUTE_ANONYMOUS", "1000000",
            "GATEWAY_GUEST_MAX_PER_ADDRESS", "1000000",
            "GATEWAY_LOGIN_ADDRESS_FREE_FAILURES", "1000000");

    private Map<String, String> commonEnv(int gatewayPort) {
        Map<String, String> env = new HashMap<>();
        env.put("CASECODING_VIEW_GRANT_KEY_DIR", keyDir.resolve("view-grant").toString());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("CASECODING_JWKS_URL", "http://127.0.0.1:" + gatewayPort + "/.well-known/jwks.json");
        env.put("QUARKUS_MAILER_MOCK", "false");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(mail.getSmtp().getPort()));
        env.put("QUARKUS_MAILER_FROM", "CaseCoding <noreply@casecoding.test>");
        env.put("CONSULTS_INBOUND_SECRET", INBOUND_SECRET);
        return env;
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> env = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private void stopAll() {
        for (ServiceProcess p : new ServiceProcess[]{gateway, careersService, codeService}) {
            try {
                if (p != null) {
                    p.close();
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
        mail.stop();
        try {
            database.close();
        } catch (Exception ignored) {
            // JVM exit removes the temporary cluster anyway
        }
    }
}
