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
            + " any kubectl >= 1.27 works, it must bundle kustomize v5)";

    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)\\.(\\d+)");

    private final Path executable;

    private Kubectl(Path executable) {
        this.executable = executable;
    }

    /**
     * The kubectl to use. Without one (or with one too old to render the overlays) the test is skipped with a message on
     * a developer's machine, and fails under {@code CI=true}: CI never skips the manifest tests silently.
     */
    static Kubectl require() {
        Optional<Path> found = locate();
        if (found.isEmpty()) {
            unavailable("kubectl not found on PATH");
        }
        Kubectl kubectl = new Kubectl(found.get());
        String version = kubectl.run(List.of("version", "--client"));
        Matcher m = KUSTOMIZE_VERSION.matcher(version);
        if (!m.find() || Integer.parseInt(m.group(1)) < 5) {
            unavailable("kubectl at " + found.get() + " does not bundle kustomize v5 (it printed: " + version.strip()
                    + "); Debian's own kubernetes-client package (kubectl 1.20) is too old");
        }
        return kubectl;
    }

    private static void unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + ": under CI=true the Kubernetes manifest tests must run; " + INSTALL_HINT);
        }
        String message = "SKIPPED Kubernetes manifest tests: " + why + "; " + INSTALL_HINT
                + " (under CI=true they fail instead of skipping)";
        // surefire counts a class aborted in @BeforeAll as 0 tests run: say it where the build output shows it
        System.err.println("WARNING: " + message);
        Assumptions.abort(message);
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
