package com.casecoding.common.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonTimesTest {

    /** As Quarkus builds it: the Java time module first, then the customizers. */
    private final ObjectMapper mapper = JsonTimes.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void anInstantIsUtcWithExactlyMilliseconds() throws Exception {
        assertEquals("{\"at\":\"2026-12-03T17:25:21.123Z\"}",
                mapper.writeValueAsString(Map.of("at", Instant.parse("2026-12-03T17:25:21.123456789Z"))));
        assertEquals("\"2026-12-03T17:25:21.000Z\"", mapper.writeValueAsString(Instant.parse("2026-12-03T17:25:21Z")));
    }

    @Test
    void theClocksNanosecondsAndTheDatabasesMicrosecondsReadTheSame() throws Exception {
        Instant now = Instant.parse("2026-12-03T17:25:21.123456789Z");
        assertEquals(mapper.writeValueAsString(now),
                mapper.writeValueAsString(now.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
    }
}
