package com.casecoding.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes the benchmark results as Markdown. */
final class Report {

    static final double TARGET_P50_MS = 1.0;
    static final double TARGET_P99_MS = 5.0;
    /** Gateway / direct maximum throughput with wrk (issue 21: at least 0.4). */
    static final double TARGET_THROUGHPUT_RATIO = 0.4;
    /** Cached code page / {@code /api/code-systems}, both through the gateway (issue 28). */
    static final double TARGET_CODE_PAGE_RATIO = 0.4;
    /** CPU of gateway plus code-service per cached code page, in µs (issue 28). */
    static final double TARGET_CODE_PAGE_MICROS = 150;
    static final long TARGET_STARTUP_MS = 3000;
    static final long TARGET_RSS_KB = 300 * 1024;

    private Report() {
    }

    static String ms(long micros) {
        return micros < 0 ? "–" : String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    /** A difference in milliseconds (may be negative: the peer can be faster than the direct run, within noise). */
    static String deltaMs(long micros) {
        return String.format(Locale.ROOT, "%+.2f", micros / 1000.0);
    }

    static String row(LoadResult r) {
        if (!r.available()) {
            return "| " + r.label() + " | " + rate(r.targetRate()) + " | – | – | – | – | – | – | – | " + r.note() + " |";
        }
        String statuses = r.statuses().entrySet().stream()
                .map(e -> (e.getKey() < 0 ? "failed" : e.getKey().toString()) + "×" + e.getValue())
                .collect(Collectors.joining(" "));
        String note = (r.overloaded() ? "; **overloaded**: " + overload(r) : "") + (r.note().isEmpty() ? "" : "; " + r.note());
        return "| " + r.label() + " | " + rate(r.targetRate()) + " | " + String.format(Locale.ROOT, "%.1f", r.achievedRate())
                + " | " + ms(r.p50()) + " | " + ms(r.p90()) + " | " + ms(r.p99()) + " | " + ms(r.max()) + " | " + r.requests()
                + " | " + r.errors() + " | " + statuses + note + " |";
    }

    /** Why a row counts as overloaded, in words. */
    static String overload(LoadResult r) {
        List<String> why = new ArrayList<>();
        if (r.achievedRate() < LoadResult.OVERLOAD_RATE * r.targetRate()) {
            why.add(String.format(Locale.ROOT, "%.0f %% of the target rate answered", 100 * r.achievedRate() / r.targetRate()));
        }
        if (r.errors() > LoadResult.OVERLOAD_ERRORS * r.requests()) {
            why.add(String.format(Locale.ROOT, "%.1f %% errors", 100.0 * r.errors() / r.requests()));
        }
        return String.join(", ", why);
    }

    /** One target of issue 28 at a busy site's rate: the row's label prefix, the rate and the p99 it must stay under. */
    record BusyTarget(String label, double rate, double p99Ms) {
    }

    /**
     * The busy-site rows against their targets: met only when the row ran at its rate without overload and its p99 is
     * under the target; a row that is missing or could not run is "not measured".
     */
    static String busyTable(List<LoadResult> results, List<BusyTarget> targets) {
        StringBuilder md = new StringBuilder("| Scenario | Rate (req/s) | p99 target (ms) | p99 measured (ms) | Status |\n"
                + "|---|---:|---:|---:|---|\n");
        for (BusyTarget t : targets) {
            Optional<LoadResult> r = results.stream().filter(x -> x.label().equals(t.label())).findFirst();
            String measured = r.filter(LoadResult::available).map(x -> ms(x.p99())).orElse("–");
            String status;
            if (r.isEmpty() || !r.get().available()) {
                status = "not measured" + r.map(x -> ": " + x.note()).orElse("");
            } else if (r.get().overloaded()) {
                status = "NOT met (overloaded: " + overload(r.get()) + ")";
            } else {
                status = r.get().p99() < t.p99Ms() * 1000 ? "met" : "NOT met";
            }
            md.append("| ").append(t.label()).append(" | ").append(rate(t.rate())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f", t.p99Ms())).append(" | ").append(measured).append(" | ")
                    .append(status).append(" |\n");
        }
        return md.toString();
    }

    private static String rate(double r) {
        return r <= 0 ? "max" : String.format(Locale.ROOT, "%.0f", r);
    }

    static Optional<LoadResult> find(List<LoadResult> list, String label) {
        return list.stream().filter(r -> r.label().equals(label) && r.available()).findFirst();
    }

    /** "gateway adds X ms at p50 / Y ms at p99" rows for each scenario measured both directly and through a gateway. */
    /**
     * Where the wrk rows' CPU went, per target: the whole machine's busy time and each process' per request answered,
     * and the rate that the machine's CPUs could carry at that cost.
     */
    static String cpuTable(Map<String, Map<String, Double>> perTarget, int cpus) {
        if (perTarget.values().stream().allMatch(Map::isEmpty)) {
            return "";
        }
        List<String> columns = new ArrayList<>();
        perTarget.values().forEach(m -> m.keySet().stream().filter(k -> !columns.contains(k)).forEach(columns::add));
        StringBuilder md = new StringBuilder("\n### CPU per request in the wrk rows\n\n");
        md.append("CPU time (user + system) during the wrk rows divided by the requests answered, in µs; from `/proc/stat` "
                + "for the ").append(CpuPerRequest.MACHINE).append(" (the services, wrk, the kernel's loopback TCP and "
                + "anything else running) and `/proc/<pid>/stat` per process. With the CPUs saturated a target cannot "
                + "answer more than CPUs / (whole machine per request) requests per second: that ceiling is the last "
                + "column. Through a proxy each request is received, parsed and written twice, on the same ").append(cpus)
                .append(" CPUs.\n\n");
        md.append("| Target |");
        columns.forEach(c -> md.append(' ').append(c).append(" (µs) |"));
        md.append(" Ceiling on ").append(cpus).append(" CPUs (req/s) |\n|---|");
        columns.forEach(c -> md.append("---:|"));
        md.append("---:|\n");
        perTarget.forEach((target, micros) -> {
            if (micros.isEmpty()) {
                return;
            }
            md.append("| ").append(target).append(" |");
            columns.forEach(c -> md.append(' ').append(micros.containsKey(c)
                    ? String.format(Locale.ROOT, "%.1f", micros.get(c)) : "–").append(" |"));
            double machine = micros.getOrDefault(CpuPerRequest.MACHINE, 0.0);
            md.append(' ').append(machine > 0 ? String.format(Locale.ROOT, "%.0f", cpus * 1_000_000 / machine) : "–")
                    .append(" |\n");
        });
        return md.toString();
    }

    static String costTable(List<LoadResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Scenario | Through | p50 added (ms) | p99 added (ms) | Target (≤ 1 ms p50, ≤ 5 ms p99) |\n");
        sb.append("|---|---|---:|---:|---|\n");
        for (LoadResult direct : results) {
            if (!direct.available() || !direct.label().endsWith(" (direct)")) {
                continue;
            }
            String base = direct.label().substring(0, direct.label().length() - " (direct)".length());
            for (String via : List.of("gateway", "HAProxy")) {
                find(results, base + " (" + via + ")").ifPresent(r -> {
                    long p50 = r.p50() - direct.p50();
                    long p99 = r.p99() - direct.p99();
                    boolean pass = p50 <= TARGET_P50_MS * 1000 && p99 <= TARGET_P99_MS * 1000;
                    String status = direct.overloaded() || r.overloaded() ? "not judged (overloaded)"
                            : via.equals("gateway") ? (pass ? "met" : "NOT met") : "(peer)";
                    sb.append("| ").append(base).append(" | ").append(via).append(" | ").append(deltaMs(p50)).append(" | ")
                            .append(deltaMs(p99)).append(" | ").append(status).append(" |\n");
                });
            }
        }
        return sb.toString();
    }

    static String markdown(Instant began, String loadBefore, String loadAfter, String haproxyBinary, double rate,
                           Duration warmup, Duration measure, Map<String, List<String>> jvm, String dataLabel, Map<String, Service> services,
                           Map<String, Long> rssAfter, Map<String, long[]> restarts, List<LoadResult> results,
                           List<LoadResult> throughput, Map<String, Map<String, Double>> wrkCpu, List<String> notes,
                           List<BusyTarget> busy, String incomplete) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        if (incomplete != null) {
            md.append("**Incomplete:** ").append(incomplete).append(" The rows below are those measured so far; the "
                    + "run rewrites this file after every scenario and once more at its end.\n\n");
        }
        md.append("Measured with `benchmarks/run-benchmarks.sh` (see [README](README.md)) on ").append(began).append(".\n\n");
        md.append("## Machine\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| CPUs (`nproc`) | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
        md.append("| CPU | ").append(procValue("/proc/cpuinfo", "model name")).append(" |\n");
        md.append("| Memory | ").append(procValue("/proc/meminfo", "MemTotal")).append(" |\n");
        md.append("| OS | ").append(osName()).append(" |\n");
        md.append("| Java | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" |\n");
        jvm.forEach((service, options) -> md.append("| JVM options of ").append(service).append(" | `")
                .append(String.join(" ", options)).append("` |\n"));
        md.append("| HAProxy | ").append(Optional.ofNullable(Haproxy.version(haproxyBinary)).orElse("not installed")).append(" |\n");
        md.append("| Load average (1, 5, 15 min) before / after | ").append(loadBefore).append(" / ").append(loadAfter)
                .append(" |\n");
        md.append("| Data | ").append(dataLabel).append(" |\n\n");
        md.append("The machine is shared: a load average well above the CPU count means other work competed with the "
                + "services and the load generator during the run, which inflates every figure (direct, gateway and HAProxy "
                + "alike). The load generator runs on the same machine.\n\n");

        md.append("## Method\n\n");
        md.append("- Open loop: request *i* is due at *start + i / rate*; latency is measured from that intended send time "
                + "(coordinated omission corrected, HdrHistogram, 3 significant digits), so a stall shows as latency, not as "
                + "fewer requests. Warm-up ").append(warmup.toSeconds()).append(" s (not recorded), then ")
                .append(measure.toSeconds()).append(" s measured per row. Client: `java.net.http` HTTP/1.1 with keep-alive.\n");
        md.append("- Direct, gateway and HAProxy are compared in interleaved rounds: each target is warmed up, then measured "
                + "in ").append(BenchmarkMain.setting("bench.rounds", "3")).append(" slices of equal length with the order "
                + "rotating every round (each slice after a 2 s unrecorded lead-in); a row adds up its slices. Noise from "
                + "other work on the machine thus falls on all three alike.\n");
        md.append("- *direct* = code-service itself; its code pages require the gateway's view grant as in production, so "
                + "the direct and HAProxy calls of a code page carry one made by the run with the shared grant key (the "
                + "gateway makes its own); code-service verifies the token and the grant on every row. *gateway* = our gateway (token check, rate limit, view quota, proxy). *HAProxy* = "
                + "HAProxy in front of the same code-service, verifying the same RS256 token with `jwt_verify` "
                + "(signature against the public key from the gateway's `/.well-known/jwks.json`, plus issuer, audience "
                + "and expiry), 2 threads.\n");
        md.append("- Token: a registered account on plan pro (views counted, unlimited), not the administrator: a token "
                + "with the admin role is checked against the stored account on every request, a database round trip "
                + "no user's request makes. The gateway's per-minute rate "
                + "limits are lifted for this run (`-Dgateway.rate-limits.*.per-minute.*=1000000`): the benchmark measures "
                + "latency, not the limiter. The busy-site rows instead spread their requests over many distinct accounts "
                + "(see that section).\n");
        md.append("- Maximum throughput: closed loop, a fixed number of connections each sending its next request when "
                + "the previous one answered.\n");
        md.append("- Errors: failed requests and unexpected statuses (timeouts after 10 s count as failed).\n\n");

        md.append("## Latency at a fixed rate\n\n");
        md.append("| Scenario | Target rate (req/s) | Achieved (req/s) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | Requests | Errors | Statuses / notes |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        results.forEach(r -> md.append(row(r)).append('\n'));
        md.append("\nA row is marked **overloaded** when it answered less than ")
                .append(Math.round(LoadResult.OVERLOAD_RATE * 100)).append(" % of its target rate or more than ")
                .append(Math.round(LoadResult.OVERLOAD_ERRORS * 100)).append(" % of its requests failed: its latencies "
                + "then describe a queue (of the services or of the load generator on the same CPUs); the run goes on.\n");

        if (!busy.isEmpty()) {
            md.append("\n## A busy site's rates (issue 28)\n\n");
            md.append("Open loop through the gateway, each request from the next of many distinct accounts (pro accounts "
                    + "for code pages, whose views are counted; registered free accounts for search and suggest), on "
                    + "rotating codes, prefixes and queries. Targets: code page p99 under 10 ms at 1,000 req/s, suggest "
                    + "p99 under 10 ms at 500 req/s, search p99 under 20 ms at 300 req/s over 100 accounts.\n\n");
            md.append(busyTable(results, busy));
        }

        md.append("\n## What the gateway adds over direct calls (at ").append(String.format(Locale.ROOT, "%.0f", rate))
                .append(" req/s)\n\n");
        md.append(costTable(results));

        md.append("\n## Maximum throughput\n\n");
        md.append("| Scenario | Achieved (req/s) | p50 (ms) | p99 (ms) | Requests | Errors | Notes |\n|---|---:|---:|---:|---:|---:|---|\n");
        for (LoadResult r : throughput) {
            md.append("| ").append(r.label()).append(" | ").append(String.format(Locale.ROOT, "%.0f", r.achievedRate()))
                    .append(" | ").append(ms(r.p50())).append(" | ").append(ms(r.p99())).append(" | ").append(r.requests())
                    .append(" | ").append(r.errors()).append(" | ").append(r.note()).append(" |\n");
        }
        for (String client : List.of("", ", wrk")) {
            Optional<LoadResult> direct = find(throughput, "GET /api/code-systems (direct" + client + ")");
            Optional<LoadResult> gw = find(throughput, "GET /api/code-systems (gateway" + client + ")");
            Optional<LoadResult> hp = find(throughput, "GET /api/code-systems (HAProxy" + client + ")");
            if (direct.isPresent() && gw.isPresent() && direct.get().available() && gw.get().available()) {
                double ratio = gw.get().achievedRate() / direct.get().achievedRate();
                md.append("\n").append(client.isEmpty() ? "Java client" : "wrk").append(": gateway / direct ")
                        .append(String.format(Locale.ROOT, "%.2f", ratio)).append(" (target ≥ ")
                        .append(TARGET_THROUGHPUT_RATIO).append(": ")
                        .append(ratio >= TARGET_THROUGHPUT_RATIO ? "met" : "NOT met").append(")");
                hp.filter(LoadResult::available).ifPresent(h -> md.append("; HAProxy / direct: ")
                        .append(String.format(Locale.ROOT, "%.2f", h.achievedRate() / direct.get().achievedRate())));
                md.append(".\n");
            }
        }

        Optional<LoadResult> systems = find(throughput, "GET /api/code-systems (gateway, wrk)");
        Optional<LoadResult> page = find(throughput, BenchmarkMain.CODE_PAGE_WRK + "gateway, wrk)");
        Map<String, Double> pageCpu = wrkCpu.getOrDefault("gateway, code page", Map.of());
        if (systems.isPresent() && page.isPresent() && systems.get().available() && page.get().available()) {
            double ratio = page.get().achievedRate() / systems.get().achievedRate();
            md.append("\nCached code page through the gateway (wrk): ").append(String.format(Locale.ROOT, "%.0f",
                            page.get().achievedRate())).append(" req/s, ").append(String.format(Locale.ROOT, "%.2f", ratio))
                    .append(" of `/api/code-systems` through the gateway (target ≥ ").append(TARGET_CODE_PAGE_RATIO)
                    .append(": ").append(ratio >= TARGET_CODE_PAGE_RATIO ? "met" : "NOT met").append(")");
            if (pageCpu.containsKey("gateway") && pageCpu.containsKey("code-service")) {
                double both = pageCpu.get("gateway") + pageCpu.get("code-service");
                md.append("; CPU per request in gateway + code-service ").append(String.format(Locale.ROOT, "%.0f", both))
                        .append(" µs (").append(String.format(Locale.ROOT, "%.0f + %.0f", pageCpu.get("gateway"),
                                pageCpu.get("code-service"))).append("; target ≤ ").append(TARGET_CODE_PAGE_MICROS)
                        .append(" µs: ").append(both <= TARGET_CODE_PAGE_MICROS ? "met" : "NOT met").append(")");
            }
            md.append(".\n");
        }

        md.append(cpuTable(wrkCpu, Runtime.getRuntime().availableProcessors()));

        md.append("\n## Startup time and memory per service\n\n");
        md.append("Startup = from process start to the first 200 from `/q/health/ready` on the management port (wall clock); CPU = user + system "
                + "time of the process (all threads) until then, from `/proc/<pid>/stat`: on a busy shared machine the wall "
                + "clock mostly measures waiting for a CPU, while the CPU time is what starting costs (on an idle 2-core "
                + "machine the wall clock is at least CPU / 2). RSS = `VmRSS` from `/proc/<pid>/status`. First start "
                + "migrates an empty schema and loads demo data; restarts run on the migrated database, " + BenchmarkMain.RESTARTS
                + " per service: the median, with the fastest and slowest in brackets. Every start waits for a quiet "
                + "machine first (see the notes). Service JVMs run with the options above. The target applies to the "
                + "started service (time and RSS at ready); RSS after the load is shown for sizing: a JVM keeps the heap it "
                + "grew under load, up to its `-Xmx`.\n\n");
        md.append("| Service | First start (ms) | CPU to ready (ms) | RSS at ready (MB) | Restart, median (ms) | CPU to ready (ms) | RSS at ready (MB) | RSS after the load (MB) | Target (< 3 s, < 300 MB at ready) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Map.Entry<String, Service> e : services.entrySet()) {
            if (e.getKey().contains("#")) {
                continue;
            }
            Service s = e.getValue();
            long after = rssAfter.getOrDefault(e.getKey(), -1L);
            // median ms, its RSS kB, its CPU ms, fastest ms, slowest ms, largest RSS kB
            long[] again = restarts.getOrDefault(e.getKey(), new long[]{-1, -1, -1, -1, -1, -1});
            boolean startOk = s.startupMillis < TARGET_STARTUP_MS && again[0] < TARGET_STARTUP_MS;
            boolean rssOk = s.rssAtReadyKb < TARGET_RSS_KB && again[5] < TARGET_RSS_KB;
            md.append("| ").append(e.getKey()).append(" | ").append(s.startupMillis).append(" | ").append(s.cpuMillisAtReady)
                    .append(" | ").append(mb(s.rssAtReadyKb)).append(" | ").append(again[0]).append(" (")
                    .append(again[3]).append("–").append(again[4]).append(") | ").append(again[2]).append(" | ")
                    .append(mb(again[1])).append(" | ").append(mb(after)).append(" | ")
                    .append("start ").append(startOk ? "met" : "NOT met").append(", memory ").append(rssOk ? "met" : "NOT met")
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    private static String mb(long kb) {
        return kb < 0 ? "–" : String.format(Locale.ROOT, "%.0f", kb / 1024.0);
    }

    private static String procValue(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String osName() {
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .findFirst().map(l -> l.substring(12).replace("\"", "")).orElse(System.getProperty("os.name"));
        } catch (IOException e) {
            return System.getProperty("os.name");
        }
    }
}
