package com.casecoding.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The JSON rules of every service, in one place: a request body that names a field twice
 * ({@code {"role":"coder","role":"admin"}}) is refused with 400 problem+json (see
 * {@code ProblemMappers.malformed}) instead of silently keeping the last value, so no two parsers (a proxy, a WAF,
 * this service) can read one body differently. Unknown fields are refused by
 * {@code quarkus.jackson.fail-on-unknown-properties} in each service's configuration.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    public static ObjectMapper apply(ObjectMapper mapper) {
        return mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** The field a parse failure names twice, or null when the failure is something else. */
    public static String duplicateField(com.fasterxml.jackson.core.JsonProcessingException e) {
        String message = e.getOriginalMessage();
        String prefix = "Duplicate field '";
        if (message == null || !message.startsWith(prefix)) {
            return null;
        }
        int end = message.indexOf('\'', prefix.length());
        return end < 0 ? null : message.substring(prefix.length(), end);
    }
}
