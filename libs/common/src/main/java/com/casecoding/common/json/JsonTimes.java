package com.casecoding.common.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How every service writes an instant: UTC, ISO-8601, always with milliseconds ({@code 2026-12-03T17:25:21.120Z}).
 * An answer that has just stored a time and a later read of the same row (PostgreSQL keeps microseconds, the clock
 * nanoseconds) then show the same text, and partners parse one shape.
 */
@Singleton
public class JsonTimes implements ObjectMapperCustomizer {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    public static ObjectMapper apply(ObjectMapper mapper) {
        return mapper.registerModule(new SimpleModule("casecoding-times").addSerializer(Instant.class,
                new InstantWriter()));
    }

    /** Runs after Quarkus' own customizer registered the Java time module, so this serializer wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    static final class InstantWriter extends StdSerializer<Instant> {

        InstantWriter() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(FORMAT.format(value));
        }
    }
}
