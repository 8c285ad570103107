package com.casecoding.codes.bench;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.io.PrintWriter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Benchmark entry point: starts code-service in-process (Quarkus test bootstrap with the embedded PostgreSQL), imports
 * the real payment and edit files from ../shared/data (printing the import time), then times the check of a 10-line
 * claim with HdrHistogram and prints p50/p90/p99. Command: see code-service/README.md ("Claim checks").
 */
public final class ClaimCheckBenchmark {

    private static final String BENCH = "com.casecoding.codes.bench.ClaimCheckBench";

    private ClaimCheckBenchmark() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        // Quarkus loads @QuarkusTest classes through its own class loader: select by name, never by Class object,
        // and let the Quarkus launcher interceptor run.
        System.setProperty("junit.platform.launcher.interceptors.enabled", "true");
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(BENCH)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        listener.getSummary().printFailuresTo(new PrintWriter(System.err), 20);
        System.exit(listener.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
    }
}
