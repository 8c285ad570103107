package com.casecoding.codes.bench;

import com.casecoding.codes.catalog.CodeCatalog;
import com.casecoding.codes.claims.ClaimCheckRequest;
import com.casecoding.codes.claims.ClaimCheckResult;
import com.casecoding.codes.claims.ClaimCheckService;
import com.casecoding.codes.claims.ClaimTestData;
import com.casecoding.codes.edits.CareSetting;
import com.casecoding.codes.edits.EditDataset;
import com.casecoding.codes.edits.EditTables;
import com.casecoding.codes.edits.EditTestData;
import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.ImportOutcome;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.imports.ImportSummary;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

/**
 * The measurement behind {@link ClaimCheckBenchmark}: imports everything in ../shared/data (timed; the payment and
 * edit files reported apart), then checks a
 * 10-line claim in-process many times and prints the latency percentiles. Not a unit test: the class name keeps it
 * out of the normal test run; start it with {@link ClaimCheckBenchmark#main} or {@code -Dtest=ClaimCheckBench}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
public class ClaimCheckBench {

    static final int WARMUP = Integer.getInteger("bench.warmup", 20_000);
    static final int ITERATIONS = Integer.getInteger("bench.iterations", 50_000);

    @Inject
    ImportRunner runner;

    @Inject
    EditTables tables;

    @Inject
    CodeCatalog catalog;

    @Inject
    ClaimCheckService service;

    @Inject
    DataSource dataSource;

    static ClaimCheckRequest tenLineClaim() {
        List<Integer> dx1 = List.of(1);
        List<Integer> dx12 = List.of(1, 2);
        return new ClaimCheckRequest(LocalDate.of(2026, 4, 15), CareSetting.PRACTITIONER, List.of("E11.9", "I10"),
                List.of(new ClaimCheckRequest.Line("99213", 1, List.of("25"), dx12),
                        new ClaimCheckRequest.Line("11042", 1, List.of(), dx1),
                        new ClaimCheckRequest.Line("97597", 1, List.of("XS"), dx1),
                        new ClaimCheckRequest.Line("36415", 1, List.of(), dx12),
                        new ClaimCheckRequest.Line("20610", 1, List.of("RT"), dx1),
                        new ClaimCheckRequest.Line("27447", 1, List.of("LT"), dx1),
                        new ClaimCheckRequest.Line("36221", 1, List.of(), dx1),
                        new ClaimCheckRequest.Line("37253", 2, List.of(), dx1),
                        new ClaimCheckRequest.Line("A6460", 2, List.of(), dx1),
                        new ClaimCheckRequest.Line("97110", 2, List.of("GA"), dx1)));
    }

    @Test
    void run() throws Exception {
        Path data = CodesTestData.sharedDataOrSkip();
        EditTestData.clean(dataSource, tables);
        ImportSummary summary = runner.importPaths(List.of(data), "benchmark");
        long editMillis = summary.files().stream().filter(o -> EditDataset.fromId(o.dataset()).isPresent())
                .mapToLong(ImportOutcome::millis).sum();
        long editRows = summary.files().stream().filter(o -> EditDataset.fromId(o.dataset()).isPresent())
                .mapToLong(ImportOutcome::rows).sum();
        System.out.printf("%nIMPORT  everything in ../shared/data: %d files stored, %,d rows, %d refused/failed, "
                + "%.1f s (target < 180 s)%n", summary.stored(), summary.rows(), summary.failed(), summary.millis() / 1000.0);
        System.out.printf("        of which payment and edit tables (RVU, GPCI, localities, 3 MUE, add-on): %,d rows, %.1f s%n",
                editRows, editMillis / 1000.0);
        assertEquals(0, summary.failed(), summary.toString());
        assertEquals(7, summary.files().stream().filter(o -> EditDataset.fromId(o.dataset()).isPresent()
                && o.stored()).count(), summary.toString());
        runner.importPaths(List.of(EditTestData.writePtpFixture(Files.createTempDirectory("bench-ptp"))), "benchmark");
        ClaimTestData.install(dataSource, catalog);

        ClaimCheckRequest claim = tenLineClaim();
        ClaimCheckResult sample = service.check(claim);
        System.out.printf("CLAIM   10 lines -> %d error(s), %d warning(s), %d info%n", sample.errors(),
                sample.warnings(), sample.infos());
        sample.findings().forEach(f -> System.out.printf("        %-7s %-16s %s%n", f.severity(), f.rule(), f.lines()));

        for (int i = 0; i < WARMUP; i++) {
            service.check(claim);
        }
        Histogram h = new Histogram(3_600_000_000L, 3);
        long start = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            long t0 = System.nanoTime();
            service.check(claim);
            h.recordValue(System.nanoTime() - t0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("CHECK   10-line claim in-process, %,d checks after %,d warm-up, %.0f checks/s%n", ITERATIONS,
                WARMUP, ITERATIONS / seconds);
        System.out.printf("        p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms (target p99 < 5 ms)%n%n",
                ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1e6);
        ClaimTestData.remove(dataSource, catalog);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }
}
