package com.casecoding.codes.imports.codesets;

import com.casecoding.codes.imports.SourceFile;
import com.casecoding.codes.release.ReleaseCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The April 1 update of an ICD-10 fiscal year is a release of its own, named by its file or its folder. */
class AprilUpdateNamesTest {

    @TempDir
    Path dir;

    private static Path file(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), "");
    }

    @Test
    void theOctoberReleaseAndTheAprilUpdateAreTwoReleases() throws IOException {
        Icd10Importer importer = new Icd10Importer();
        SourceFile october = importer.recognize(file(dir.resolve("FY2024"), "icd10cm_order_2024.txt")).orElseThrow();
        assertEquals("FY2024", october.version());
        assertEquals(LocalDate.of(2023, 10, 1), october.effectiveDate());
        SourceFile byFolder = importer.recognize(file(dir.resolve("FY2024-April-update"), "icd10cm_order_2024.txt"))
                .orElseThrow();
        assertEquals("FY2024-APR", byFolder.version());
        assertEquals(LocalDate.of(2024, 4, 1), byFolder.effectiveDate());
        SourceFile byName = importer.recognize(file(dir.resolve("x"), "icd10pcs_codes_2024_april.txt")).orElseThrow();
        assertEquals("icd10pcs", byName.dataset());
        assertEquals("FY2024-APR", byName.version());
        assertTrue(byName.note().startsWith("April 1 update"), byName.note());
        assertEquals(LocalDate.of(2024, 9, 30),
                ReleaseCalendar.periodOf(byName.dataset(), byName.effectiveDate()).to());
        SourceFile addenda = new Icd10AddendaImporter().recognize(file(dir.resolve("FY2024-April-update"),
                "icd10cm_order_addenda_2024.txt")).orElseThrow();
        assertEquals("FY2024-APR", addenda.version());
        assertEquals(LocalDate.of(2024, 4, 1), addenda.effectiveDate());
        // "apr" inside another word is no April marker
        assertEquals("FY2025", importer.recognize(file(dir.resolve("capricorn"), "icd10cm_order_2025.txt"))
                .orElseThrow().version());
    }
}
