package com.casecoding.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service ({@code java -jar .../quarkus-run.jar}) started as a child process for system tests. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final String name;
    public final int port;
    /** The management interface (health, metrics): a port of its own, given by {@code QUARKUS_MANAGEMENT_PORT}. */
    public final int managementPort;
    private final Process process;
    private final Path log;
    /** Where this process' output begins in {@link #log} (a log file is appended to run after run). */
    private final long logStart;

    private ServiceProcess(String name, int port, int managementPort, Process process, Path log, long logStart) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
        this.logStart = logStart;
    }

    public static Path repoRoot() {
        String root = System.getProperty("casecoding.repo.root");
        return Path.of(root == null ? ".." : root).toAbsolutePath().normalize();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code module}'s packaged jar with {@code env} and waits until /q/health/ready answers 200. */
    public static ServiceProcess start(String name, String module, int port, Map<String, String> env) throws Exception {
        return start(name, module, port, env, List.of("-Xmx384m"));
    }

    /** As {@link #start(String, String, int, Map)}, with these JVM options. */
    public static ServiceProcess start(String name, String module, int port, Map<String, String> env,
                                       List<String> jvmOptions) throws Exception {
        Path jar = repoRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: system tests run after the services are packaged (mvn verify)");
        }
        Path logDir = repoRoot().resolve("system-tests/target/system-logs");
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        int managementPort = freePort();
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        ServiceProcess service = new ServiceProcess(name, port, managementPort, builder.start(), log, logStart);
        service.awaitReady(Duration.ofMinutes(4));
        return service;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where health ({@code /q/health/*}) and metrics ({@code /q/metrics}) are. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + tail());
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log:\n" + tail());
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Everything this process wrote to its log. */
    public String output() throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(logStart, all.length), (int) Math.max(0, all.length - logStart),
                StandardCharsets.UTF_8);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, as Kubernetes or Ctrl-C would: the service drains and exits. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
