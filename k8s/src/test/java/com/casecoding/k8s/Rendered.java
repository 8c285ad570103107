package com.casecoding.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The objects one `kubectl kustomize` produced, with the look-ups the rules need. */
final class Rendered {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final String source;
    final List<JsonNode> objects;

    Rendered(String source, List<JsonNode> objects) {
        this.source = source;
        this.objects = List.copyOf(objects);
    }

    static Rendered parse(String source, String yamlStream) {
        List<JsonNode> objects = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(yamlStream);
                MappingIterator<JsonNode> it = YAML.readValues(parser, JsonNode.class)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && node.isObject() && node.size() > 0) {
                    objects.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the output of " + source, e);
        }
        return new Rendered(source, objects);
    }

    Rendered plus(Rendered other) {
        List<JsonNode> all = new ArrayList<>(objects);
        all.addAll(other.objects);
        return new Rendered(source + " + " + other.source, all);
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }

    /** Deployments, StatefulSets, DaemonSets and Jobs: everything that makes pods from a template. */
    List<JsonNode> workloads() {
        return objects.stream()
                .filter(o -> List.of("Deployment", "StatefulSet", "DaemonSet", "Job").contains(o.path("kind").asText()))
                .toList();
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    static Map<String, String> podLabels(JsonNode workload) {
        return strings(workload.path("spec").path("template").path("metadata").path("labels"));
    }

    static Map<String, String> strings(JsonNode map) {
        Map<String, String> out = new TreeMap<>();
        map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** Kubernetes label-selector semantics (matchLabels and matchExpressions); an empty selector matches everything. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : strings(selector.path("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            List<String> values = new ArrayList<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            boolean matched = switch (expr.path("operator").asText()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!matched) {
                return false;
            }
        }
        return true;
    }
}
