package com.casecoding.codes.release;

import io.quarkus.test.junit.QuarkusMock;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Sets "today" of the service under test: call from {@code @BeforeAll} (whole class) or a test method. */
public final class TestClock {

    private TestClock() {
    }

    public static void today(LocalDate day) {
        QuarkusMock.installMockForType(Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
                Clock.class);
    }
}
