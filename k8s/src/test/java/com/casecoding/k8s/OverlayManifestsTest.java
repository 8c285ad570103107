package com.casecoding.k8s;

import static com.casecoding.k8s.Rendered.id;
import static com.casecoding.k8s.Rendered.name;
import static com.casecoding.k8s.Rendered.podLabels;
import static com.casecoding.k8s.Rendered.podSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders every overlay under k8s/overlays and every Job under k8s/jobs with `kubectl kustomize` and checks what an
 * administrator relies on: hardened, probed, bounded Deployments with consistent labels; Service, HPA and PDB for each;
 * the gateway as the single entry point; NetworkPolicies that isolate the services and the database; no Secret in the
 * repository; one release across all images.
 */
class OverlayManifestsTest {

    static final Set<String> SERVICES = Set.of("gateway", "code-service", "careers-service");
    static final Set<String> DATABASE_CLIENTS = Set.of("gateway", "code-service", "careers-service", "code-import");
    static final List<String> JOBS = List.of("code-import", "code-files");

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();
    private static Kubectl kubectl;

    static Path k8sDir() {
        return Path.of(System.getProperty("k8s.dir", ".")).toAbsolutePath().normalize();
    }

    @BeforeAll
    static void kubectl() {
        kubectl = Kubectl.require();
    }

