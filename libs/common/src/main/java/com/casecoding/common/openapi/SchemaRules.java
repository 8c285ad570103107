package com.casecoding.common.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two rules of every service's document about its schemas, in one place.
 * <p>
 * What an answer always carries: the services write every property of
 * an answer (Jackson includes nulls), so each property of a schema that only answers use is {@code required}, unless
 * its field says it may be null ({@code @Schema(nullable = true)}: it may then be null, or absent where the class
 * leaves nulls out). SDK generators then type the always-present fields as non-optional, and the contract walk
 * ({@code system-tests} {@code ContractWalkIT}) fails on any answer that leaves one out or sends a null in a field
 * that does not say it may be null.
 * <p>
 * What a request may carry: each service refuses a field its request does not know
 * ({@code quarkus.jackson.fail-on-unknown-properties}), so a schema only requests use says
 * {@code additionalProperties: false}; it keeps the {@code required} list of its validation annotations (a client need
 * not send an optional field).
 */
public class SchemaRules implements OASFilter {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null || openAPI.getPaths() == null) {
            return;
        }
        Map<String, Schema> named = components.getSchemas();
        List<Schema> requestRoots = new ArrayList<>();
        List<Schema> answerRoots = new ArrayList<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                if (op.getRequestBody() != null) {
                    addSchemas(op.getRequestBody().getContent(), requestRoots);
                }
                if (op.getParameters() != null) {
                    for (Parameter p : op.getParameters()) {
                        if (p.getSchema() != null) {
                            requestRoots.add(p.getSchema());
                        }
                    }
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    for (APIResponse response : op.getResponses().getAPIResponses().values()) {
                        addSchemas(response.getContent(), answerRoots);
                    }
                }
            }
        }
        Set<String> inRequests = reachable(requestRoots, named);
        Set<String> inAnswers = reachable(answerRoots, named);
        for (String name : inAnswers) {
            if (!inRequests.contains(name)) {
                requireAlwaysPresent(named.get(name));
            }
        }
        for (String name : inRequests) {
            Schema schema = named.get(name);
            boolean open = schema == null || schema.getAdditionalPropertiesSchema() != null
                    || schema.getAdditionalPropertiesBoolean() != null;
            if (!inAnswers.contains(name) && !open && schema.getProperties() != null) {
                schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
            }
        }
    }

    /** Every property that does not say it may be null is required (in the order the schema lists them). */
    static void requireAlwaysPresent(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        List<String> required = new ArrayList<>(schema.getRequired() == null ? List.of() : schema.getRequired());
        schema.getProperties().forEach((property, propertySchema) -> {
            if (!mayBeNull(propertySchema) && !required.contains(property)) {
                required.add(property);
            }
        });
        schema.setRequired(required.isEmpty() ? null : required);
    }

    /** {@code type: [..., "null"]}, or an {@code anyOf}/{@code oneOf} with a null member (a nullable reference). */
    static boolean mayBeNull(Schema schema) {
        if (schema == null) {
            return true;
        }
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL)) {
            return true;
        }
        for (List<Schema> members : Arrays.asList(schema.getAnyOf(), schema.getOneOf())) {
            if (members != null && members.stream().anyMatch(SchemaRules::mayBeNull)) {
                return true;
            }
        }
        return false;
    }

    private static void addSchemas(Content content, List<Schema> into) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            if (media.getSchema() != null) {
                into.add(media.getSchema());
            }
        }
    }

    /** The names of the component schemas the roots use, directly or through other schemas. */
    private static Set<String> reachable(List<Schema> roots, Map<String, Schema> named) {
        Set<String> names = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>(roots);
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s == null || !seen.add(s)) {
                continue;
            }
            String ref = s.getRef();
            if (ref != null && ref.startsWith(COMPONENT_PREFIX)) {
                String name = ref.substring(COMPONENT_PREFIX.length());
                if (names.add(name) && named.get(name) != null) {
                    todo.push(named.get(name));
                }
            }
            if (s.getProperties() != null) {
                todo.addAll(s.getProperties().values());
            }
            if (s.getItems() != null) {
                todo.push(s.getItems());
            }
            if (s.getAdditionalPropertiesSchema() != null) {
                todo.push(s.getAdditionalPropertiesSchema());
            }
            for (List<Schema> members : Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
                if (members != null) {
                    todo.addAll(members);
                }
            }
        }
        return names;
    }
}
