package com.casecoding.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MachineIdleTest {

    @Test
    void readsIdleAndIowaitAgainstAllTicksWithoutGuestTime() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        long[] t = MachineIdle.parse("cpu  100 5 50 800 20 3 2 10 40 0");
        assertArrayEquals(new long[]{820, 990}, t);
    }

    @Test
    void idleShareIsTheIdleTicksOverAllTicksBetweenTwoReadings() {
        assertEquals(0.25, MachineIdle.idleShare(new long[]{100, 1000}, new long[]{150, 1200}), 1e-9);
        assertEquals(1.0, MachineIdle.idleShare(new long[]{100, 1000}, new long[]{100, 1000}), 1e-9);
    }

    @Test
    void refusesAnotherLine() {
        assertThrows(IllegalArgumentException.class, () -> MachineIdle.parse("cpu0 1 2 3 4 5"));
    }

    @Test
    void awaitingIsBoundedByItsMaximum() throws InterruptedException {
        // asks for more than 100 % idle, which never comes: returns after about the maximum
        long waited = MachineIdle.await(1.01, Duration.ofMillis(50), Duration.ofMillis(300));
        assertTrue(waited >= 250 && waited < 5_000, "waited " + waited + " ms");
    }
}
