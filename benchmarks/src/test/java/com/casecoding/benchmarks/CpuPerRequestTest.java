package com.casecoding.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CpuPerRequestTest {

    @Test
    void readsUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (java (worker) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 30 0";
        assertEquals(1801, CpuPerRequest.parseProcessTicks(stat));
    }

    @Test
    void dividesTheTicksOfEveryRunByTheRequestsAnswered() {
        CpuPerRequest account = new CpuPerRequest(Map.of("gateway", 1L));
        // two runs: 200 machine ticks and 80 gateway ticks for 100 000 requests in all
        account.add(reading(1_000, 50), reading(1_150, 110), 60_000);
        account.add(reading(2_000, 200), reading(2_050, 220), 40_000);
        Map<String, Double> micros = account.micros();
        assertEquals(20.0, micros.get(CpuPerRequest.MACHINE), 1e-9); // 200 ticks * 10 000 µs / 100 000
        assertEquals(8.0, micros.get("gateway"), 1e-9);
    }

    @Test
    void aRunWithoutAnswersOrWithoutReadingsCountsNothing() {
        CpuPerRequest account = new CpuPerRequest(Map.of("gateway", 1L));
        account.add(reading(1_000, 50), reading(1_150, 110), 0);
        account.add(reading(-1, 50), reading(1_150, 110), 10);
        assertTrue(account.micros().isEmpty());
        account.add(reading(1_000, -1), reading(1_100, 30), 1_000);
        assertEquals(Map.of(CpuPerRequest.MACHINE, 1000.0), account.micros());
    }

    @Test
    void readsThisMachineAndThisProcess() {
        long self = ProcessHandle.current().pid();
        CpuPerRequest account = new CpuPerRequest(Map.of("self", self));
        CpuPerRequest.Reading before = account.read();
        assumeTrue(before.machine() >= 0 && before.processes().get("self") >= 0, "needs Linux /proc");
        // spin until this process has used 200 ms of CPU (20 ticks), however busy the machine is (at most 20 s)
        long deadline = System.nanoTime() + 20_000_000_000L;
        CpuPerRequest.Reading after;
        long x = 0;
        do {
            long until = System.nanoTime() + 20_000_000L;
            while (System.nanoTime() < until) {
                x += Long.numberOfTrailingZeros(x + System.nanoTime());
            }
            after = account.read();
        } while (after.processes().get("self") - before.processes().get("self") < 20 && System.nanoTime() < deadline);
        long process = after.processes().get("self") - before.processes().get("self");
        assertTrue(process >= 20, "this process' ticks went up by " + process + " (x=" + x + ")");
        // the machine's busy time includes this process' (ticks are sampled per CPU, so allow a little slack)
        assertTrue(after.machine() - before.machine() >= process - Math.max(3, process / 10),
                "machine " + (after.machine() - before.machine()) + " ticks, process " + process);
    }

    @Test
    void tableGivesEachTargetsCostAndTheCeilingItAllowsOnTheMachinesCpus() {
        Map<String, Map<String, Double>> perTarget = new LinkedHashMap<>();
        perTarget.put("direct", ordered(CpuPerRequest.MACHINE, 40.0, "code-service", 25.0, "gateway", 0.0));
        perTarget.put("gateway", ordered(CpuPerRequest.MACHINE, 80.0, "code-service", 33.0, "gateway", 32.5));
        String md = Report.cpuTable(perTarget, 2);
        assertTrue(md.contains("| Target | whole machine (µs) | code-service (µs) | gateway (µs) | Ceiling on 2 CPUs (req/s) |"), md);
        assertTrue(md.contains("| direct | 40.0 | 25.0 | 0.0 | 50000 |"), md);
        assertTrue(md.contains("| gateway | 80.0 | 33.0 | 32.5 | 25000 |"), md);
        assertEquals("", Report.cpuTable(Map.of("direct", Map.of()), 2));
    }

    private static CpuPerRequest.Reading reading(long machine, long gateway) {
        return new CpuPerRequest.Reading(machine, Map.of("gateway", gateway));
    }

    private static Map<String, Double> ordered(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Double) kv[i + 1]);
        }
        return m;
    }
}
