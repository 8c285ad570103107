package com.casecoding.codes.imports;

import com.casecoding.codes.release.DataGeneration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The demo set: small files written by us in the official layouts under {@code src/main/resources/demo/} (listed in
 * {@code demo/files.txt}), copied to a temporary folder and imported through the same importers as real data.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String INDEX = "demo/files.txt";

    private static final String COMMON_LANGUAGE = "demo/common-language.tsv";

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Inject
    DataGeneration generation;

    public ImportSummary load() {
        Path dir = extract();
        LOG.infof("loading the demo code set (our own small files) from %s", dir);
        ImportSummary summary = runner.importPaths(List.of(dir), "demo-data");
        loadCommonLanguage();
        // the texts came after the import's reload: pages, search and CasePilot (here and on every replica) take them
        generation.textsChanged("demo common-language texts");
        return summary;
    }

    /** Our own plain-language texts for some demo codes; an admin's edit is never overwritten. */
    void loadCommonLanguage() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(COMMON_LANGUAGE);
             Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into codes.common_language (system, code, text, updated_by, updated_at)
                     values (?, ?, ?, 'demo-data', now()) on conflict (system, code) do nothing""")) {
            if (in == null) {
                return;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 3);
                if (f.length == 3) {
                    ps.setString(1, f[0].trim());
                    ps.setString(2, f[1].trim());
                    ps.setString(3, f[2].trim());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        } catch (IOException | SQLException e) {
            LOG.warn("demo common-language texts not loaded", e);
        }
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
