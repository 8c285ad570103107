package com.casecoding.gateway.web;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VaryOriginTest {

    private static List<String> vary(String... existing) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (String v : existing) {
            headers.add("Vary", v);
        }
        VaryOrigin.addTo(headers);
        return headers.getAll("Vary");
    }

    @Test
    void originIsAddedToWhatTheAnswerAlreadyVariesBy() {
        assertEquals(List.of("Origin"), vary());
        assertEquals(List.of("Accept-Encoding", "Origin"), vary("Accept-Encoding"));
        assertEquals(List.of("accept-encoding, origin"), vary("accept-encoding, origin"));
        assertEquals(List.of("*"), vary("*"));
    }
}
