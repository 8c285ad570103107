import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load on the code page: sends GET /api/codes/{system}/{code} at a fixed rate (requests are scheduled on a
 * clock, never held back by slow answers, so queueing shows up in the latency: no coordinated omission) and prints
 * percentiles. No dependencies: {@code java code-service/benchmarks/CodePageLoad.java BASE_URL RATE SECONDS CODES}.
 * CODES is a file of "system/code" lines; the list is cycled. Without {@code BENCH_TOKEN} the requests are a guest's
 * (descriptions only); with a registered user's access token in {@code BENCH_TOKEN} they get the whole page.
 */
public class CodePageLoad {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8081";
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        List<String> codes = args.length > 3 ? read(Path.of(args[3]))
                : List.of("icd10cm/E119", "icd10cm/I10", "hcpcs/J1885", "cpt/99213", "icd10pcs/0DTJ4ZZ");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newFixedThreadPool(8)).build();

        // warm-up: one pass over the list (fills the page cache, JIT), not measured
        int warm = Math.min(codes.size(), 20_000);
        for (int i = 0; i < warm; i++) {
            client.send(request(base, codes.get(i)), HttpResponse.BodyHandlers.discarding());
        }

        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        clock.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            long intended = start + i * periodNanos;
            client.sendAsync(request(base, codes.get(i % codes.size())), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((response, error) -> {
                        latencies[i] = System.nanoTime() - intended;
                        if (error != null || response.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else {
                            bytes.addAndGet(response.body().length);
                        }
                        done.countDown();
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        done.await(seconds + 60L, TimeUnit.SECONDS);
        clock.shutdownNow();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, total);
        Arrays.sort(sorted);
        System.out.printf("requests %d in %.1f s (%.0f/s target %d/s), errors %d, avg body %d bytes%n", total,
                elapsed, total / elapsed, rate, errors.get(), bytes.get() / Math.max(1, total - errors.get()));
        for (double p : new double[]{50, 90, 99, 99.9, 100}) {
            int idx = (int) Math.min(total - 1, Math.ceil(p / 100 * total) - 1);
            System.out.printf("p%-5s %8.2f ms%n", p, sorted[Math.max(0, idx)] / 1e6);
        }
        System.exit(0);
    }

    /** A bearer token from the environment ({@code BENCH_TOKEN}) measures a registered user's full page. */
    private static final String TOKEN = System.getenv("BENCH_TOKEN");

    private static HttpRequest request(String base, String code) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/codes/" + code))
                .timeout(Duration.ofSeconds(10)).GET();
        if (TOKEN != null && !TOKEN.isBlank()) {
            builder.header("Authorization", "Bearer " + TOKEN);
        }
        return builder.build();
    }

    private static List<String> read(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.trim());
            }
        }
        return out;
    }
}
