package com.casecoding.gateway.support;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * An upstream that speaks only HTTPS, with a throwaway self-signed certificate for {@code localhost} made by the JDK's
 * keytool (TEST KEYS ONLY, in a temporary folder). It answers every request with the path it saw and a
 * {@code Location} on its own https origin. {@link #certificatePem()} is what the gateway under test trusts.
 */
public final class TlsStubUpstream {

    private static final String PASSWORD = "test-only";
    private static TlsStubUpstream instance;

    private final HttpsServer server;
    private final Path certificate;

    private TlsStubUpstream() throws Exception {
        Path dir = Files.createTempDirectory("casecoding-tls-stub");
        Path keystore = dir.resolve("stub.p12");
        certificate = dir.resolve("stub-cert.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", "stub", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD));
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", "stub", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-file", certificate.toString()));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] body = ("{\"tls\":true,\"path\":\"" + exchange.getRequestURI().getPath() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Location", "https://localhost:" + port() + "/api/secure/moved");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    public static synchronized TlsStubUpstream get() {
        if (instance == null) {
            try {
                instance = new TlsStubUpstream();
            } catch (Exception e) {
                throw new IllegalStateException("TLS stub upstream did not start", e);
            }
        }
        return instance;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Path certificatePem() {
        return certificate;
    }
}
