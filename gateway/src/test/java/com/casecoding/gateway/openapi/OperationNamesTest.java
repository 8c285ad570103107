package com.casecoding.gateway.openapi;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationNamesTest {

    private static OperationNames parse(String text) throws Exception {
        return OperationNames.parse(new BufferedReader(new StringReader(text)));
    }

    @Test
    void namesAndDocumentsAreRead() throws Exception {
        OperationNames names = parse("# comment\n\nget /api/search searchCodes\nGET /api/admin/x listX operator\n");
        assertEquals("searchCodes", names.of("GET", "/api/search").orElseThrow().operationId());
        assertTrue(names.of("get", "/api/admin/x").orElseThrow().operator());
        assertTrue(names.of("post", "/api/search").isEmpty());
    }

    @Test
    void aWrongLineSaysWhichAndWhy() {
        String twice = assertThrows(IllegalStateException.class,
                () -> parse("get /a one\nget /b one\n")).getMessage();
        assertTrue(twice.contains("line 2") && twice.contains("used twice"), twice);
        String shape = assertThrows(IllegalStateException.class, () -> parse("get /a one partner\n")).getMessage();
        assertTrue(shape.contains("line 1") && shape.contains("[operator]"), shape);
        String same = assertThrows(IllegalStateException.class, () -> parse("get /a one\nget /a two\n")).getMessage();
        assertTrue(same.contains("named twice"), same);
    }

    @Test
    void theShippedFileLoads() {
        assertEquals("getCodePage", OperationNames.load().of("get", "/api/codes/{system}/{code}").orElseThrow()
                .operationId());
    }
}
