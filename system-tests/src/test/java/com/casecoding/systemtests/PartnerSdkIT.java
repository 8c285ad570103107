package com.casecoding.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 26, as a partner meets the contract: the partner document the gateway serves passes Spectral's
 * {@code spectral:oas} ruleset with no error and no warning, and the TypeScript (typescript-fetch) and Java
 * (java/native) SDKs that OpenAPI Generator makes of it compile as they are. {@link ContractWalkIT} then walks every
 * operation through a validating proxy.
 */
class PartnerSdkIT {

    static Path document;

    @BeforeAll
    static void fetchDocument() throws Exception {
        document = ContractTools.servedPartnerDocument(Platform.get().gateway.url(), "partner");
    }

    @Test
    void spectralFindsNoErrorAndNoWarning() throws Exception {
        Path spectral = ContractTools.npmTool("spectral");
        ContractTools.Result lint = ContractTools.run(ContractTools.DIR, Duration.ofMinutes(3), List.of(
                spectral.toString(), "lint", document.toString(), "--ruleset",
                ContractTools.DIR.resolve(".spectral.yaml").toString(), "--fail-severity", "warn", "--format", "text"));
        assertEquals(0, lint.exit(), "Spectral (spectral:oas) on the partner document:\n" + lint.output());
    }

    @Test
    void theGeneratedTypeScriptSdkCompiles() throws Exception {
        Path tsc = ContractTools.npmTool("tsc");
        Path out = generate("typescript-fetch", "typescript", List.of("--additional-properties=supportsES6=true"));
        Files.writeString(out.resolve("tsconfig.json"), """
                {"compilerOptions": {"target": "ES2020", "module": "ES2020", "moduleResolution": "node",
                  "lib": ["ES2020", "DOM"], "strict": true, "noEmit": true},
                 "include": ["**/*.ts"]}
                """);
        ContractTools.Result compile = ContractTools.run(out, Duration.ofMinutes(3), List.of(tsc.toString(), "-p", "."));
        assertEquals(0, compile.exit(), "tsc on the generated typescript-fetch SDK:\n" + compile.output());
    }

    @Test
    void theGeneratedJavaSdkCompiles() throws Exception {
        Path out = generate("java", "java", List.of("--library", "native", "--additional-properties="
                + "useJakartaEe=true,invokerPackage=com.casecoding.sdk,apiPackage=com.casecoding.sdk.api,"
                + "modelPackage=com.casecoding.sdk.model,hideGenerationTimestamp=true"));
        List<String> sources;
        try (Stream<Path> files = Files.walk(out.resolve("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        assertTrue(sources.size() > 20, "the generator wrote " + sources.size() + " Java files");
        Path classes = Files.createDirectories(out.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-nowarn", "-proc:none", "-d", classes.toString(),
                "-cp", ContractTools.javaSdkClasspath()));
        args.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = javac.run(null, errors, errors, args.toArray(String[]::new));
        assertEquals(0, exit, "javac on the generated java/native SDK:\n" + errors.toString(StandardCharsets.UTF_8));
    }

    /** Generates one SDK from the served document into {@code target/contract/sdk/<name>} (emptied first). */
    private static Path generate(String generator, String name, List<String> options) throws Exception {
        Path out = ContractTools.OUT.resolve("sdk").resolve(name);
        if (Files.exists(out)) {
            try (Stream<Path> old = Files.walk(out)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", ContractTools.generatorJar().toString(), "generate",
                "-i", document.toString(), "-g", generator, "-o", out.toString()));
        command.addAll(options);
        ContractTools.Result gen = ContractTools.run(ContractTools.OUT, Duration.ofMinutes(3), command);
        assertEquals(0, gen.exit(), "OpenAPI Generator " + generator + ":\n" + gen.output());
        return out;
    }
}
