package com.casecoding.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits for a quiet machine before a start-up is measured: on 2 shared cores a build that just finished, or a service
 * still indexing, would otherwise be measured along with the start. Reads the aggregate {@code cpu} line of
 * {@code /proc/stat}.
 */
final class MachineIdle {

    private MachineIdle() {
    }

    /**
     * Waits until the CPUs were at least {@code idleShare} idle over one {@code window}, at most {@code max}.
     *
     * @return the time waited in ms (at once without /proc)
     */
    static long await(double idleShare, Duration window, Duration max) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + max.toNanos();
        long[] before = ticks();
        while (before != null && System.nanoTime() < deadline) {
            Thread.sleep(window.toMillis());
            long[] after = ticks();
            if (after == null || idleShare(before, after) >= idleShare) {
                break;
            }
            before = after;
        }
        return (System.nanoTime() - begin) / 1_000_000;
    }

    /** The idle share between two readings of {idle ticks, total ticks}. */
    static double idleShare(long[] before, long[] after) {
        long total = after[1] - before[1];
        return total <= 0 ? 1.0 : (double) (after[0] - before[0]) / total;
    }

    /** {idle + iowait, all} ticks since boot, or null without /proc. */
    static long[] ticks() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** "cpu  user nice system idle iowait irq softirq steal ..." to {idle + iowait, all}. */
    static long[] parse(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (!"cpu".equals(f[0]) || f.length < 5) {
            throw new IllegalArgumentException("not the aggregate cpu line of /proc/stat: " + cpuLine);
        }
        long all = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) { // guest time is already counted in user
            all += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
        return new long[]{idle, all};
    }
}
