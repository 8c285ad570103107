package com.casecoding.k8s;

import static com.casecoding.k8s.Rendered.id;
import static com.casecoding.k8s.Rendered.name;
import static com.casecoding.k8s.Rendered.podLabels;
import static com.casecoding.k8s.Rendered.podSpec;
import static com.casecoding.k8s.Rendered.selects;
import static com.casecoding.k8s.Rendered.strings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every rendered overlay must satisfy. Each method returns the violations it found (empty = fine), so a test
 * reports all problems at once and the rules themselves can be tested on broken objects.
 */
final class ManifestRules {

    static final List<String> REQUIRED_LABELS = List.of(
            "app.kubernetes.io/name", "app.kubernetes.io/part-of", "app.kubernetes.io/version",
            "app.kubernetes.io/component");
    static final String VERSION_LABEL = "app.kubernetes.io/version";
    static final String NAME_LABEL = "app.kubernetes.io/name";

    /** quarkus.shutdown.timeout in the services' application.properties. */
    static final int QUARKUS_SHUTDOWN_SECONDS = 20;

    /** The container port of Quarkus' management interface: health and metrics, in no Service and behind no Ingress. */
    static final String MANAGEMENT_PORT = "management";

    static final Map<String, String> PROBES = Map.of(
            "startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");

