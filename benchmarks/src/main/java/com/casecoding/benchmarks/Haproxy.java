package com.casecoding.benchmarks;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy in front of code-service doing the same token check as our gateway: RS256 signature (jwt_verify against the
 * gateway's public key), issuer, audience and expiry; then it forwards the request as it is.
 */
final class Haproxy implements AutoCloseable {

    final int port;
    final String version;
    private final Process process;

    private Haproxy(int port, String version, Process process) {
        this.port = port;
        this.version = version;
        this.process = process;
    }

    static String config(int port, String publicKeyPem, String issuer, String audience, String upstreamHost, int upstreamPort,
                         int threads) {
        return String.join("\n",
                "global",
                "  nbthread " + threads,
                "  maxconn 4096",
                "defaults",
                "  mode http",
                "  timeout connect 2s",
                "  timeout client 30s",
                "  timeout server 30s",
                "  option http-keep-alive",
                "frontend api",
                "  bind 127.0.0.1:" + port,
                "  http-request set-var(txn.bearer) http_auth_bearer",
                "  http-request set-var(txn.jwt_alg) var(txn.bearer),jwt_header_query('$.alg')",
                "  http-request deny deny_status 401 unless { var(txn.jwt_alg) -m str RS256 }",
                "  http-request deny deny_status 401 unless { var(txn.bearer),jwt_verify(txn.jwt_alg,\"" + publicKeyPem
                        + "\") -m int 1 }",
                "  http-request set-var(txn.iss) var(txn.bearer),jwt_payload_query('$.iss')",
                "  http-request deny deny_status 401 unless { var(txn.iss) -m str " + issuer + " }",
                "  http-request set-var(txn.aud) var(txn.bearer),jwt_payload_query('$.aud')",
                "  http-request deny deny_status 401 unless { var(txn.aud) -m sub " + audience + " }",
                "  http-request set-var(txn.exp) var(txn.bearer),jwt_payload_query('$.exp','int')",
                "  http-request set-var(txn.now) date()",
                "  http-request deny deny_status 401 if { var(txn.exp),sub(txn.now) -m int lt 0 }",
                "  default_backend codes",
                "backend codes",
                "  http-reuse always",
                "  server code " + upstreamHost + ":" + upstreamPort + " maxconn 256",
                "");
    }

    static String version(String binary) {
        try {
            Process p = new ProcessBuilder(binary, "-v").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("");
            p.waitFor(5, TimeUnit.SECONDS);
            return first.trim();
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    static Haproxy start(String binary, Path dir, int port, String pemText, String issuer, String audience, int upstreamPort,
                         int threads) throws Exception {
        Path pem = dir.resolve("gateway-public-key.pem");
        Files.writeString(pem, pemText);
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, config(port, pem.toString(), issuer, audience, "127.0.0.1", upstreamPort, threads));
        Process process = new ProcessBuilder(List.of(binary, "-db", "-f", cfg.toString())).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited: " + Files.readString(dir.resolve("haproxy.log")));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new Haproxy(port, version(binary), process);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("haproxy did not listen on " + port);
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
