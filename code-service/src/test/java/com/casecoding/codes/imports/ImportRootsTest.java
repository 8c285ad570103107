package com.casecoding.codes.imports;

import com.casecoding.common.problem.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin import endpoint reads only inside CODES_IMPORT_DIR and CODES_IMPORT_ALLOWED_ROOTS. */
class ImportRootsTest {

    @TempDir
    Path tmp;
    Path root;
    Path outside;

    @BeforeEach
    void folders() throws IOException {
        root = Files.createDirectories(tmp.resolve("codes"));
        Files.createDirectories(root.resolve("icd10cm"));
        Files.writeString(root.resolve("icd10cm/order.txt"), "x");
        outside = Files.createDirectories(tmp.resolve("private"));
        Files.writeString(outside.resolve("secret.txt"), "x");
        Files.createSymbolicLink(root.resolve("escape"), outside);
    }

    private static ImportRoots roots(String importDir, List<String> allowed) {
        ImportRoots roots = new ImportRoots();
        roots.config = new ImportConfig() {
            public Optional<String> importDir() {
                return Optional.ofNullable(importDir);
            }

            public boolean demoData() {
                return false;
            }

            public boolean importAndExit() {
                return false;
            }

            public Optional<List<String>> importAllowedRoots() {
                return Optional.ofNullable(allowed);
            }
        };
        return roots;
    }

    private static ProblemException refused(ImportRoots roots, String path) {
        return assertThrows(ProblemException.class, () -> roots.resolve(path));
    }

    @Test
    void withoutAnyRootServerPathImportsAreOff() {
        assertEquals(403, refused(roots(null, null), root.toString()).status());
        assertEquals(403, refused(roots("", List.of()), "/").status());
    }

    @Test
    void aPathInsideTheImportDirOrAnAllowedRootIsResolved() throws IOException {
        ImportRoots roots = roots(root.toString(), null);
        assertEquals(root.resolve("icd10cm").toRealPath(), roots.resolve(root.resolve("icd10cm").toString()));
        assertEquals(root.resolve("icd10cm/order.txt").toRealPath(), roots.resolve("icd10cm/order.txt"),
                "a relative path is read from the first root");
        ImportRoots allowed = roots(null, List.of(outside.toString()));
        assertEquals(outside.resolve("secret.txt").toRealPath(), allowed.resolve(outside.resolve("secret.txt").toString()));
    }

    @Test
    void outsideTheRootsTheAnswerIsTheSameWhetherThePathExistsOrNot() {
        ImportRoots roots = roots(root.toString(), null);
        ProblemException existing = refused(roots, outside.toString());
        ProblemException missing = refused(roots, tmp.resolve("no-such-folder").toString());
        ProblemException system = refused(roots, "/etc");
        for (ProblemException e : List.of(existing, missing, system)) {
            assertEquals(400, e.status());
            assertEquals(existing.getMessage(), e.getMessage());
            assertTrue(e.getMessage().contains("outside the folders"), e.getMessage());
        }
    }

    @Test
    void dotSegmentsAndSymbolicLinksCannotLeaveTheRoots() {
        ImportRoots roots = roots(root.toString(), null);
        assertEquals(400, refused(roots, root + "/../private/secret.txt").status());
        assertEquals(400, refused(roots, "../private").status());
        assertTrue(refused(roots, root.resolve("escape/secret.txt").toString()).getMessage().contains("outside"));
        assertTrue(refused(roots, "escape").getMessage().contains("outside"));
        assertFalse(roots.contains(root.resolve("escape/secret.txt")));
        assertTrue(roots.contains(root.resolve("icd10cm/order.txt")));
    }

    @Test
    void insideTheRootsAMissingPathSaysSo() {
        ProblemException e = refused(roots(root.toString(), null), root.resolve("hcpcs").toString());
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
