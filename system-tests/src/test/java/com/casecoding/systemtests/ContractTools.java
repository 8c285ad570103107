package com.casecoding.systemtests;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pinned tools of the partner-contract tests: Spectral, Prism and TypeScript from the npm registry
 * ({@code system-tests/contract/package.json}, installed here by {@code npm ci} on first use) and the OpenAPI Generator
 * jar from Maven Central (copied by this module's pom). Without npm the contract tests skip with a message saying so; under
 * {@code CI=true} they fail instead, so CI never skips them silently.
 */
final class ContractTools {

    static final Path DIR = Path.of("contract").toAbsolutePath();
    static final Path OUT = Path.of("target", "contract").toAbsolutePath();

    private ContractTools() {
    }

    /** An installed tool's command ({@code prism}, {@code spectral}, {@code tsc}). */
    static synchronized Path npmTool(String name) throws Exception {
        Path bin = DIR.resolve("node_modules").resolve(".bin").resolve(name);
        if (!Files.isExecutable(bin)) {
            if (!onPath("npm")) {
                missing("npm (Node.js) is not installed: the partner-contract tools come from the npm registry (.ci/run "
                        + "installs it)");
            }
            Result install = run(DIR, Duration.ofMinutes(10), List.of("npm", "ci", "--no-audit", "--no-fund",
                    "--ignore-scripts"));
            Assertions.assertEquals(0, install.exit(), "npm ci in " + DIR + " failed:\n" + install.output());
        }
        Assertions.assertTrue(Files.isExecutable(bin), name + " is not in " + DIR + "/node_modules/.bin after npm ci");
        return bin;
    }

    /** The partner document {@code gateway} serves, saved as {@code target/contract/<name>-openapi.json}. */
    static Path servedPartnerDocument(String gateway, String name) throws Exception {
        java.net.http.HttpResponse<String> served = Http.get(gateway + "/q/openapi", null);
        Assertions.assertEquals(200, served.statusCode(), "the partner document: " + served.body());
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name + "-openapi.json");
        Files.writeString(file, served.body(), StandardCharsets.UTF_8);
        return file;
    }

    /** The OpenAPI Generator command line jar (pinned in the pom). */
    static Path generatorJar() {
        String jar = System.getProperty("contract.generator.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            missing("the OpenAPI Generator jar is not there (" + jar + "): run the tests with ./mvnw verify");
        }
        return Path.of(jar);
    }

    /** The jars a generated Java SDK compiles against (copied by the pom). */
    static String javaSdkClasspath() throws IOException {
        String dir = System.getProperty("contract.java-sdk.lib");
        Assertions.assertNotNull(dir, "contract.java-sdk.lib is not set: run the tests with ./mvnw verify");
        try (var jars = Files.list(Path.of(dir))) {
            return String.join(java.io.File.pathSeparator, jars.map(Path::toString).sorted().toList());
        }
    }

    /** Skips the calling contract test with {@code why}; under {@code CI=true} fails it instead. */
    static void missing(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(why + " (CI=true: the contract tests must run, not skip)");
        }
        Assumptions.abort("Skipping the partner-contract test: " + why);
    }

    record Result(int exit, String output) {
    }

    /** Runs a command to its end (or kills it after the timeout), its output and errors together. */
    static Result run(Path dir, Duration timeout, List<String> command) throws Exception {
        Files.createDirectories(OUT);
        Path log = Files.createTempFile(OUT, "tool-", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            return new Result(-1, "timed out after " + timeout + ": " + String.join(" ", command) + "\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
