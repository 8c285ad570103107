package com.casecoding.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service started as a child process; knows how long it took to become ready and its resident memory. */
final class Service implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final Process process;
    final long startupMillis;
    final long rssAtReadyKb;
    /** CPU time (user + system, all threads) the process used until ready: less sensitive to a busy machine. */
    final long cpuMillisAtReady;

    private Service(String name, int port, Process process, long startupMillis) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startupMillis = startupMillis;
        this.rssAtReadyKb = rssKb(process.pid());
        this.cpuMillisAtReady = cpuMillis(process.pid());
    }

    static Service start(String name, Path jar, int port, List<String> jvmOptions, Map<String, String> env, Path logDir)
            throws Exception {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (run-benchmarks.sh does)");
        }
        Files.createDirectories(logDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (Files.isRegularFile(jar.resolveSibling("app-cds.jsa"))) {
            // the class data archive the build wrote for this JVM (quarkus.package.jar.appcds.enabled); the JVM takes
            // it only when the application starts from its own folder, as when the archive was written
            command.add("-XX:SharedArchiveFile=app-cds.jsa");
        }
        command.add("-jar");
        command.add(jar.getFileName().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(jar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile()));
        builder.environment().putAll(env);
        // health is on the management interface, a port of its own
        int managementPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            managementPort = socket.getLocalPort();
        }
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        long begin = System.nanoTime();
        Process process = builder.start();
        long deadline = begin + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logDir);
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return new Service(name, port, process, (System.nanoTime() - begin) / 1_000_000);
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " not ready after 5 minutes; see " + logDir);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long rssKb() {
        return rssKb(process.pid());
    }

    /**
     * Waits until the process uses less than {@code cpuShare} of one CPU over a {@code window} (for example until
     * code-service has finished importing the data it was started with), at most {@code max}. Returns the time waited
     * in ms; without /proc it returns at once.
     */
    long awaitIdle(double cpuShare, Duration window, Duration max) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + max.toNanos();
        long before = cpuMillis(process.pid());
        while (before >= 0 && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(window.toMillis());
            long after = cpuMillis(process.pid());
            if (after - before < cpuShare * window.toMillis()) {
                break;
            }
            before = after;
        }
        return (System.nanoTime() - begin) / 1_000_000;
    }

    /** VmRSS from /proc/&lt;pid&gt;/status, in kB; -1 where /proc is not available. */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** utime + stime from /proc/&lt;pid&gt;/stat (clock ticks of 10 ms), in ms; -1 where /proc is not available. */
    static long cpuMillis(long pid) {
        long ticks = CpuPerRequest.processTicks(pid);
        return ticks < 0 ? -1 : ticks * 10;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
