package com.casecoding.k8s;

import static com.casecoding.k8s.Rendered.id;
import static com.casecoding.k8s.Rendered.selects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Who may open a connection to whom, evaluated from the rendered NetworkPolicies (ingress and egress direction). */
final class NetworkRules {

    /** Pods that no policy mentions by name: a selector that admits any of them is too broad. */
    static final List<Map<String, String>> STRANGERS = List.of(
            Map.of(),
            Map.of(ManifestRules.NAME_LABEL, "stranger"),
            Map.of(ManifestRules.NAME_LABEL, "stranger", "app.kubernetes.io/part-of", "casecoding",
                    "app.kubernetes.io/component", "api"));

    private NetworkRules() {
    }

    /** A policy that selects every pod and allows no ingress: what is not allowed explicitly is dropped. */
    static List<String> defaultDeny(Rendered r) {
        boolean present = r.ofKind("NetworkPolicy").stream().anyMatch(p -> {
            JsonNode spec = p.path("spec");
            return spec.path("podSelector").isEmpty() && isIngressPolicy(spec) && spec.path("ingress").isEmpty();
        });
        return present ? List.of() : List.of(r.source + ": no default-deny ingress NetworkPolicy");
    }

    private static boolean isIngressPolicy(JsonNode spec) {
        JsonNode types = spec.path("policyTypes");
        if (types.isMissingNode() || types.isEmpty()) {
            return true;
        }
        for (JsonNode t : types) {
            if ("Ingress".equals(t.asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Pods labelled {@code target} accept connections on {@code port} only from pods in this namespace whose name
     * label is one of {@code allowed}. {@code candidates} are the label sets of the pods that exist (plus
     * {@link #STRANGERS}).
     */
    static List<String> onlyFrom(Rendered r, String what, Map<String, String> target, int port, Set<String> allowed,
            List<Map<String, String>> candidates) {
        List<String> v = new ArrayList<>();
        List<JsonNode> policies = r.ofKind("NetworkPolicy").stream()
                .filter(p -> isIngressPolicy(p.path("spec")) && selects(p.path("spec").path("podSelector"), target))
                .toList();
        if (policies.isEmpty()) {
            v.add(what + ": no NetworkPolicy selects it, it accepts traffic from anywhere");
        }
        List<Map<String, String>> everyone = new ArrayList<>(candidates);
        everyone.addAll(STRANGERS);
        for (JsonNode p : policies) {
            for (JsonNode rule : p.path("spec").path("ingress")) {
                if (!coversPort(rule, port)) {
                    continue;
                }
                JsonNode from = rule.path("from");
                if (from.isMissingNode() || from.isEmpty()) {
                    v.add(what + ": " + id(p) + " has an ingress rule without 'from' (anyone may connect)");
                    continue;
                }
                for (JsonNode peer : from) {
                    if (peer.has("ipBlock") || peer.has("namespaceSelector")) {
                        v.add(what + ": " + id(p) + " admits traffic from outside the namespace: " + peer);
                        continue;
                    }
                    for (Map<String, String> pod : everyone) {
                        String peerName = pod.get(ManifestRules.NAME_LABEL);
                        if (selects(peer.path("podSelector"), pod) && (peerName == null || !allowed.contains(peerName))) {
                            v.add(what + ": " + id(p) + " admits pod " + pod + "; only " + allowed + " may connect");
                        }
                    }
                }
            }
        }
        return v;
    }

    /** A rule without ports covers all; a named port is assumed to cover {@code port} (the stricter reading). */
    private static boolean coversPort(JsonNode rule, int port) {
        JsonNode ports = rule.path("ports");
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            JsonNode value = p.path("port");
            if (value.isMissingNode() || !value.canConvertToInt() && !value.asText().matches("\\d+")) {
                return true;
            }
            int from = value.asInt();
            int to = p.path("endPort").asInt(from);
            if (port >= from && port <= to) {
                return true;
            }
        }
        return false;
    }

    /** The gateway accepts connections from the Ingress controller's namespace. */
    static List<String> reachableFromIngressController(Rendered r, Map<String, String> gateway) {
        boolean ok = r.ofKind("NetworkPolicy").stream()
                .filter(p -> isIngressPolicy(p.path("spec")) && selects(p.path("spec").path("podSelector"), gateway))
                .flatMap(p -> {
                    List<JsonNode> peers = new ArrayList<>();
                    p.path("spec").path("ingress").forEach(rule -> rule.path("from").forEach(peers::add));
                    return peers.stream();
                })
                .anyMatch(peer -> peer.has("namespaceSelector") && !peer.path("namespaceSelector").isEmpty());
        return ok ? List.of() : List.of(r.source + ": no NetworkPolicy lets the Ingress controller reach the gateway");
    }
    /** Where a connection goes: a pod of this namespace, a pod of another namespace, or an address outside the cluster. */
    record Destination(String what, Map<String, String> podLabels, Map<String, String> namespaceLabels, String ip,
            int port, String protocol) {

        static Destination pod(Map<String, String> labels, int port) {
            return new Destination(labels.getOrDefault(ManifestRules.NAME_LABEL, labels.toString()) + ":" + port, labels,
                    null, null, port, "TCP");
        }

        static Destination dns() {
            return new Destination("cluster DNS:53/UDP", Map.of("k8s-app", "kube-dns"),
                    Map.of("kubernetes.io/metadata.name", "kube-system"), null, 53, "UDP");
        }

        static Destination external(String ip, int port) {
            return new Destination(ip + ":" + port, null, null, ip, port, "TCP");
        }
    }

    private static boolean isEgressPolicy(JsonNode spec) {
        for (JsonNode t : spec.path("policyTypes")) {
            if ("Egress".equals(t.asText())) {
                return true;
            }
        }
        return spec.has("egress");
    }

    /** A policy that selects every pod and allows no egress: what is not allowed explicitly cannot leave a pod. */
    static List<String> defaultDenyEgress(Rendered r) {
        boolean present = r.ofKind("NetworkPolicy").stream().anyMatch(p -> {
            JsonNode spec = p.path("spec");
            return spec.path("podSelector").isEmpty() && isEgressPolicy(spec) && spec.path("egress").isEmpty();
        });
        return present ? List.of() : List.of(r.source + ": no default-deny egress NetworkPolicy");
    }

    /** Whether the NetworkPolicies let a pod with labels {@code source} open a connection to {@code to}. */
    static boolean egressAllowed(Rendered r, Map<String, String> source, Destination to) {
        List<JsonNode> policies = r.ofKind("NetworkPolicy").stream()
                .filter(p -> isEgressPolicy(p.path("spec")) && selects(p.path("spec").path("podSelector"), source))
                .toList();
        if (policies.isEmpty()) {
            return true;
        }
        for (JsonNode p : policies) {
            for (JsonNode rule : p.path("spec").path("egress")) {
                if (!coversPort(rule, to.port(), to.protocol())) {
                    continue;
                }
                JsonNode peers = rule.path("to");
                if (peers.isMissingNode() || peers.isEmpty()) {
                    return true;
                }
                for (JsonNode peer : peers) {
                    if (peerMatches(peer, to)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean peerMatches(JsonNode peer, Destination to) {
        if (peer.has("ipBlock")) {
            return to.ip() != null && inCidr(to.ip(), peer.path("ipBlock").path("cidr").asText())
                    && java.util.stream.StreamSupport.stream(peer.path("ipBlock").path("except").spliterator(), false)
                            .noneMatch(e -> inCidr(to.ip(), e.asText()));
        }
        if (to.podLabels() == null) {
            return false;
        }
        if (peer.has("namespaceSelector")) {
            return to.namespaceLabels() != null && selects(peer.path("namespaceSelector"), to.namespaceLabels())
                    && (!peer.has("podSelector") || selects(peer.path("podSelector"), to.podLabels()));
        }
        return to.namespaceLabels() == null && selects(peer.path("podSelector"), to.podLabels());
    }

    static boolean inCidr(String ip, String cidr) {
        String[] parts = cidr.split("/");
        long mask = parts.length < 2 ? 0xFFFFFFFFL : (0xFFFFFFFFL << (32 - Integer.parseInt(parts[1]))) & 0xFFFFFFFFL;
        return (ipv4(ip) & mask) == (ipv4(parts[0]) & mask);
    }

    private static long ipv4(String ip) {
        long v = 0;
        for (String octet : ip.split("\\.")) {
            v = v << 8 | Integer.parseInt(octet);
        }
        return v;
    }

    private static boolean coversPort(JsonNode rule, int port, String protocol) {
        JsonNode ports = rule.path("ports");
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!protocol.equals(p.path("protocol").asText("TCP"))) {
                continue;
            }
            JsonNode value = p.path("port");
            if (value.isMissingNode()) {
                return true;
            }
            int from = value.asInt();
            int to = p.path("endPort").asInt(from);
            if (port >= from && port <= to) {
                return true;
            }
        }
        return false;
    }
}
