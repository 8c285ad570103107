package com.casecoding.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time per request while a closed-loop run drives one target: of each process that takes part (user + system time
 * from {@code /proc/<pid>/stat}) and of the whole machine (the busy ticks of {@code /proc/stat}: those processes, the
 * load generator, the kernel's loopback networking and anything else running). On N CPUs no target can answer more
 * than N seconds / (machine CPU per request) requests per second, so this says where a maximum throughput comes from.
 * Linux counts both in clock ticks of 10 ms; over runs of several seconds that is precise enough.
 */
final class CpuPerRequest {

    static final String MACHINE = "whole machine";
    private static final long MICROS_PER_TICK = 10_000;

    /** Busy ticks of the machine and of each process at one instant. */
    record Reading(long machine, Map<String, Long> processes) {
    }

    private final Map<String, Long> pids;
    private long requests;
    private long machineTicks;
    private final Map<String, Long> processTicks = new LinkedHashMap<>();

    /** {@code pids}: the processes to account for, by the name the report gives them. */
    CpuPerRequest(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
    }

    Reading read() {
        long[] machine = MachineIdle.ticks();
        Map<String, Long> processes = new LinkedHashMap<>();
        pids.forEach((name, pid) -> processes.put(name, processTicks(pid)));
        return new Reading(machine == null ? -1 : machine[1] - machine[0], processes);
    }

    /** Adds what happened between two readings, during which {@code served} requests were answered. */
    void add(Reading before, Reading after, long served) {
        if (served <= 0 || before.machine() < 0 || after.machine() < 0) {
            return;
        }
        requests += served;
        machineTicks += after.machine() - before.machine();
        before.processes().forEach((name, ticks) -> {
            Long then = after.processes().get(name);
            if (ticks >= 0 && then != null && then >= 0) {
                processTicks.merge(name, then - ticks, Long::sum);
            }
        });
    }

    /** Microseconds of CPU per request: {@link #MACHINE} first, then each process; empty when nothing was measured. */
    Map<String, Double> micros() {
        Map<String, Double> micros = new LinkedHashMap<>();
        if (requests == 0) {
            return micros;
        }
        micros.put(MACHINE, (double) machineTicks * MICROS_PER_TICK / requests);
        processTicks.forEach((name, ticks) -> micros.put(name, (double) ticks * MICROS_PER_TICK / requests));
        return micros;
    }

    /** utime + stime of a process in ticks, or -1 when it cannot be read. */
    static long processTicks(long pid) {
        try {
            return parseProcessTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Fields 14 and 15 of {@code /proc/<pid>/stat}, counted after the command name (which may hold spaces). */
    static long parseProcessTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
