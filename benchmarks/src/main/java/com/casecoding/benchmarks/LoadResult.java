package com.casecoding.benchmarks;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one load run measured. Latencies are in microseconds, measured from the intended send time (open loop), so a
 * stalled server shows up as latency rather than as fewer requests.
 */
public record LoadResult(String label, double targetRate, long requests, long errors, Map<Integer, Long> statuses,
                         double achievedRate, long p50, long p90, long p99, long max, String note) {

    public LoadResult {
        statuses = new TreeMap<>(statuses);
    }

    /** A scenario that could not run (endpoint missing on this build, ...). */
    public static LoadResult notAvailable(String label, double targetRate, String why) {
        return new LoadResult(label, targetRate, 0, 0, Map.of(), 0, -1, -1, -1, -1, why);
    }

    public boolean available() {
        return p50 >= 0;
    }

    /** Below this share of the target rate, or above {@link #OVERLOAD_ERRORS} errors, an open-loop row is overloaded. */
    static final double OVERLOAD_RATE = 0.95;
    static final double OVERLOAD_ERRORS = 0.01;

    /**
     * Whether the system (or the load generator) could not keep up with an open-loop row: it answered clearly less than
     * the target rate, or more than 1 % of the requests failed. Its latencies then describe a queue, not the service.
     */
    public boolean overloaded() {
        return available() && targetRate > 0 && requests > 0
                && (achievedRate < OVERLOAD_RATE * targetRate || errors > OVERLOAD_ERRORS * requests);
    }

    public LoadResult withNote(String text) {
        return new LoadResult(label, targetRate, requests, errors, statuses, achievedRate, p50, p90, p99, max, text);
    }
}
