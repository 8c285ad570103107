package com.casecoding.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maximum throughput with {@code wrk} (Debian package {@code wrk}), a C load generator that needs far less CPU per
 * request than a Java client: on a 2-core machine shared with the services that matters. Closed loop, so its
 * latencies are not corrected for coordinated omission; only the request rate is reported as the headline figure.
 */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);

    private Wrk() {
    }

    /** The wrk binary on the PATH, or null. */
    static String find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            java.nio.file.Path p = java.nio.file.Path.of(dir, "wrk");
            if (java.nio.file.Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** Runs wrk once and reads its summary; an unreadable output gives an unavailable result saying why. */
    static LoadResult run(String binary, String label, String url, String token, int threads, int connections,
                          int seconds) throws IOException, InterruptedException {
        return run(binary, label, url, token, List.of(), threads, connections, seconds);
    }

    /** {@link #run} with more request headers ({@code Name: value} each). */
    static LoadResult run(String binary, String label, String url, String token, List<String> headers, int threads,
                          int connections, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary, "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency"));
        if (token != null) {
            command.add("-H");
            command.add("Authorization: Bearer " + token);
        }
        for (String header : headers) {
            command.add("-H");
            command.add(header);
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return parse(label, out, connections);
    }

    static LoadResult parse(String label, String out, int connections) {
        Matcher rate = RATE.matcher(out);
        Matcher total = TOTAL.matcher(out);
        if (!rate.find() || !total.find()) {
            return LoadResult.notAvailable(label, 0, "wrk gave no summary: " + out.strip().replace('\n', ' '));
        }
        long errors = 0;
        Matcher m = ERRORS.matcher(out);
        if (m.find()) {
            errors += Long.parseLong(m.group(1));
        }
        m = SOCKET.matcher(out);
        if (m.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(m.group(g));
            }
        }
        long p50 = -1;
        long p99 = -1;
        m = PERCENTILE.matcher(out);
        while (m.find()) {
            long micros = micros(Double.parseDouble(m.group(2)), m.group(3));
            if (m.group(1).equals("50")) {
                p50 = micros;
            } else {
                p99 = micros;
            }
        }
        long requests = Long.parseLong(total.group(1));
        return new LoadResult(label, 0, requests, errors, Map.of(), Double.parseDouble(rate.group(1)), p50, -1, p99, -1,
                String.format(Locale.ROOT, "wrk, %d connections, closed loop (latency not corrected)", connections));
    }

    private static long micros(double value, String unit) {
        return switch (unit) {
            case "us" -> Math.round(value);
            case "ms" -> Math.round(value * 1000);
            default -> Math.round(value * 1_000_000);
        };
    }
}
