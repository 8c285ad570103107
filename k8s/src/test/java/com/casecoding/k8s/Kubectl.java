package com.casecoding.k8s;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/** Runs the kubectl found on PATH (or named by env KUBECTL) offline: only `version --client` and `kustomize`. */
final class Kubectl {

    static final String INSTALL_HINT = "install kubectl (on this project's machines: `apt-get update && apt-get install -y kubectl`;"
            + " any kubectl >= 1.27 works, it must bundle kustomize v5) or set K8S_TESTS_SKIP=true to skip these tests";

    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)\\.(\\d+)");

    private final Path executable;

    private Kubectl(Path executable) {
        this.executable = executable;
    }

    /** The kubectl to use; fails the test (or skips it when K8S_TESTS_SKIP=true) when there is none or it is too old. */
    static Kubectl require() {
        Optional<Path> found = locate();
        if (found.isEmpty()) {
            if (skipRequested()) {
                Assumptions.abort("kubectl not found and K8S_TESTS_SKIP=true: Kubernetes manifest tests skipped");
            }
            fail("kubectl not found on PATH: " + INSTALL_HINT);
        }
        Kubectl kubectl = new Kubectl(found.get());
        String version = kubectl.run(List.of("version", "--client"));
        Matcher m = KUSTOMIZE_VERSION.matcher(version);
        if (!m.find() || Integer.parseInt(m.group(1)) < 5) {
            fail("kubectl at " + found.get() + " does not bundle kustomize v5 (it printed: " + version.strip()
                    + "). Debian's own kubernetes-client package (kubectl 1.20) is too old: " + INSTALL_HINT);
        }
        return kubectl;
    }

    static boolean skipRequested() {
        return "true".equalsIgnoreCase(System.getProperty("K8S_TESTS_SKIP"))
                || "true".equalsIgnoreCase(System.getenv("K8S_TESTS_SKIP"));
    }

    private static Optional<Path> locate() {
        String explicit = System.getenv("KUBECTL");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** `kubectl kustomize dir`: the rendered YAML stream. */
    String kustomize(Path dir) {
        return run(List.of("kustomize", dir.toString()));
    }

    private String run(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        try {
            Path err = Files.createTempFile("kubectl", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectError(err.toFile())
                        .start();
                process.getOutputStream().close();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within 60 s");
                }
                if (process.exitValue() != 0) {
                    fail(String.join(" ", command) + " exited " + process.exitValue() + ": "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