    private static final Pattern SENSITIVE_ENV = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL).*");

    private ManifestRules() {
    }

    /** Labels, probes, resources, security context and graceful shutdown of one service Deployment. */
    static List<String> deployment(JsonNode d) {
        List<String> v = new ArrayList<>();
        String id = id(d);
        Map<String, String> meta = strings(d.path("metadata").path("labels"));
        Map<String, String> pod = podLabels(d);
        for (String label : REQUIRED_LABELS) {
            if (!meta.containsKey(label)) {
                v.add(id + ": metadata label " + label + " missing");
            }
            if (!pod.containsKey(label)) {
                v.add(id + ": pod template label " + label + " missing");
            }
        }
        if (!"casecoding".equals(pod.get("app.kubernetes.io/part-of"))) {
            v.add(id + ": app.kubernetes.io/part-of must be casecoding");
        }
        if (!name(d).equals(pod.get(NAME_LABEL))) {
            v.add(id + ": app.kubernetes.io/name must equal the Deployment name");
        }
        JsonNode selector = d.path("spec").path("selector");
        if (selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty()) {
            v.add(id + ": empty selector");
        } else if (!selects(selector, pod)) {
            v.add(id + ": selector does not match its own pod template");
        }
        if (selector.path("matchLabels").has(VERSION_LABEL)) {
            v.add(id + ": the version label must not be in the selector (selectors are immutable; upgrades would fail)");
        }

        JsonNode spec = podSpec(d);
        JsonNode podSecurity = spec.path("securityContext");
        if (!"RuntimeDefault".equals(podSecurity.path("seccompProfile").path("type").asText())) {
            v.add(id + ": pod securityContext.seccompProfile.type must be RuntimeDefault");
        }
        if (spec.path("automountServiceAccountToken").asBoolean(true)) {
            v.add(id + ": automountServiceAccountToken must be false (the services never call the API server)");
        }
        if (spec.path("enableServiceLinks").asBoolean(true)) {
            v.add(id + ": enableServiceLinks must be false: Kubernetes would inject CODE_SERVICE_PORT=tcp://... and"
                    + " CAREERS_SERVICE_PORT=tcp://..., which the services read as their HTTP port");
        }
        Set<String> writable = new HashSet<>();
        for (JsonNode vol : spec.path("volumes")) {
            if (vol.has("emptyDir")) {
                writable.add(vol.path("name").asText());
            }
        }
        JsonNode containers = spec.path("containers");
        if (containers.isEmpty()) {
            v.add(id + ": no containers");
        }
        int grace = spec.path("terminationGracePeriodSeconds").asInt(30);
        for (JsonNode c : containers) {
            String cid = id + " container " + c.path("name").asText();
            v.addAll(image(cid, c.path("image").asText()));
            Set<String> ports = new HashSet<>();
            String management = null;
            for (JsonNode p : c.path("ports")) {
                ports.add(p.path("name").asText());
                ports.add(p.path("containerPort").asText());
                if (MANAGEMENT_PORT.equals(p.path("name").asText())) {
                    management = p.path("containerPort").asText();
                }
            }
            if (ports.isEmpty()) {
                v.add(cid + ": declares no port");
            }
            if (management == null) {
                v.add(cid + ": no container port named " + MANAGEMENT_PORT + " (health and metrics are served there)");
            }
            String scraped = strings(d.path("spec").path("template").path("metadata").path("annotations"))
                    .get("prometheus.io/port");
            if (scraped != null && !scraped.equals(management)) {
                v.add(cid + ": prometheus.io/port " + scraped + " is not the management port " + management);
            }
            PROBES.forEach((probe, path) -> {
                JsonNode get = c.path(probe).path("httpGet");
                if (get.isMissingNode()) {
                    v.add(cid + ": " + probe + " with httpGet " + path + " missing");
                } else {
                    if (!path.equals(get.path("path").asText())) {
                        v.add(cid + ": " + probe + " must call " + path + ", calls " + get.path("path").asText());
                    }
                    if (!ports.contains(get.path("port").asText())) {
                        v.add(cid + ": " + probe + " port " + get.path("port").asText() + " is not a container port");
                    } else if (!MANAGEMENT_PORT.equals(get.path("port").asText())
                            && !get.path("port").asText().equals(managementNumber(c))) {
                        v.add(cid + ": " + probe + " must use the " + MANAGEMENT_PORT + " port (health is not on "
                                + get.path("port").asText() + ")");
                    }
                }
            });
            for (String kind : List.of("requests", "limits")) {
                for (String res : List.of("cpu", "memory")) {
                    if (c.path("resources").path(kind).path(res).isMissingNode()) {
                        v.add(cid + ": resources." + kind + "." + res + " missing");
                    }
                }
            }
            JsonNode sc = c.path("securityContext");
            if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                v.add(cid + ": securityContext.readOnlyRootFilesystem must be true");
            }
            if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                v.add(cid + ": securityContext.allowPrivilegeEscalation must be false");
            }
            if (!sc.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false))) {
                v.add(cid + ": runAsNonRoot must be true");
            }
            long runAsUser = sc.path("runAsUser").asLong(podSecurity.path("runAsUser").asLong(-1));
            if (runAsUser == 0) {
                v.add(cid + ": runs as uid 0");
            }
            boolean dropsAll = false;
            for (JsonNode cap : sc.path("capabilities").path("drop")) {
                dropsAll |= "ALL".equals(cap.asText());
            }
            if (!dropsAll) {
                v.add(cid + ": securityContext.capabilities.drop must contain ALL");
            }
            if (!sc.path("capabilities").path("add").isEmpty()) {
                v.add(cid + ": adds capabilities");
            }
            boolean tmpWritable = false;
            for (JsonNode m : c.path("volumeMounts")) {
                tmpWritable |= "/tmp".equals(m.path("mountPath").asText()) && writable.contains(m.path("name").asText());
            }
            if (!tmpWritable) {
                v.add(cid + ": read-only root filesystem needs an emptyDir at /tmp (JVM and Vert.x write there)");
            }
            int preStop = preStopSeconds(c.path("lifecycle").path("preStop"));
            if (preStop <= 0) {
                v.add(cid + ": a preStop sleep is needed so endpoints are removed before SIGTERM");
            } else if (grace < preStop + QUARKUS_SHUTDOWN_SECONDS + 5) {
                v.add(cid + ": terminationGracePeriodSeconds " + grace + " leaves no room for preStop " + preStop
                        + " s + Quarkus shutdown " + QUARKUS_SHUTDOWN_SECONDS + " s");
            }
            for (JsonNode env : c.path("env")) {
                if (SENSITIVE_ENV.matcher(env.path("name").asText()).matches() && env.has("value")) {
                    v.add(cid + ": " + env.path("name").asText() + " has a literal value; it belongs in a Secret");
                }
            }
        }
        if (!"0".equals(d.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable").asText())) {
            v.add(id + ": rollingUpdate.maxUnavailable must be 0 for upgrades without downtime");
        }
        return v;
    }

    private static String managementNumber(JsonNode container) {
        for (JsonNode p : container.path("ports")) {
            if (MANAGEMENT_PORT.equals(p.path("name").asText())) {
                return p.path("containerPort").asText();
            }
        }
        return null;
    }

    /** No Service reaches a pod's management port: health and metrics stay inside the pod's network. */
    static List<String> managementStaysInside(Rendered r) {
        List<String> v = new ArrayList<>();
        for (JsonNode s : r.ofKind("Service")) {
            for (JsonNode port : s.path("spec").path("ports")) {
                String target = port.path("targetPort").asText(port.path("port").asText());
                for (JsonNode d : r.ofKind("Deployment")) {
                    if (!selects(s.path("spec").path("selector"), podLabels(d))) {
                        continue;
                    }
                    for (JsonNode c : podSpec(d).path("containers")) {
                        String number = managementNumber(c);
                        if (MANAGEMENT_PORT.equals(target) || target.equals(number)) {
                            v.add(id(s) + ": exposes the management port of " + id(d));
                        }
                    }
                }
            }
        }
        return v;
    }

    static List<String> image(String where, String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (image.contains("@sha256:")) {
            return List.of();
        }
        if (colon < 0 || colon < slash) {
            return List.of(where + ": image " + image + " has no tag");
        }
        if (image.endsWith(":latest")) {
            return List.of(where + ": image " + image + " uses the mutable tag latest");
        }
        return List.of();
    }

    private static int preStopSeconds(JsonNode preStop) {
        if (preStop.has("sleep")) {
            return preStop.path("sleep").path("seconds").asInt(0);
        }
        JsonNode cmd = preStop.path("exec").path("command");
        if (cmd.size() == 2 && "sleep".equals(cmd.get(0).asText())) {
            return cmd.get(1).asInt(0);
        }
        return 0;
    }

    /** Service, HorizontalPodAutoscaler and PodDisruptionBudget for every Deployment; no fixed replica count. */
    static List<String> companions(Rendered r) {
        List<String> v = new ArrayList<>();
        for (JsonNode d : r.ofKind("Deployment")) {
            String name = name(d);
            Map<String, String> pod = podLabels(d);
            if (d.path("spec").has("replicas")) {
                v.add(id(d) + ": spec.replicas is set; the HorizontalPodAutoscaler owns the replica count");
            }
            boolean service = r.ofKind("Service").stream()
                    .anyMatch(s -> !s.path("spec").path("selector").isEmpty()
                            && selectsLabels(s.path("spec").path("selector"), pod));
            if (!service) {
                v.add(id(d) + ": no Service selects its pods");
            }
            List<JsonNode> hpas = r.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> "Deployment".equals(h.path("spec").path("scaleTargetRef").path("kind").asText())
                            && name.equals(h.path("spec").path("scaleTargetRef").path("name").asText()))
                    .toList();
            if (hpas.size() != 1) {
                v.add(id(d) + ": expected one HorizontalPodAutoscaler, found " + hpas.size());
            } else {
                JsonNode hpa = hpas.get(0).path("spec");
                if (hpa.path("minReplicas").asInt(1) > hpa.path("maxReplicas").asInt(0)) {
                    v.add(id(d) + ": HPA minReplicas > maxReplicas");
                }
                if (hpa.path("metrics").isEmpty()) {
                    v.add(id(d) + ": HPA has no metric");
                }
            }
            long pdbs = r.ofKind("PodDisruptionBudget").stream()
                    .filter(p -> selects(p.path("spec").path("selector"), pod))
                    .count();
            if (pdbs != 1) {
                v.add(id(d) + ": expected one PodDisruptionBudget selecting its pods, found " + pdbs);
            }
        }
        return v;
    }

    private static boolean selectsLabels(JsonNode plainSelector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : strings(plainSelector).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Only the gateway is reachable from outside: one Ingress to the gateway Service, no NodePort/LoadBalancer. */
    static List<String> singleEntryPoint(Rendered r, String gatewayService) {
        List<String> v = new ArrayList<>();
        List<JsonNode> ingresses = r.ofKind("Ingress");
        if (ingresses.size() != 1) {
            v.add(r.source + ": expected exactly one Ingress, found " + ingresses.size());
        }
        for (JsonNode ing : ingresses) {
            List<JsonNode> backends = new ArrayList<>();
            if (ing.path("spec").has("defaultBackend")) {
                backends.add(ing.path("spec").path("defaultBackend"));
            }
            for (JsonNode rule : ing.path("spec").path("rules")) {
                rule.path("http").path("paths").forEach(p -> backends.add(p.path("backend")));
            }
            if (backends.isEmpty()) {
                v.add(id(ing) + ": no backend");
            }
            for (JsonNode b : backends) {
                String target = b.path("service").path("name").asText();
                if (!gatewayService.equals(target)) {
                    v.add(id(ing) + ": routes to " + (target.isEmpty() ? b.toString() : target)
                            + "; only the gateway may be exposed");
                }
            }
        }
        if (r.find("Service", gatewayService).isEmpty()) {
            v.add(r.source + ": no Service " + gatewayService);
        }
        for (JsonNode s : r.ofKind("Service")) {
            String type = s.path("spec").path("type").asText("ClusterIP");
            if (!"ClusterIP".equals(type)) {
                v.add(id(s) + ": type " + type + " exposes it outside the cluster; only the Ingress may");
            }
        }
        for (JsonNode o : r.objects) {
            if ("Route".equals(o.path("kind").asText()) || "HTTPRoute".equals(o.path("kind").asText())) {
                v.add(id(o) + ": a second entry point");
            }
        }
        return v;
    }

    /** Nothing secret in the repository: no Secret objects are rendered; Secrets are made by the administrator. */
    static List<String> noSecrets(Rendered r) {
        return r.ofKind("Secret").stream().map(s -> id(s) + ": a Secret in the repository").toList();
    }

    /** Every ConfigMap a pod uses is part of the render (generated names carry a hash suffix). */
    static List<String> configMapsResolve(Rendered r) {
        Set<String> maps = new HashSet<>();
        r.ofKind("ConfigMap").forEach(c -> maps.add(name(c)));
        List<String> v = new ArrayList<>();
        for (JsonNode w : r.workloads()) {
            for (String ref : configMapRefs(podSpec(w))) {
                if (!maps.contains(ref)) {
                    v.add(id(w) + ": uses ConfigMap " + ref + ", which the overlay does not define");
                }
            }
        }
        return v;
    }

    static Set<String> configMapRefs(JsonNode podSpec) {
        Set<String> refs = new LinkedHashSet<>();
        for (JsonNode c : podSpec.path("containers")) {
            c.path("envFrom").forEach(e -> {
                if (e.has("configMapRef")) {
                    refs.add(e.path("configMapRef").path("name").asText());
                }
            });
            c.path("env").forEach(e -> {
                if (e.path("valueFrom").has("configMapKeyRef")) {
                    refs.add(e.path("valueFrom").path("configMapKeyRef").path("name").asText());
                }
            });
        }
        podSpec.path("volumes").forEach(vol -> {
            if (vol.has("configMap")) {
                refs.add(vol.path("configMap").path("name").asText());
            }
        });
        return refs;
    }

    /** Names of the Secrets the pods read (env, envFrom, volumes). */
    static Set<String> secretRefs(Rendered r) {
        Set<String> refs = new LinkedHashSet<>();
        for (JsonNode w : r.workloads()) {
            JsonNode spec = podSpec(w);
            for (JsonNode c : spec.path("containers")) {
                c.path("envFrom").forEach(e -> {
                    if (e.has("secretRef")) {
                        refs.add(e.path("secretRef").path("name").asText());
                    }
                });
                c.path("env").forEach(e -> {
                    if (e.path("valueFrom").has("secretKeyRef")) {
                        refs.add(e.path("valueFrom").path("secretKeyRef").path("name").asText());
                    }
                });
            }
            spec.path("volumes").forEach(vol -> {
                if (vol.has("secret")) {
                    refs.add(vol.path("secret").path("secretName").asText());
                }
            });
        }
        r.ofKind("Ingress").forEach(i -> i.path("spec").path("tls").forEach(t -> refs.add(t.path("secretName").asText())));
        return refs;
    }

    /**
     * The casecoding images of one overlay are one release: all pinned by digest, or all by one tag that is the version
     * label; each named .../<deployment name>, and none from a Docker Hub namespace (an image without a registry host).
     */
    static List<String> oneRelease(Rendered r) {
        List<String> v = new ArrayList<>();
        Set<String> tags = new HashSet<>();
        Set<String> versions = new HashSet<>();
        for (JsonNode d : r.ofKind("Deployment")) {
            String version = podLabels(d).get(VERSION_LABEL);
            versions.add(version);
            for (JsonNode c : podSpec(d).path("containers")) {
                String image = c.path("image").asText();
                int at = image.indexOf("@sha256:");
                String name;
                if (at >= 0) {
                    name = image.substring(0, at);
                    tags.add("digest");
                    if (!image.substring(at + 1).matches("sha256:[0-9a-f]{64}")) {
                        v.add(id(d) + ": image " + image + " has no valid sha256 digest");
                    }
                } else {
                    int colon = image.lastIndexOf(':');
                    name = colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
                    String tag = colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "";
                    tags.add(tag);
                    if (!tag.equals(version)) {
                        v.add(id(d) + ": image tag " + tag + " differs from version label " + version);
                    }
                }
                if (!name.endsWith("/" + name(d))) {
                    v.add(id(d) + ": image " + image + " is not named .../" + name(d));
                }
                v.addAll(notFromDockerHub(id(d), image));
            }
        }
        if (tags.size() > 1) {
            v.add(r.source + ": services run different releases " + tags);
        }
        if (versions.size() > 1) {
            v.add(r.source + ": services carry different version labels " + versions);
        }
        return v;
    }

    /**
     * An image name whose first part is no registry host (no dot, no port, not localhost) is pulled from Docker Hub;
     * only its official images (docker.io/library/...) are allowed, spelled out.
     */
    static List<String> notFromDockerHub(String where, String image) {
        int slash = image.indexOf('/');
        String first = slash < 0 ? "" : image.substring(0, slash);
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        if (!host) {
            return List.of(where + ": image " + image + " names no registry, so it would come from Docker Hub");
        }
        if (first.equals("docker.io") && !image.startsWith("docker.io/library/")) {
            return List.of(where + ": image " + image + " is from a Docker Hub namespace that is not ours");
        }
        return List.of();
    }
    /**
     * The environment a container starts with: each envFrom ConfigMap's data (later ones win), then env entries. A
     * value from a Secret reads {@code secret:<name>/<key>}, one from a ConfigMap key its value.
     */
    static Map<String, String> effectiveEnv(Rendered r, JsonNode container) {
        Map<String, String> env = new java.util.TreeMap<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                r.find("ConfigMap", from.path("configMapRef").path("name").asText())
                        .ifPresent(c -> env.putAll(strings(c.path("data"))));
            }
        }
        for (JsonNode e : container.path("env")) {
            String key = e.path("name").asText();
            JsonNode valueFrom = e.path("valueFrom");
            if (valueFrom.has("secretKeyRef")) {
                JsonNode ref = valueFrom.path("secretKeyRef");
                env.put(key, "secret:" + ref.path("name").asText() + "/" + ref.path("key").asText()
                        + (ref.path("optional").asBoolean(false) ? "?" : ""));
            } else if (valueFrom.has("configMapKeyRef")) {
                JsonNode ref = valueFrom.path("configMapKeyRef");
                r.find("ConfigMap", ref.path("name").asText())
                        .ifPresent(c -> env.put(key, c.path("data").path(ref.path("key").asText()).asText()));
            } else {
                env.put(key, e.path("value").asText());
            }
        }
        return env;
    }

    /** Link bases in mails, per service: https URLs on the public host. */
    static final Map<String, List<String>> MAIL_LINKS = Map.of(
            "code-service", List.of("CONSULTS_LINK_BASE", "CONSULTS_REGISTER_URL"),
            "careers-service", List.of("CAREERS_JOB_LINK_BASE"));
    /** Sender addresses, per service. */
    static final Map<String, List<String>> MAIL_SENDERS = Map.of(
            "code-service", List.of("QUARKUS_MAILER_FROM"),
            "careers-service", List.of("QUARKUS_MAILER_FROM", "CAREERS_MAIL_FROM"));
    /** The services' built-in domain: a production overlay that lets it through has forgotten a setting. */
    static final String BUILT_IN_DOMAIN = "casecoding.com";
    private static final Pattern ADDRESS = Pattern.compile("(?:[^<>@]*<)?[^<>@\\s]+@([A-Za-z0-9.-]+)>?");

    /**
     * Production mail: every sender and mail link the services read is set (none falls back to the built-in
     * casecoding.com value), links are https on the Ingress host, and code-service reads its inbound-mail secret from a
     * required Secret.
     */
    static List<String> productionMail(Rendered r) {
        List<String> v = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        r.ofKind("Ingress").forEach(i -> i.path("spec").path("rules").forEach(rule -> hosts.add(rule.path("host").asText())));
        for (JsonNode d : r.ofKind("Deployment")) {
            String service = name(d);
            for (JsonNode c : podSpec(d).path("containers")) {
                Map<String, String> env = effectiveEnv(r, c);
                for (String key : MAIL_LINKS.getOrDefault(service, List.of())) {
                    String value = env.get(key);
                    if (value == null || value.isBlank()) {
                        v.add(id(d) + ": " + key + " is not set; mails would link to the built-in " + BUILT_IN_DOMAIN);
                        continue;
                    }
                    java.net.URI uri;
                    try {
                        uri = java.net.URI.create(value);
                    } catch (IllegalArgumentException e) {
                        v.add(id(d) + ": " + key + "=" + value + " is no URL");
                        continue;
                    }
                    if (!"https".equals(uri.getScheme())) {
                        v.add(id(d) + ": " + key + "=" + value + " is not https");
                    }
                    if (!hosts.contains(uri.getHost())) {
                        v.add(id(d) + ": " + key + "=" + value + " is not on the Ingress host " + hosts);
                    }
                }
                for (String key : MAIL_SENDERS.getOrDefault(service, List.of())) {
                    String value = env.get(key);
                    if (value == null || value.isBlank()) {
                        v.add(id(d) + ": " + key + " is not set; mails would be sent from the built-in address");
                        continue;
                    }
                    java.util.regex.Matcher m = ADDRESS.matcher(value.trim());
                    if (!m.matches()) {
                        v.add(id(d) + ": " + key + "=" + value + " is no mail address");
                    } else if (m.group(1).equalsIgnoreCase(BUILT_IN_DOMAIN)) {
                        v.add(id(d) + ": " + key + "=" + value + " is the built-in sender");
                    }
                }
                if ("code-service".equals(service)) {
                    String secret = env.getOrDefault("CONSULTS_INBOUND_SECRET", "");
                    if (!secret.startsWith("secret:") || secret.endsWith("?")) {
                        v.add(id(d) + ": CONSULTS_INBOUND_SECRET must come from a required Secret, is '" + secret + "'");
                    }
                }
            }
        }
        return v;
    }
    private static final Pattern MAX_RAM = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)");
    private static final Pattern GC = Pattern.compile("-XX:\\+Use\\w*GC");

    /**
     * The heap a container of ours really gets. The image's run-java.sh appends -XX:MaxRAMPercentage from
     * JAVA_MAX_MEM_RATIO (80 when unset) and a collector from GC_CONTAINER_OPTIONS to the command line, which beats
     * JDK_JAVA_OPTIONS and JAVA_TOOL_OPTIONS; JAVA_OPTS_APPEND comes last. {@code statedMiB} is the README's figure.
     */
    static List<String> heap(String where, JsonNode container, Long statedMiB) {
        List<String> v = new ArrayList<>();
        Map<String, String> env = new java.util.HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        for (String early : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
            String value = env.getOrDefault(early, "");
            if (MAX_RAM.matcher(value).find() || value.contains("-Xmx") || GC.matcher(value).find()) {
                v.add(where + ": " + early + " sizes the heap or picks a collector; run-java.sh's own options override it"
                        + " (use JAVA_MAX_MEM_RATIO, GC_CONTAINER_OPTIONS, JAVA_OPTS_APPEND)");
            }
        }
        String ratio = env.get("JAVA_MAX_MEM_RATIO");
        if (ratio == null || !ratio.matches("\\d+")) {
            v.add(where + ": JAVA_MAX_MEM_RATIO is not set; the image would give the heap 80 % of the limit");
            return v;
        }
        String append = env.getOrDefault("JAVA_OPTS_APPEND", "");
        java.util.regex.Matcher m = MAX_RAM.matcher(append);
        while (m.find()) {
            if (Double.parseDouble(m.group(1)) != Integer.parseInt(ratio)) {
                v.add(where + ": JAVA_OPTS_APPEND has -XX:MaxRAMPercentage=" + m.group(1) + ", JAVA_MAX_MEM_RATIO is " + ratio);
            }
        }
        if (append.contains("-Xmx") || GC.matcher(append).find()) {
            v.add(where + ": JAVA_OPTS_APPEND sets -Xmx or a collector (heap by ratio; collector in GC_CONTAINER_OPTIONS)");
        }
        long limit = mebibytes(container.path("resources").path("limits").path("memory").asText());
        long heap = limit * Integer.parseInt(ratio) / 100;
        if (statedMiB == null) {
            v.add(where + ": k8s/README.md, \"Heap per pod\", has no row for it (max heap " + heap + " MiB)");
        } else if (statedMiB != heap) {
            v.add(where + ": k8s/README.md states a " + statedMiB + " MiB heap; " + ratio + " % of " + limit + " MiB is "
                    + heap + " MiB");
        }
        return v;
    }

    static long mebibytes(String quantity) {
        java.util.regex.Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        if (!m.matches()) {
            throw new IllegalArgumentException("memory limit " + quantity + ": expected <n>Mi or <n>Gi");
        }
        return Long.parseLong(m.group(1)) * ("Gi".equals(m.group(2)) ? 1024 : 1);
    }
}
