package com.casecoding.gateway.proxy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderNamesTest {

    private final HeaderNames names = new HeaderNames(List.of("connection", "te", "host"), List.of("x-forwarded-for"));

    @Test
    void matchesIgnoringCaseAcrossGroups() {
        assertTrue(names.contains("Connection"));
        assertTrue(names.contains("TE"));
        assertTrue(names.contains("hOsT"));
        assertTrue(names.contains("X-Forwarded-For"));
    }

    @Test
    void otherNamesOfAnyLengthDoNotMatch() {
        assertFalse(names.contains("Authorization"));
        assertFalse(names.contains("tee"));
        assertFalse(names.contains("hosts"));
        assertFalse(names.contains(""));
        assertFalse(names.contains("x-forwarded-for-something-much-longer-than-any-name"));
    }
}
