package com.casecoding.codes.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo set: small files written by us in the official layouts under {@code src/main/resources/demo/} (listed in
 * {@code demo/files.txt}), copied to a temporary folder and imported through the same importers as real data.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String INDEX = "demo/files.txt";

    @Inject
    ImportRunner runner;

    public ImportSummary load() {
        Path dir = extract();
        LOG.infof("loading the demo code set (our own small files) from %s", dir);
        return runner.importPaths(List.of(dir), "demo-data");
    }

    /** Writes the demo files to a fresh temporary folder, keeping their relative paths. */
    public static Path extract() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream index = loader.getResourceAsStream(INDEX)) {
            if (index == null) {
                throw new IllegalStateException(INDEX + " is missing from the classpath");
            }
            Path dir = Files.createTempDirectory("casecoding-demo");
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.trim();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                Path target = dir.resolve(name).normalize();
                if (!target.startsWith(dir)) {
                    throw new IllegalStateException("demo file outside the demo folder: " + name);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = loader.getResourceAsStream("demo/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("demo file listed but missing: " + name);
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the demo files", e);
        }
    }
}
