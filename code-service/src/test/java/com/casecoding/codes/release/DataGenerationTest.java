package com.casecoding.codes.release;

import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27: what another replica (or the import Job) changes in the database reaches this process through the data
 * generation. The other process is played by statements on the same database; the poll is called directly (the
 * scheduler is off in tests). SystemTwoCodeServicesIT runs two real processes.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class DataGenerationTest {

    @Inject
    DataGeneration generation;

    @Inject
    DataSource dataSource;

    @Inject
    jakarta.enterprise.event.Event<ImportCompleted> importCompleted;

    @Inject
    Seen seen;

    /** Records the reload events this process fires. */
    @ApplicationScoped
    static class Seen {
        private final List<Object> events = new CopyOnWriteArrayList<>();

        /** Through the bean's client proxy: a method, never the field. */
        List<Object> events() {
            return events;
        }

        void imported(@Observes ImportCompleted e) {
            events.add(e);
        }

        void texts(@Observes CodeTextsChanged e) {
            events.add(e);
        }
    }

    @BeforeEach
    void baseline() {
        CodesTestData.reset(dataSource);
        generation.poll();
        seen.events().clear();
    }

    @Test
    void aReleaseStoredByAnotherProcessIsReloadedWithWhatItStored() throws SQLException {
        sql("insert into codes.code_release (dataset, version, effective_date, source_file, source_sha256, row_count)"
                + " values ('hcpcs', '2026-JAN', date '2026-01-01', 'HCPC2026_JAN_ANWEB.txt', 'abc', 8642)");
        generation.poll();
        assertEquals(1, seen.events().size(), seen.events()::toString);
        ImportCompleted event = (ImportCompleted) seen.events().get(0);
        assertEquals(1, event.releases().size());
        assertEquals("hcpcs", event.releases().get(0).dataset());
        assertEquals(8642, event.releases().get(0).rows());
        // nothing new: nothing reloaded
        generation.poll();
        assertEquals(1, seen.events().size());
    }

    @Test
    void releasesRemovedElsewhereAreReloadedToo() throws SQLException {
        sql("insert into codes.code_release (dataset, version, effective_date, source_file, source_sha256, row_count)"
                + " values ('icd10cm', 'FY2026', date '2025-10-01', 'icd10cm-order-2026.txt', 'def', 1)");
        generation.poll();
        seen.events().clear();
        sql("delete from codes.code_release");
        generation.poll();
        assertEquals(1, seen.events().size());
        assertTrue(((ImportCompleted) seen.events().get(0)).releases().isEmpty());
    }

    @Test
    void aTextEditedByAnotherReplicaDropsWhatWasBuiltFromTexts() throws SQLException {
        sql("update codes.data_generation set generation = generation + 1, what = 'texts: common-language cpt 27447'");
        generation.poll();
        assertEquals(1, seen.events().size());
        assertEquals("texts: common-language cpt 27447", ((CodeTextsChanged) seen.events().get(0)).what());
    }

    @Test
    void whatThisProcessChangedItselfIsNotReloadedTwice() {
        generation.textsChanged("common-language icd10cm E11.9");
        assertEquals(1, seen.events().size(), "the local change is told at once");
        generation.poll();
        assertEquals(1, seen.events().size(), "and not once more by the next poll");
    }

    @Test
    void releasesThisProcessIsStillImportingAreLeftToTheImport() throws SQLException {
        generation.importStarted();
        try {
            // the import has stored its first release and goes on with the next file
            sql("insert into codes.code_release (dataset, version, effective_date, source_file, source_sha256, row_count)"
                    + " values ('hcpcs', '2026-JAN', date '2026-01-01', 'HCPC2026_JAN_ANWEB.txt', 'abc', 8642)");
            generation.poll();
            assertTrue(seen.events().isEmpty(), "no reload in the middle of this process' own import: " + seen.events());
            // meanwhile another replica changes a text
            sql("update codes.data_generation set generation = generation + 1, what = 'texts: common-language cpt 27447'");
        } finally {
            generation.importEnded();
        }
        // the import announces what it stored (ImportRunner fires this after its last file)
        List<ImportCompleted.ImportedRelease> stored = List.of(new ImportCompleted.ImportedRelease(
                1, "hcpcs", "2026-JAN", java.time.LocalDate.of(2026, 1, 1), 8642));
        importCompleted.fire(new ImportCompleted(stored));
        assertEquals(2, seen.events().size(), seen.events()::toString);
        assertTrue(seen.events().get(0) instanceof ImportCompleted);
        assertTrue(seen.events().get(1) instanceof CodeTextsChanged, "the other replica's text change is not lost");
        seen.events().clear();
        generation.poll();
        assertTrue(seen.events().isEmpty(), "nothing reloaded twice: " + seen.events());
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
