package com.casecoding.common.web;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {

    @Test
    void newIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.newId();
            UUID parsed = UUID.fromString(id);
            assertEquals(4, parsed.version(), id);
            assertEquals(2, parsed.variant(), id);
            assertEquals(id, parsed.toString());
            assertTrue(seen.add(id), "repeated id " + id);
        }
    }

    @Test
    void aSaneCallerIdIsKeptAndOthersAreReplaced() {
        assertEquals("abc-123_x.y:z", RequestIds.accept("abc-123_x.y:z"));
        assertEquals("Z".repeat(128), RequestIds.accept("Z".repeat(128)));
        assertEquals("7", RequestIds.accept("7"));
        for (String bad : new String[]{null, "", "has space", "x".repeat(129), "semi;colon", "ünicode", "a/b", "line\nbreak",
                "tab\t", "<script>", "@", "[", "`", "{"}) {
            String id = RequestIds.accept(bad);
            assertEquals(4, UUID.fromString(id).version(), "replacement for " + bad);
        }
    }
}
