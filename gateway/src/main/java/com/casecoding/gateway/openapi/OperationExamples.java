package com.casecoding.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The examples of the partner document, by operationId ({@code openapi/examples.json}): for an operation its request
 * body ({@code request}) and its answer ({@code response}, with the {@code status} it came with). They are real
 * exchanges of the contract walk on the demo data (system-tests ContractWalkIT writes them to
 * {@code target/contract/examples.json} and fails when one it saw is not here); Spectral checks each one against its
 * schema, so an example that no longer fits fails the build. The DRG and place-of-service operations have none: the
 * demo data has no such tables, and the real CMS files are not copied into the repository.
 */
final class OperationExamples {

    private final JsonNode byOperation;

    private OperationExamples(JsonNode byOperation) {
        this.byOperation = byOperation;
    }

    static OperationExamples load(ObjectMapper mapper) {
        try (InputStream in = OperationExamples.class.getResourceAsStream("/openapi/examples.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi/examples.json is missing from the gateway");
            }
            return new OperationExamples(mapper.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the operation's examples on its JSON request body and on the JSON content of the answer they came with. */
    void apply(String operationId, ObjectNode operation) {
        JsonNode examples = byOperation.path(operationId);
        if (examples.has("request")) {
            set(operation.path("requestBody"), examples.get("request"));
        }
        if (examples.has("response")) {
            set(operation.path("responses").path(examples.path("status").asText("200")), examples.get("response"));
        }
    }

    private static void set(JsonNode holder, JsonNode example) {
        if (holder.at("/content/application~1json") instanceof ObjectNode media && !holder.has("$ref")) {
            media.set("example", example.deepCopy());
        }
    }
}
