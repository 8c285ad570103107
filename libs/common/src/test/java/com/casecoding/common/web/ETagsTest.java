package com.casecoding.common.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ETagsTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameBytesGiveTheSameQuotedTagAndOtherBytesAnother() {
        String tag = ETags.of(bytes("{\"code\":\"E11.9\"}"));
        assertTrue(tag.startsWith("\"") && tag.endsWith("\""), tag);
        assertEquals(tag, ETags.of(bytes("{\"code\":\"E11.9\"}")));
        assertNotEquals(tag, ETags.of(bytes("{\"code\":\"E11.8\"}")));
        assertNotEquals(tag, ETags.of(bytes("{\"code\":\"E11.9\"} ")));
    }

    @Test
    void ifNoneMatchNamesTheTagInAListWeaklyOrWithAStar() {
        String tag = ETags.of(bytes("page"));
        assertTrue(ETags.matches(tag, tag));
        assertTrue(ETags.matches("\"other\", " + tag, tag));
        assertTrue(ETags.matches("W/" + tag, tag));
        assertTrue(ETags.matches("*", tag));
        assertFalse(ETags.matches(null, tag));
        assertFalse(ETags.matches("", tag));
        assertFalse(ETags.matches("\"other\"", tag));
        assertFalse(ETags.matches(tag.substring(1, tag.length() - 1), tag), "an unquoted tag is not the tag");
    }
}