    static Stream<String> overlays() {
        try (Stream<Path> dirs = Files.list(k8sDir().resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rendered render(String relativeDir) {
        return CACHE.computeIfAbsent(relativeDir,
                dir -> Rendered.parse("kubectl kustomize k8s/" + dir, kubectl.kustomize(k8sDir().resolve(dir))));
    }

    static Rendered overlay(String name) {
        return render("overlays/" + name);
    }

    static Rendered jobs() {
        Rendered all = null;
        for (String job : JOBS) {
            Rendered r = render("jobs/" + job);
            all = all == null ? r : all.plus(r);
        }
        return all;
    }

    static void assertNoViolations(String what, List<String> violations) {
        if (!violations.isEmpty()) {
            fail(what + ":\n  " + String.join("\n  ", violations));
        }
    }

    @Test
    void theRequiredOverlaysExist() {
        List<String> names = overlays().toList();
        assertTrue(names.contains("dev"), "k8s/overlays/dev missing: " + names);
        assertTrue(names.contains("prod"), "k8s/overlays/prod missing: " + names);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceDeploymentIsProbedBoundedHardenedAndLabelled(String overlay) {
        Rendered r = overlay(overlay);
        List<JsonNode> deployments = r.ofKind("Deployment");
        Set<String> names = new TreeSet<>();
        deployments.forEach(d -> names.add(name(d)));
        assertEquals(new TreeSet<>(SERVICES), names, overlay + ": Deployments");
        List<String> v = new ArrayList<>();
        deployments.forEach(d -> v.addAll(ManifestRules.deployment(d)));
        assertNoViolations(overlay, v);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDeploymentHasServiceAutoscalerAndDisruptionBudget(String overlay) {
        assertNoViolations(overlay, ManifestRules.companions(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheGatewayIsExposed(String overlay) {
        assertNoViolations(overlay, ManifestRules.singleEntryPoint(overlay(overlay), "gateway"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void healthAndMetricsStayOnThePodsManagementPort(String overlay) {
        assertNoViolations(overlay, ManifestRules.managementStaysInside(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theGatewayBelievesForwardedAddressesOnlyFromTheIngressRange(String overlay) {
        JsonNode config = overlay(overlay).ofKind("ConfigMap").stream()
                .filter(c -> name(c).startsWith("gateway-config")).findFirst().orElseThrow();
        String trusted = config.path("data").path("GATEWAY_TRUSTED_PROXIES").asText("");
        assertFalse(trusted.isBlank(), overlay + ": GATEWAY_TRUSTED_PROXIES is not set: behind the Ingress every "
                + "client would have the Ingress controller's address");
        for (String range : trusted.split(",")) {
            assertTrue(range.trim().matches("[0-9a-fA-F:.]+/\\d{1,3}"), overlay + ": '" + range + "' is no CIDR range");
            assertFalse(range.trim().endsWith("/0"), overlay + ": " + range + " would trust every address");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void servicesAcceptTrafficOnlyFromTheGateway(String overlay) {
        Rendered r = overlay(overlay);
        List<Map<String, String>> pods = podsOf(r.plus(jobs()));
        List<String> v = new ArrayList<>(NetworkRules.defaultDeny(r));
        Map<String, Integer> ports = Map.of("code-service", 8081, "careers-service", 8082);
        ports.forEach((service, port) -> {
            Map<String, String> labels = podLabels(r.find("Deployment", service).orElseThrow());
            v.addAll(NetworkRules.onlyFrom(r, service, labels, port, Set.of("gateway"), pods));
        });
        Map<String, String> gateway = podLabels(r.find("Deployment", "gateway").orElseThrow());
        v.addAll(NetworkRules.reachableFromIngressController(r, gateway));
        assertNoViolations(overlay, v);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void aDatabaseInTheClusterAcceptsOnlyTheServices(String overlay) {
        Rendered r = overlay(overlay);
        List<Map<String, String>> pods = podsOf(r.plus(jobs()));
        List<String> v = new ArrayList<>();
        for (Map<String, String> db : databasePods(r)) {
            // A replicated database also talks to its own instances.
            Set<String> allowed = new TreeSet<>(DATABASE_CLIENTS);
            allowed.add(db.get(ManifestRules.NAME_LABEL));
            v.addAll(NetworkRules.onlyFrom(r, "database " + db, db, 5432, allowed, pods));
        }
        assertNoViolations(overlay, v);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void egressIsDeniedExceptWhatEachPodNeeds(String overlay) {
        Rendered r = overlay(overlay);
        Rendered all = r.plus(jobs());
        List<String> v = new ArrayList<>(NetworkRules.defaultDenyEgress(r));
        Map<String, Map<String, String>> pods = new TreeMap<>();
        podsOf(all).forEach(p -> pods.putIfAbsent(p.getOrDefault(ManifestRules.NAME_LABEL, p.toString()), p));
        Map<String, String> gateway = pods.get("gateway");
        Map<String, String> code = pods.get("code-service");
        Map<String, String> careers = pods.get("careers-service");
        Map<String, String> importJob = pods.get("code-import");
        NetworkRules.Destination smtp = NetworkRules.Destination.external("203.0.113.25", 587);

        List<NetworkRules.Destination> databases = new ArrayList<>();
        databasePods(r).forEach(db -> databases.add(NetworkRules.Destination.pod(db, 5432)));
        if (databases.isEmpty()) {
            // a managed database outside the cluster: the address range a policy opens port 5432 to
            r.ofKind("NetworkPolicy").forEach(p -> p.path("spec").path("egress").forEach(rule -> {
                boolean postgres = false;
                for (JsonNode port : rule.path("ports")) {
                    postgres |= port.path("port").asInt() == 5432;
                }
                for (JsonNode peer : rule.path("to")) {
                    if (postgres && peer.has("ipBlock")) {
                        databases.add(NetworkRules.Destination.external(
                                peer.path("ipBlock").path("cidr").asText().split("/")[0], 5432));
                    }
                }
            }));
            if (databases.isEmpty()) {
                v.add(overlay + ": no egress policy opens port 5432 to the managed database");
            }
        }

        Map<String, List<NetworkRules.Destination>> needs = new TreeMap<>();
        needs.put("gateway", new ArrayList<>(List.of(NetworkRules.Destination.pod(code, 8081),
                NetworkRules.Destination.pod(careers, 8082))));
        for (String client : List.of("code-service", "careers-service", "code-import")) {
            needs.put(client, new ArrayList<>(List.of(NetworkRules.Destination.pod(gateway, 8080))));
        }
        for (String client : DATABASE_CLIENTS) {
            needs.get(client).addAll(databases);
        }
        needs.get("code-service").add(smtp);
        needs.get("careers-service").add(smtp);
        needs.forEach((source, destinations) -> {
            destinations.add(NetworkRules.Destination.dns());
            for (NetworkRules.Destination d : destinations) {
                if (!NetworkRules.egressAllowed(r, pods.get(source), d)) {
                    v.add(overlay + ": " + source + " may not reach " + d.what() + ", which it needs");
                }
            }
        });

        Map<String, List<NetworkRules.Destination>> forbidden = new TreeMap<>();
        forbidden.put("gateway", List.of(smtp, NetworkRules.Destination.external("203.0.113.80", 443)));
        forbidden.put("code-service", List.of(NetworkRules.Destination.pod(careers, 8082),
                NetworkRules.Destination.external("169.254.169.254", 587)));
        forbidden.put("careers-service", List.of(NetworkRules.Destination.pod(code, 8081),
                NetworkRules.Destination.external("203.0.113.80", 443)));
        forbidden.put("code-import", List.of(smtp, NetworkRules.Destination.pod(code, 8081)));
        forbidden.put("code-files-loader", List.of(NetworkRules.Destination.pod(gateway, 8080),
                NetworkRules.Destination.external("203.0.113.80", 443)));
        for (Map<String, String> stranger : NetworkRules.STRANGERS) {
            forbidden.put(stranger.toString(), List.of(NetworkRules.Destination.pod(gateway, 8080), smtp));
            pods.put(stranger.toString(), stranger);
        }
        forbidden.forEach((source, destinations) -> {
            for (NetworkRules.Destination d : destinations) {
                if (NetworkRules.egressAllowed(r, pods.get(source), d)) {
                    v.add(overlay + ": " + source + " may reach " + d.what() + ", which it never needs");
                }
            }
        });
        assertNoViolations(overlay, v);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void nothingSecretIsInTheRepositoryAndConfigurationResolves(String overlay) {
        Rendered r = overlay(overlay);
        List<String> v = new ArrayList<>(ManifestRules.noSecrets(r));
        v.addAll(ManifestRules.configMapsResolve(r));
        assertNoViolations(overlay, v);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void allServicesRunOneRelease(String overlay) {
        assertNoViolations(overlay, ManifestRules.oneRelease(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void replicaCountsMatchTheOverlay(String overlay) {
        Rendered r = overlay(overlay);
        List<String> v = new ArrayList<>();
        for (JsonNode hpa : r.ofKind("HorizontalPodAutoscaler")) {
            int min = hpa.path("spec").path("minReplicas").asInt(1);
            int max = hpa.path("spec").path("maxReplicas").asInt(0);
            if (overlay.equals("dev") && (min != 1 || max != 1)) {
                v.add(id(hpa) + ": dev runs a single replica, found " + min + ".." + max);
            } else if (overlay.startsWith("prod") && min < 2) {
                v.add(id(hpa) + ": production needs two or more replicas, minReplicas is " + min);
            } else if (!overlay.equals("dev") && !overlay.startsWith("prod")) {
                v.add(overlay + ": unknown overlay; add its replica expectations to this test");
            }
        }
        assertNoViolations(overlay, v);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theHeapIsTheManifestsRatioOfTheLimit(String overlay) throws IOException {
        Map<String, Long> stated = statedHeaps();
        List<String> v = new ArrayList<>();
        List<JsonNode> workloads = new ArrayList<>(overlay(overlay).ofKind("Deployment"));
        workloads.addAll(render("jobs/code-import").ofKind("Job"));
        for (JsonNode w : workloads) {
            for (JsonNode c : podSpec(w).path("containers")) {
                v.addAll(ManifestRules.heap(id(w), c, stated.get(name(w))));
            }
        }
        assertNoViolations(overlay, v);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void gatewayReplicasShareTheirRateLimitCounts(String overlay) {
        // in-memory limits multiply with the replicas the autoscaler starts: every overlay counts them in the database
        Rendered r = overlay(overlay);
        JsonNode gateway = podSpec(r.find("Deployment", "gateway").orElseThrow()).path("containers").get(0);
        String scope = ManifestRules.effectiveEnv(r, gateway).get("GATEWAY_RATE_LIMIT_SCOPE");
        assertEquals("cluster", scope, overlay + ": GATEWAY_RATE_LIMIT_SCOPE of the gateway");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void flywayMigratesOnItsOwnConnectionWithoutThePoolsSocketTimeout(String overlay) {
        List<JsonNode> workloads = new ArrayList<>(overlay(overlay).ofKind("Deployment"));
        workloads.addAll(render("jobs/code-import").ofKind("Job"));
        List<String> v = new ArrayList<>();
        for (JsonNode w : workloads) {
            for (JsonNode c : podSpec(w).path("containers")) {
                Map<String, String> env = ManifestRules.effectiveEnv(overlay(overlay), c);
                String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
                String db = url == null ? "" : url.replaceAll("/jdbc-url$", "");
                for (String[] pair : new String[][]{{"JDBC_URL", "jdbc-url"}, {"USERNAME", "username"},
                        {"PASSWORD", "password"}}) {
                    String expected = db + "/" + pair[1];
                    if (!expected.equals(env.get("QUARKUS_FLYWAY_" + pair[0]))) {
                        v.add(id(w) + ": QUARKUS_FLYWAY_" + pair[0] + " must come from " + expected + " (Flyway's own"
                                + " connection, without the pool's socketTimeout), is " + env.get("QUARKUS_FLYWAY_" + pair[0]));
                    }
                }
            }
        }
        JsonNode job = podSpec(render("jobs/code-import").find("Job", "code-import").orElseThrow()).path("containers").get(0);
        int socketTimeout = Integer.parseInt(env(job, "QUARKUS_DATASOURCE_JDBC_ADDITIONAL_JDBC_PROPERTIES_SOCKETTIMEOUT")
                .path("value").asText("0"));
        if (socketTimeout < 600) {
            v.add("Job/code-import: its statements need a socketTimeout of 600 s or more, not " + socketTimeout);
        }
        assertNoViolations(overlay, v);
    }

    /** The "Heap per pod" table of k8s/README.md: pod name to max heap in MiB. */
    static Map<String, Long> statedHeaps() throws IOException {
        Map<String, Long> heaps = new TreeMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?m)^\\| `([a-z-]+)`[^|]*\\|[^|]*\\|[^|]*\\| (\\d+) MiB \\|$")
                .matcher(Files.readString(k8sDir().resolve("README.md")));
        while (m.find()) {
            heaps.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return heaps;
    }

    static Stream<String> productionOverlays() {
        return overlays().filter(o -> o.startsWith("prod"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("productionOverlays")
    void productionMailNamesTheDeploymentsOwnSenderAndHost(String overlay) {
        assertNoViolations(overlay, ManifestRules.productionMail(overlay(overlay)));
    }

    @Test
    void devRunsItsOwnSingleDatabase() {
        Rendered dev = overlay("dev");
        List<JsonNode> dbs = dev.workloads().stream()
                .filter(w -> "database".equals(podLabels(w).get("app.kubernetes.io/component")))
                .toList();
        assertEquals(1, dbs.size(), "dev: one database workload");
        assertEquals(1, dbs.get(0).path("spec").path("replicas").asInt(), "dev: one database replica");
        assertTrue(dev.ofKind("Service").stream().anyMatch(s -> name(s).equals("postgres")), "dev: Service postgres");
    }

    @Test
    void prodKeepsPostgresOutsideTheServicePods() {
        Rendered prod = overlay("prod");
        assertTrue(prod.ofKind("StatefulSet").isEmpty(), "prod: the database is managed outside the cluster");
        for (JsonNode d : prod.ofKind("Deployment")) {
            for (JsonNode c : podSpec(d).path("containers")) {
                JsonNode url = env(c, "QUARKUS_DATASOURCE_JDBC_URL");
                assertTrue(url.path("valueFrom").has("secretKeyRef"),
                        id(d) + ": the JDBC URL of the managed database comes from a Secret");
            }
        }
        for (JsonNode ing : prod.ofKind("Ingress")) {
            assertFalse(ing.path("spec").path("tls").isEmpty(), id(ing) + ": production Ingress needs TLS");
        }
    }

    @Test
    void prodCnpgRunsAReplicatedClusterWhoseRolesUseTheServiceSecrets() {
        Rendered r = overlay("prod-cnpg");
        JsonNode cluster = r.find("Cluster", "casecoding-db").orElseThrow(() -> new AssertionError("no CNPG Cluster"));
        assertTrue(cluster.path("spec").path("instances").asInt() >= 2, "replicated: instances >= 2");
        assertEquals("casecoding", cluster.path("metadata").path("namespace").asText(), "Cluster namespace");
        Set<String> roleSecrets = new TreeSet<>();
        cluster.path("spec").path("managed").path("roles")
                .forEach(role -> roleSecrets.add(role.path("passwordSecret").path("name").asText()));
        assertEquals(Set.of("gateway-db", "code-service-db", "careers-service-db"), roleSecrets);
        assertEquals(1, databasePods(r).size());
        assertTrue(r.ofKind("StatefulSet").isEmpty(), "the operator, not a StatefulSet, runs PostgreSQL");
    }

    @Test
    void prodCnpgArchivesWalBacksUpNightlyIsMonitoredAndHasARestoreRunbook() throws IOException {
        Rendered r = overlay("prod-cnpg");
        JsonNode spec = r.find("Cluster", "casecoding-db").orElseThrow().path("spec");
        JsonNode store = spec.path("backup").path("barmanObjectStore");
        assertFalse(store.isMissingNode(), "Cluster spec.backup.barmanObjectStore missing");
        assertTrue(store.path("destinationPath").asText().matches("(s3|gs|https?)://.+"), "destinationPath " + store);
        String credentials = store.path("s3Credentials").path("accessKeyId").path("name").asText();
        assertFalse(credentials.isBlank(), "the object store credentials come from a Secret");
        assertEquals(credentials, store.path("s3Credentials").path("secretAccessKey").path("name").asText());
        assertTrue(spec.path("backup").path("retentionPolicy").asText().matches("\\d+[dwm]"),
                "WAL and base backups need a retention (spec.backup.retentionPolicy)");
        assertFalse(store.path("wal").isMissingNode(), "WAL archiving settings (spec.backup.barmanObjectStore.wal)");
        assertTrue(spec.path("postgresql").path("parameters").has("archive_timeout"),
                "archive_timeout bounds what a restore can lose");
        boolean podMonitor = spec.path("monitoring").path("enablePodMonitor").asBoolean(false)
                || r.ofKind("PodMonitor").stream().anyMatch(p -> p.path("spec").path("selector").path("matchLabels")
                        .path("cnpg.io/cluster").asText().equals("casecoding-db"));
        assertTrue(podMonitor, "the instances are scraped (PodMonitor or spec.monitoring.enablePodMonitor)");

        List<JsonNode> scheduled = r.ofKind("ScheduledBackup").stream()
                .filter(b -> "casecoding-db".equals(b.path("spec").path("cluster").path("name").asText())).toList();
        assertEquals(1, scheduled.size(), "one ScheduledBackup of casecoding-db");
        JsonNode schedule = scheduled.get(0).path("spec");
        assertEquals(6, schedule.path("schedule").asText().trim().split("\\s+").length,
                "CloudNativePG schedules have six fields (seconds first): " + schedule.path("schedule"));
        assertEquals("barmanObjectStore", schedule.path("method").asText("barmanObjectStore"));
        assertEquals("casecoding", scheduled.get(0).path("metadata").path("namespace").asText());

        String guide = Files.readString(k8sDir().resolveSibling("docs").resolve("deployment.md"));
        for (String needed : List.of("`" + credentials + "`", "bootstrap:", "recovery:", "recoveryTarget:", "targetTime:",
                "externalClusters:", store.path("destinationPath").asText())) {
            assertTrue(guide.contains(needed), "docs/deployment.md restore runbook lacks " + needed);
        }
    }

    @Test
    void theImportJobRunsTheCodeServiceImageOnTheFilesVolume() {
        Rendered job = render("jobs/code-import");
        JsonNode j = job.find("Job", "code-import").orElseThrow(() -> new AssertionError("Job code-import missing"));
        JsonNode c = podSpec(j).path("containers").get(0);
        String codeServiceImage = podSpec(overlay("prod").find("Deployment", "code-service").orElseThrow())
                .path("containers").get(0).path("image").asText();
        assertEquals(codeServiceImage, c.path("image").asText(), "the Job runs the same image as code-service");
        assertEquals("true", env(c, "CODES_IMPORT_EXIT").path("value").asText(), "CODES_IMPORT_EXIT");
        String dir = env(c, "CODES_IMPORT_DIR").path("value").asText();
        boolean mounted = false;
        for (JsonNode m : c.path("volumeMounts")) {
            mounted |= dir.equals(m.path("mountPath").asText());
        }
        assertTrue(mounted, "CODES_IMPORT_DIR " + dir + " is a mounted volume");
        String claim = null;
        for (JsonNode vol : podSpec(j).path("volumes")) {
            if (vol.has("persistentVolumeClaim")) {
                claim = vol.path("persistentVolumeClaim").path("claimName").asText();
            }
        }
        String claimName = claim;
        assertTrue(render("jobs/code-files").ofKind("PersistentVolumeClaim").stream()
                .anyMatch(p -> name(p).equals(claimName)), "the files volume " + claim + " is defined in jobs/code-files");
        assertEquals("Never", podSpec(j).path("restartPolicy").asText());
        assertTrue(DATABASE_CLIENTS.contains(podLabels(j).get(ManifestRules.NAME_LABEL)),
                "the Job's pods carry a name the database policy admits");
        JsonNode sc = c.path("securityContext");
        assertTrue(sc.path("readOnlyRootFilesystem").asBoolean() && !sc.path("allowPrivilegeEscalation").asBoolean(true)
                && podSpec(j).path("securityContext").path("runAsNonRoot").asBoolean(), "the Job is hardened too");
        assertNoViolations("jobs", ManifestRules.noSecrets(jobs()));
    }

    @Test
    void everySecretThePodsReadIsExplainedInTheDeploymentGuide() throws IOException {
        Path guide = k8sDir().resolveSibling("docs").resolve("deployment.md");
        assertTrue(Files.isRegularFile(guide), "docs/deployment.md missing");
        String text = Files.readString(guide);
        Set<String> secrets = new TreeSet<>();
        overlays().forEach(o -> secrets.addAll(ManifestRules.secretRefs(overlay(o))));
        secrets.addAll(ManifestRules.secretRefs(jobs()));
        List<String> missing = secrets.stream().filter(s -> !text.contains("`" + s + "`") && !text.contains(" " + s + " "))
                .toList();
        assertTrue(missing.isEmpty(), "Secrets the guide does not tell how to create: " + missing);
    }

    static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e;
            }
        }
        throw new AssertionError(container.path("name").asText() + ": env " + name + " missing");
    }

    static List<Map<String, String>> podsOf(Rendered r) {
        List<Map<String, String>> pods = new ArrayList<>();
        r.workloads().forEach(w -> pods.add(podLabels(w)));
        r.ofKind("Pod").forEach(p -> pods.add(Rendered.strings(p.path("metadata").path("labels"))));
        pods.addAll(databasePods(r));
        return pods;
    }

    /** Label sets of the database pods the overlay runs inside the cluster. */
    static List<Map<String, String>> databasePods(Rendered r) {
        List<Map<String, String>> dbs = new ArrayList<>();
        r.workloads().stream()
                .filter(w -> "database".equals(podLabels(w).get("app.kubernetes.io/component")))
                .forEach(w -> dbs.add(podLabels(w)));
        for (JsonNode cluster : r.ofKind("Cluster")) {
            if (cluster.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")) {
                Map<String, String> labels = new TreeMap<>(Rendered.strings(cluster.path("spec").path("inheritedMetadata").path("labels")));
                labels.put("cnpg.io/cluster", name(cluster));
                labels.put("cnpg.io/podRole", "instance");
                dbs.add(labels);
            }
        }
        return dbs;
    }
}
