package com.casecoding.k8s;

import static com.casecoding.k8s.Rendered.id;
import static com.casecoding.k8s.Rendered.name;
import static com.casecoding.k8s.Rendered.podLabels;
import static com.casecoding.k8s.Rendered.podSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * k8s/scripts/release-images.sh pins a release: its {@code pin} step (what {@code build} ends with, after pushing)
 * rewrites the release component on a copy of k8s/, and every overlay and the import Job then run the three images by
 * digest, from the given registry, with the version label. Bad input is refused before anything is written.
 */
class ReleaseScriptTest {

    private static final String GATEWAY = "sha256:" + "a1".repeat(32);
    private static final String CODE = "sha256:" + "b2".repeat(32);
    private static final String CAREERS = "sha256:" + "c3".repeat(32);
    private static Kubectl kubectl;

    @TempDir
    Path tmp;

    @BeforeAll
    static void kubectl() {
        kubectl = Kubectl.require();
    }

    private Path copyOfK8s() throws IOException {
        Path source = OverlayManifestsTest.k8sDir();
        Path target = tmp.resolve("k8s");
        for (String dir : List.of("base", "components", "overlays", "jobs")) {
            try (Stream<Path> files = Files.walk(source.resolve(dir))) {
                files.sorted(Comparator.naturalOrder()).forEach(f -> {
                    try {
                        Path to = target.resolve(source.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(f, to);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return target;
    }

    private static int run(Path k8s, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash",
                OverlayManifestsTest.k8sDir().resolve("scripts/release-images.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("REGISTRY");
        pb.environment().putAll(env);
        pb.environment().put("K8S_DIR", k8s.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "script timed out");
        System.out.print(out);
        return p.exitValue();
    }

    @Test
    void pinnedDigestsReachEveryOverlayAndTheImportJob() throws Exception {
        Path k8s = copyOfK8s();
        assertEquals(0, run(k8s, Map.of("REGISTRY", "registry.test:5000", "IMAGE_GROUP", "clinic/casecoding"),
                "pin", "1.4.0", GATEWAY, CODE, CAREERS));
        Map<String, String> digests = Map.of("gateway", GATEWAY, "code-service", CODE, "careers-service", CAREERS);
        for (String overlay : List.of("dev", "prod", "prod-cnpg")) {
            Rendered r = Rendered.parse(overlay, kubectl.kustomize(k8s.resolve("overlays").resolve(overlay)));
            OverlayManifestsTest.assertNoViolations(overlay, ManifestRules.oneRelease(r));
            for (JsonNode d : r.ofKind("Deployment")) {
                assertEquals("registry.test:5000/clinic/casecoding/" + name(d) + "@" + digests.get(name(d)),
                        podSpec(d).path("containers").get(0).path("image").asText(), overlay + " " + id(d));
                assertEquals("1.4.0", podLabels(d).get(ManifestRules.VERSION_LABEL), overlay + " " + id(d));
            }
        }
        Rendered job = Rendered.parse("job", kubectl.kustomize(k8s.resolve("jobs/code-import")));
        assertEquals("registry.test:5000/clinic/casecoding/code-service@" + CODE,
                podSpec(job.find("Job", "code-import").orElseThrow()).path("containers").get(0).path("image").asText());
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() throws Exception {
        Path k8s = copyOfK8s();
        Path component = k8s.resolve("components/release/kustomization.yaml");
        String before = Files.readString(component);
        assertNotEquals(0, run(k8s, Map.of(), "pin", "1.4.0", GATEWAY, CODE, CAREERS), "no REGISTRY");
        assertNotEquals(0, run(k8s, Map.of("REGISTRY", "registry.test"), "pin", "1.4.0", GATEWAY, CODE, "latest"),
                "no digest");
        assertNotEquals(0, run(k8s, Map.of("REGISTRY", "registry.test"), "pin", "1.4.0", GATEWAY, CODE), "two digests");
        assertNotEquals(0, run(k8s, Map.of("REGISTRY", "registry.test"), "pin", "1.4 0", GATEWAY, CODE, CAREERS),
                "version with a space");
        assertEquals(before, Files.readString(component));
    }

    @Test
    void noOverlayOrJobPullsFromADockerHubNamespaceOfSomeoneElse() {
        List<String> v = new ArrayList<>();
        List<Rendered> all = new ArrayList<>();
        OverlayManifestsTest.overlays().forEach(o -> all.add(OverlayManifestsTest.overlay(o)));
        all.add(OverlayManifestsTest.jobs());
        for (Rendered r : all) {
            for (JsonNode w : r.workloads()) {
                podSpec(w).path("containers").forEach(c -> v.addAll(ManifestRules.notFromDockerHub(id(w), c.path("image").asText())));
            }
            for (JsonNode p : r.ofKind("Pod")) {
                p.path("spec").path("containers").forEach(c -> v.addAll(ManifestRules.notFromDockerHub(id(p), c.path("image").asText())));
            }
        }
        OverlayManifestsTest.assertNoViolations("images", v);
        assertEquals(List.of(), ManifestRules.notFromDockerHub("x", "docker.io/library/postgres:17"));
        assertTrue(!ManifestRules.notFromDockerHub("x", "casecoding/gateway:1.0.0").isEmpty());
        assertTrue(!ManifestRules.notFromDockerHub("x", "docker.io/casecoding/gateway:1.0.0").isEmpty());
    }
}
