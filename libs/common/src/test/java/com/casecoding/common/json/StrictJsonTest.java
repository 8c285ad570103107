package com.casecoding.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictJsonTest {

    private final ObjectMapper mapper = StrictJson.apply(new ObjectMapper());

    record Role(String role) {
    }

    @Test
    void aFieldNamedTwiceIsRefusedAndNamed() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue("{\"role\":\"coder\",\"role\":\"admin\"}", Role.class));
        assertEquals("role", StrictJson.duplicateField(e));
        // also in nested objects and untyped trees
        JsonProcessingException nested = assertThrows(JsonProcessingException.class,
                () -> mapper.readTree("{\"a\":{\"b\":1,\"b\":2}}"));
        assertEquals("b", StrictJson.duplicateField(nested));
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"x\":1,\"x\":1}", Map.class));
    }

    @Test
    void otherBodiesAreReadAsBefore() throws Exception {
        assertEquals("coder", mapper.readValue("{\"role\":\"coder\"}", Role.class).role());
        JsonNode same = mapper.readTree("[{\"a\":1},{\"a\":2}]");
        assertEquals(2, same.get(1).get("a").asInt());
        JsonProcessingException broken = assertThrows(JsonProcessingException.class, () -> mapper.readTree("{\"a\":"));
        assertNull(StrictJson.duplicateField(broken));
    }
}
