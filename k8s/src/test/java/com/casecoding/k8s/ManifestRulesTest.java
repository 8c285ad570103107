package com.casecoding.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The rules catch what they are meant to catch: each broken variant of a good Deployment is reported. */
class ManifestRulesTest {

    private static final String GOOD = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
              labels:
                app.kubernetes.io/name: demo
                app.kubernetes.io/part-of: casecoding
                app.kubernetes.io/version: 1.2.3
                app.kubernetes.io/component: api
            spec:
              selector:
                matchLabels:
                  app.kubernetes.io/name: demo
              strategy:
                rollingUpdate:
                  maxSurge: 1
                  maxUnavailable: 0
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: demo
                    app.kubernetes.io/part-of: casecoding
                    app.kubernetes.io/version: 1.2.3
                    app.kubernetes.io/component: api
                spec:
                  automountServiceAccountToken: false
                  enableServiceLinks: false
                  terminationGracePeriodSeconds: 45
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: 185
                    seccompProfile:
                      type: RuntimeDefault
                  containers:
                    - name: demo
                      image: casecoding/demo:1.2.3
                      ports:
                        - name: http
                          containerPort: 8081
                        - name: management
                          containerPort: 9001
                      env:
                        - name: QUARKUS_DATASOURCE_PASSWORD
                          valueFrom:
                            secretKeyRef: {name: demo-db, key: password}
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {cpu: "1", memory: 256Mi}
                      startupProbe:
                        httpGet: {path: /q/health/started, port: management}
                      readinessProbe:
                        httpGet: {path: /q/health/ready, port: management}
                      livenessProbe:
                        httpGet: {path: /q/health/live, port: 9001}
                      lifecycle:
                        preStop:
                          exec:
                            command: ["sleep", "10"]
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities:
                          drop: ["ALL"]
                      volumeMounts:
                        - name: tmp
                          mountPath: /tmp
                  volumes:
                    - name: tmp
                      emptyDir: {}
            """;

    private static ObjectNode good() {
        return (ObjectNode) Rendered.parse("fixture", GOOD).objects.get(0);
    }

    private static ObjectNode container(ObjectNode d) {
        return (ObjectNode) d.at("/spec/template/spec/containers/0");
    }

    private static void assertReported(String expectedFragment, Consumer<ObjectNode> breakIt) {
        ObjectNode d = good();
        breakIt.accept(d);
        List<String> v = ManifestRules.deployment(d);
        assertTrue(v.stream().anyMatch(s -> s.contains(expectedFragment)),
                "expected a violation containing '" + expectedFragment + "', got " + v);
    }

    @Test
    void theGoodDeploymentPasses() {
        assertEquals(List.of(), ManifestRules.deployment(good()));
    }

    @Test
    void missingProbesAreReported() {
        assertReported("startupProbe", d -> container(d).remove("startupProbe"));
        assertReported("readinessProbe", d -> container(d).remove("readinessProbe"));
        assertReported("livenessProbe must call /q/health/live",
                d -> ((ObjectNode) container(d).at("/livenessProbe/httpGet")).put("path", "/health"));
        assertReported("is not a container port",
                d -> ((ObjectNode) container(d).at("/readinessProbe/httpGet")).put("port", "admin"));
    }

    @Test
    void healthAndMetricsMustBeOnTheManagementPort() {
        assertReported("must use the management port",
                d -> ((ObjectNode) container(d).at("/readinessProbe/httpGet")).put("port", "http"));
        assertReported("no container port named management", d -> ((ArrayNode) container(d).path("ports")).remove(1));
        assertReported("prometheus.io/port 8081 is not the management port",
                d -> ((ObjectNode) d.at("/spec/template/metadata")).putObject("annotations").put("prometheus.io/port", "8081"));
    }

    @Test
    void aServiceMustNotExposeTheManagementPort() {
        Rendered r = Rendered.parse("fixture", GOOD + """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: demo}
                spec:
                  selector: {app.kubernetes.io/name: demo}
                  ports:
                    - {name: http, port: 8081, targetPort: http}
                    - {name: metrics, port: 9001, targetPort: management}
                """);
        List<String> v = ManifestRules.managementStaysInside(r);
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).contains("exposes the management port"), v.toString());
    }

    @Test
    void missingResourcesAreReported() {
        assertReported("resources.limits.memory", d -> ((ObjectNode) container(d).at("/resources/limits")).remove("memory"));
        assertReported("resources.requests.cpu", d -> ((ObjectNode) container(d).at("/resources/requests")).remove("cpu"));
    }

    @Test
    void weakSecurityContextsAreReported() {
        assertReported("readOnlyRootFilesystem",
                d -> ((ObjectNode) container(d).path("securityContext")).put("readOnlyRootFilesystem", false));
        assertReported("allowPrivilegeEscalation",
                d -> ((ObjectNode) container(d).path("securityContext")).remove("allowPrivilegeEscalation"));
        assertReported("drop must contain ALL",
                d -> ((ArrayNode) container(d).at("/securityContext/capabilities/drop")).removeAll().add("NET_RAW"));
        assertReported("runAsNonRoot", d -> ((ObjectNode) d.at("/spec/template/spec/securityContext")).remove("runAsNonRoot"));
        assertReported("uid 0", d -> ((ObjectNode) d.at("/spec/template/spec/securityContext")).put("runAsUser", 0));
        assertReported("seccompProfile", d -> ((ObjectNode) d.at("/spec/template/spec/securityContext")).remove("seccompProfile"));
        assertReported("enableServiceLinks", d -> ((ObjectNode) d.at("/spec/template/spec")).remove("enableServiceLinks"));
        assertReported("emptyDir at /tmp", d -> ((ObjectNode) d.at("/spec/template/spec")).remove("volumes"));
    }

    @Test
    void labelsAndSelectorsAreChecked() {
        assertReported("pod template label app.kubernetes.io/version missing",
                d -> ((ObjectNode) d.at("/spec/template/metadata/labels")).remove("app.kubernetes.io/version"));
        assertReported("metadata label app.kubernetes.io/component missing",
                d -> ((ObjectNode) d.at("/metadata/labels")).remove("app.kubernetes.io/component"));
        assertReported("version label must not be in the selector",
                d -> ((ObjectNode) d.at("/spec/selector/matchLabels")).put("app.kubernetes.io/version", "1.2.3"));
        assertReported("selector does not match",
                d -> ((ObjectNode) d.at("/spec/selector/matchLabels")).put("app.kubernetes.io/name", "other"));
    }

    @Test
    void gracefulShutdownIsChecked() {
        assertReported("preStop sleep", d -> container(d).remove("lifecycle"));
        assertReported("terminationGracePeriodSeconds 20",
                d -> ((ObjectNode) d.at("/spec/template/spec")).put("terminationGracePeriodSeconds", 20));
        assertReported("maxUnavailable must be 0",
                d -> ((ObjectNode) d.at("/spec/strategy/rollingUpdate")).put("maxUnavailable", 1));
    }

    @Test
    void imagesAndSecretsAreChecked() {
        assertReported("uses the mutable tag latest", d -> container(d).put("image", "casecoding/demo:latest"));
        assertReported("has no tag", d -> container(d).put("image", "registry.example.com:5000/casecoding/demo"));
        assertReported("literal value", d -> {
            ObjectNode env = (ObjectNode) container(d).at("/env/0");
            env.remove("valueFrom");
            env.put("value", "hunter2");
        });
    }

    @Test
    void networkRulesRejectBroadSelectorsAndForeignNamespaces() {
        Map<String, String> code = Map.of(ManifestRules.NAME_LABEL, "code-service");
        Map<String, String> gateway = Map.of(ManifestRules.NAME_LABEL, "gateway");
        String policy = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p}
                spec:
                  podSelector:
                    matchLabels: {app.kubernetes.io/name: code-service}
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - %s
                """;
        Rendered onlyGateway = Rendered.parse("t", policy.formatted("podSelector: {matchLabels: {app.kubernetes.io/name: gateway}}"));
        assertEquals(List.of(), NetworkRules.onlyFrom(onlyGateway, "code", code, 8081, Set.of("gateway"), List.of(gateway, code)));

        Rendered anyPod = Rendered.parse("t", policy.formatted("podSelector: {}"));
        assertTrue(!NetworkRules.onlyFrom(anyPod, "code", code, 8081, Set.of("gateway"), List.of(gateway)).isEmpty());

        Rendered partOf = Rendered.parse("t", policy.formatted("podSelector: {matchLabels: {app.kubernetes.io/part-of: casecoding}}"));
        assertTrue(!NetworkRules.onlyFrom(partOf, "code", code, 8081, Set.of("gateway"), List.of(gateway)).isEmpty(),
                "a selector that admits any casecoding pod is too broad");

        Rendered otherNamespace = Rendered.parse("t", policy.formatted("namespaceSelector: {}"));
        assertTrue(!NetworkRules.onlyFrom(otherNamespace, "code", code, 8081, Set.of("gateway"), List.of(gateway)).isEmpty());

        Rendered none = Rendered.parse("t", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        assertTrue(!NetworkRules.onlyFrom(none, "code", code, 8081, Set.of("gateway"), List.of(gateway)).isEmpty());
        assertTrue(!NetworkRules.defaultDeny(none).isEmpty());
    }

    @Test
    void networkRulesLookAtThePortInQuestion() {
        Map<String, String> db = Map.of(ManifestRules.NAME_LABEL, "db");
        Rendered r = Rendered.parse("t", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db}
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: db}}
                  policyTypes: [Ingress]
                  ingress:
                    - from: [{podSelector: {matchLabels: {app.kubernetes.io/name: gateway}}}]
                      ports: [{port: 5432}]
                    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: operator}}}]
                      ports: [{port: 8000}]
                """);
        List<Map<String, String>> pods = List.of(Map.of(ManifestRules.NAME_LABEL, "gateway"), db);
        assertEquals(List.of(), NetworkRules.onlyFrom(r, "db", db, 5432, Set.of("gateway"), pods));
        assertTrue(!NetworkRules.onlyFrom(r, "db", db, 8000, Set.of("gateway"), pods).isEmpty());
    }

    @Test
    void aSecondEntryPointIsReported() {
        String yaml = """
                apiVersion: v1
                kind: Service
                metadata: {name: gateway}
                spec: {type: ClusterIP, selector: {app.kubernetes.io/name: gateway}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: code-service}
                spec: {type: NodePort, selector: {app.kubernetes.io/name: code-service}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: i}
                spec:
                  rules:
                    - http:
                        paths:
                          - {path: /, pathType: Prefix, backend: {service: {name: code-service, port: {number: 8081}}}}
                """;
        List<String> v = ManifestRules.singleEntryPoint(Rendered.parse("t", yaml), "gateway");
        assertTrue(v.stream().anyMatch(s -> s.contains("type NodePort")), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.contains("routes to code-service")), v.toString());
    }

    @Test
    void labelSelectorSemantics() {
        JsonNode sel = Rendered.parse("t", """
                matchLabels: {a: "1"}
                matchExpressions:
                  - {key: b, operator: In, values: [x, y]}
                  - {key: c, operator: DoesNotExist}
                """).objects.get(0);
        assertTrue(Rendered.selects(sel, Map.of("a", "1", "b", "y")));
        assertTrue(!Rendered.selects(sel, Map.of("a", "1", "b", "z")));
        assertTrue(!Rendered.selects(sel, Map.of("a", "1", "b", "x", "c", "")));
        assertTrue(!Rendered.selects(sel, Map.of("b", "x")));
    }
    private static final String MAIL = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cfg}
            data:
              QUARKUS_MAILER_FROM: "Clinic <no-reply@clinic.example>"
              CAREERS_MAIL_FROM: "jobs@clinic.example"
              CAREERS_JOB_LINK_BASE: https://clinic.example/careers/jobs/
              CONSULTS_LINK_BASE: https://clinic.example/consults/
              CONSULTS_REGISTER_URL: https://clinic.example/register
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: i}
            spec: {rules: [{host: clinic.example}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: code-service}
            spec:
              template:
                spec:
                  containers:
                    - name: code-service
                      envFrom: [{configMapRef: {name: cfg}}]
                      env:
                        - name: CONSULTS_INBOUND_SECRET
                          valueFrom: {secretKeyRef: {name: consults-inbound, key: secret}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: careers-service}
            spec:
              template:
                spec:
                  containers:
                    - name: careers-service
                      envFrom: [{configMapRef: {name: cfg}}]
            """;

    @Test
    void productionMailSettingsAreChecked() {
        assertEquals(List.of(), ManifestRules.productionMail(Rendered.parse("t", MAIL)));
        assertMail("CAREERS_JOB_LINK_BASE is not set", MAIL.replace("  CAREERS_JOB_LINK_BASE: https://clinic.example/careers/jobs/\n", ""));
        assertMail("is not https", MAIL.replace("https://clinic.example/consults/", "http://clinic.example/consults/"));
        assertMail("not on the Ingress host", MAIL.replace("https://clinic.example/register", "https://casecoding.com/register"));
        assertMail("is the built-in sender", MAIL.replace("jobs@clinic.example", "CareerCenter <jobs@casecoding.com>"));
        assertMail("must come from a required Secret", MAIL.replace("key: secret}", "key: secret, optional: true}"));
        assertMail("must come from a required Secret", MAIL.replace("valueFrom: {secretKeyRef: {name: consults-inbound, key: secret}}", "value: x"));
    }

    private static void assertMail(String fragment, String yaml) {
        List<String> v = ManifestRules.productionMail(Rendered.parse("t", yaml));
        assertTrue(v.stream().anyMatch(s -> s.contains(fragment)), "expected '" + fragment + "', got " + v);
    }
    @Test
    void egressRulesReadPortsPeersAndAddressRanges() {
        Rendered r = Rendered.parse("t", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny}
                spec: {podSelector: {}, policyTypes: [Egress]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: app}
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: app}}
                  policyTypes: [Egress]
                  egress:
                    - to: [{podSelector: {matchLabels: {app.kubernetes.io/name: db}}}]
                      ports: [{port: 5432}]
                    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}}]
                      ports: [{port: 587, protocol: TCP}]
                    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}},
                            podSelector: {matchLabels: {k8s-app: kube-dns}}}]
                      ports: [{port: 53, protocol: UDP}]
                """);
        Map<String, String> app = Map.of(ManifestRules.NAME_LABEL, "app");
        Map<String, String> db = Map.of(ManifestRules.NAME_LABEL, "db");
        assertEquals(List.of(), NetworkRules.defaultDenyEgress(r));
        assertTrue(NetworkRules.egressAllowed(r, app, NetworkRules.Destination.pod(db, 5432)));
        assertTrue(!NetworkRules.egressAllowed(r, app, NetworkRules.Destination.pod(db, 5433)));
        assertTrue(!NetworkRules.egressAllowed(r, app, NetworkRules.Destination.pod(app, 5432)));
        assertTrue(NetworkRules.egressAllowed(r, app, NetworkRules.Destination.external("203.0.113.25", 587)));
        assertTrue(!NetworkRules.egressAllowed(r, app, NetworkRules.Destination.external("169.254.169.254", 587)));
        assertTrue(!NetworkRules.egressAllowed(r, app, NetworkRules.Destination.external("203.0.113.25", 443)));
        assertTrue(NetworkRules.egressAllowed(r, app, NetworkRules.Destination.dns()));
        assertTrue(!NetworkRules.egressAllowed(r, db, NetworkRules.Destination.dns()), "only the deny-all selects db");
        assertTrue(NetworkRules.egressAllowed(Rendered.parse("t", "kind: ConfigMap\nmetadata: {name: x}\n"), db,
                NetworkRules.Destination.pod(app, 1)), "no policy: everything may leave");
        assertTrue(!NetworkRules.defaultDenyEgress(Rendered.parse("t", "kind: ConfigMap\nmetadata: {name: x}\n")).isEmpty());
        assertTrue(NetworkRules.inCidr("10.1.2.3", "10.0.0.0/8") && !NetworkRules.inCidr("11.0.0.1", "10.0.0.0/8"));
    }
    @Test
    void theHeapRuleReadsWhatTheStartScriptApplies() {
        ObjectNode c = container(good());
        ((ObjectNode) c.at("/resources/limits")).put("memory", "512Mi");
        ArrayNode env = (ArrayNode) c.path("env");
        env.addObject().put("name", "JAVA_MAX_MEM_RATIO").put("value", "45");
        env.addObject().put("name", "JAVA_OPTS_APPEND").put("value", "-XX:MaxRAMPercentage=45 -XX:+ExitOnOutOfMemoryError");
        assertEquals(List.of(), ManifestRules.heap("d", c, 230L));
        assertTrue(ManifestRules.heap("d", c, 410L).stream().anyMatch(s -> s.contains("is 230 MiB")));
        assertTrue(ManifestRules.heap("d", c, null).stream().anyMatch(s -> s.contains("has no row")));

        ObjectNode early = c.deepCopy();
        ((ArrayNode) early.path("env")).addObject().put("name", "JDK_JAVA_OPTIONS").put("value", "-XX:MaxRAMPercentage=45");
        assertTrue(ManifestRules.heap("d", early, 230L).stream().anyMatch(s -> s.contains("JDK_JAVA_OPTIONS sizes the heap")));

        ObjectNode disagree = c.deepCopy();
        ((ObjectNode) disagree.at("/env/2")).put("value", "-XX:MaxRAMPercentage=70 -XX:+UseSerialGC");
        List<String> v = ManifestRules.heap("d", disagree, 230L);
        assertTrue(v.stream().anyMatch(s -> s.contains("JAVA_MAX_MEM_RATIO is 45")), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.contains("or a collector")), v.toString());

        ObjectNode unset = c.deepCopy();
        ((ArrayNode) unset.path("env")).remove(1);
        assertTrue(ManifestRules.heap("d", unset, 230L).stream().anyMatch(s -> s.contains("80 %")));
        assertEquals(2048, ManifestRules.mebibytes("2Gi"));
    }
}
