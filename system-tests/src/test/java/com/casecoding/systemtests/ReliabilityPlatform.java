package com.casecoding.systemtests;

import com.casecoding.devdb.EmbeddedDatabase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system for the reliability suite, separate from {@link Platform} because these tests stop things: an
 * embedded PostgreSQL on a fixed port and data folder that can be stopped and started again (same port, same data), and
 * the three packaged services with an administrator and the per-minute rate limits lifted (the suite sends many
 * requests from one address). TEST KEY AND TEST PASSWORD ONLY, generated here for one run.
 */
public final class ReliabilityPlatform {

    private static ReliabilityPlatform instance;

    public static final String ADMIN_EMAIL = "reliability-admin@example.test";
    public final String adminPassword = "Reliability-" + UUID.randomUUID();

    private final Path root;
    public final Path dataDir;
    public final int databasePort;
    private volatile EmbeddedDatabase database;
    public final Path keyDir;
    public final int gatewayPort;
    public final ServiceProcess codeService;
    public final ServiceProcess careersService;
    public final ServiceProcess gateway;

    private ReliabilityPlatform() throws Exception {
        root = Files.createTempDirectory("casecoding-reliability");
        dataDir = root.resolve("postgres");
        databasePort = ServiceProcess.freePort();
        database = EmbeddedDatabase.start(dataDir, databasePort);
        keyDir = Files.createDirectories(root.resolve("keys"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Files.writeString(keyDir.resolve("reliability-test-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        // the view grant key shared by the gateway and code-service (TEST KEY ONLY, fresh per run)
        Path grantKeys = Files.createDirectories(keyDir.resolve("view-grant"));
        byte[] grantKey = new byte[32];
        new java.security.SecureRandom().nextBytes(grantKey);
        Files.writeString(grantKeys.resolve("system-test"), java.util.Base64.getEncoder().encodeToString(grantKey));
        gatewayPort = ServiceProcess.freePort();
        int codePort = ServiceProcess.freePort();
        int careersPort = ServiceProcess.freePort();
        codeService = startCodeService("reliability-code-service", codePort);
        careersService = startCareersService("reliability-careers-service", careersPort);
        gateway = startGateway("reliability-gateway", gatewayPort, codeService.url(), careersService.url());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll));
    }

    public static synchronized ReliabilityPlatform get() throws Exception {
        if (instance == null) {
            instance = new ReliabilityPlatform();
        }
        return instance;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + databasePort + "/" + EmbeddedDatabase.DATABASE;
    }

    /** Stops PostgreSQL (fast shutdown: open sessions are cut, committed data stays in the data folder). */
    public synchronized void stopDatabase() throws Exception {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** Starts PostgreSQL again on the same port and data folder. */
    public synchronized void startDatabase() throws Exception {
        if (database == null) {
            database = EmbeddedDatabase.start(dataDir, databasePort);
        }
    }

    public ServiceProcess startCodeService(String name, int port) throws Exception {
        Map<String, String> env = commonEnv();
        env.put("CODE_SERVICE_PORT", Integer.toString(port));
        env.put("CODES_DEMO_DATA", "true");
        env.put("CONSULTS_INBOUND_SECRET", "reliability-inbound-secret");
        return ServiceProcess.start(name, "code-service", port, env);
    }

    public ServiceProcess startCareersService(String name, int port) throws Exception {
        Map<String, String> env = commonEnv();
        env.put("CAREERS_SERVICE_PORT", Integer.toString(port));
        env.put("CAREERS_DEMO_DATA", "true");
        return ServiceProcess.start(name, "careers-service", port, env);
    }

    /** A gateway replica on the same database and keys. */
    public ServiceProcess startGateway(String name, int port, String codeUrl, String careersUrl) throws Exception {
        Map<String, String> env = commonEnv();
        env.put("GATEWAY_PORT", Integer.toString(port));
        env.put("GATEWAY_JWT_KEY_DIR", keyDir.toString());
        env.put("CODE_SERVICE_URL", codeUrl);
        env.put("CAREERS_SERVICE_URL", careersUrl);
        env.put("GATEWAY_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("GATEWAY_ADMIN_PASSWORD", adminPassword);
        for (String family : new String[]{"SEARCH", "ASSISTANT", "JOBS", "AUTH"}) {
            for (String plan : new String[]{"ANONYMOUS", "GUEST", "FREE", "PRO"}) {
                env.put("GATEWAY_RATE_LIMITS_" + family + "_PER_MINUTE_" + plan, "1000000");
            }
        }
        env.putAll(Platform.ONE_ADDRESS_FOR_ALL_CLIENTS);
        return ServiceProcess.start(name, "gateway", port, env);
    }

    private Map<String, String> commonEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("CASECODING_VIEW_GRANT_KEY_DIR", keyDir.resolve("view-grant").toString());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("CASECODING_JWKS_URL", "http://127.0.0.1:" + gatewayPort + "/.well-known/jwks.json");
        env.put("QUARKUS_MAILER_MOCK", "true");
        return env;
    }

    public String adminToken() throws Exception {
        var r = Http.send("POST", gateway.url() + "/api/auth/login", null,
                "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + adminPassword + "\"}", null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("admin login failed: " + r.statusCode() + " " + r.body());
        }
        return Http.field(r.body(), "accessToken");
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
        try {
            stopDatabase();
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        } catch (Exception ignored) {
            // the temporary folder stays; the JVM is ending
        }
    }
}
