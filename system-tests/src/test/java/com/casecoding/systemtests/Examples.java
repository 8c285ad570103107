package com.casecoding.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a real exchange of the contract walk into a document example: arrays keep their first three items (an
 * example shows the shape, not the data set), signed tokens are cut to their header, opaque ones and passwords
 * replaced, so that no example carries a credential, even a test one.
 */
final class Examples {

    static final int ITEMS = 3;
    /** What a password in an example reads: the walk's own throwaway passwords are not shown. */
    static final String EXAMPLE_PASSWORD = "Example-passphrase-2026";
    private static final Pattern JWT = Pattern.compile("^eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$");

    private Examples() {
    }

    static JsonNode shortened(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = ContractWalk.JSON.createArrayNode();
            for (int i = 0; i < Math.min(ITEMS, node.size()); i++) {
                out.add(shortened(node.get(i)));
            }
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = ContractWalk.JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                boolean token = e.getKey().endsWith("Token") && e.getValue().isTextual();
                if (e.getKey().toLowerCase(java.util.Locale.ROOT).endsWith("password") && e.getValue().isTextual()) {
                    out.put(e.getKey(), EXAMPLE_PASSWORD);
                } else {
                    out.set(e.getKey(), token && !JWT.matcher(e.getValue().asText()).matches()
                            ? TextNode.valueOf("(opaque token)") : shortened(e.getValue()));
                }
            }
            return out;
        }
        if (node.isTextual() && JWT.matcher(node.asText()).matches()) {
            return TextNode.valueOf(node.asText().substring(0, node.asText().indexOf('.')) + ".(payload).(signature)");
        }
        return node;
    }
}
