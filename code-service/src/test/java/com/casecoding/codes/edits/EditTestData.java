package com.casecoding.codes.edits;

import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.imports.ImportSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/** Test helpers: wipe this package's releases, write the fixtures to a folder, find the real data folder. */
public final class EditTestData {

    private EditTestData() {
    }

    /** Deletes every payment/edit release (their rows cascade) and reloads the tables. */
    public static void clean(DataSource ds, EditTables tables) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from codes.code_release where dataset = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", Arrays.stream(EditDataset.values()).map(EditDataset::id).toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        tables.reload();
        com.casecoding.codes.imports.CodesTestData.forgetReleases();
    }

    /** Copies the named fixtures (or all) into {@code dir}. */
    public static Path writeFixtures(Path dir, String... names) {
        List<String> all = names.length > 0 ? List.of(names) : List.of(Fixtures.MUE_PRACTITIONER, Fixtures.MUE_DME,
                Fixtures.AOC, Fixtures.PTP, Fixtures.RVU, Fixtures.GPCI, Fixtures.LOCCO);
        try {
            Files.createDirectories(dir);
            for (String name : all) {
                Files.write(dir.resolve(name), Fixtures.bytes(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The fixture PTP file alone (in the CMS layout; no real PTP file is available). */
    public static Path writePtpFixture(Path dir) {
        return writeFixtures(dir, Fixtures.PTP);
    }

    /** Imports the real MPFS (RVU, GPCI, localities) and NCCI (MUE, AOC) files; returns the run summary. */
    public static ImportSummary importReal(ImportRunner runner) {
        Path data = CodesTestData.sharedDataOrSkip();
        return runner.importPaths(List.of(data.resolve("mpfs/RVU25D"), data.resolve("ncci/2026Q2")), "test");
    }
}
