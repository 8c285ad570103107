package com.casecoding.codes.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds {@code ../shared/data} beside the repository (surefire sets casecoding.repo.root), or env CASECODING_SHARED_DATA. */
public final class SharedData {

    private SharedData() {
    }

    public static Optional<Path> locate() {
        String env = System.getenv("CASECODING_SHARED_DATA");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        String root = System.getProperty("casecoding.repo.root", System.getProperty("user.dir"));
        for (Path dir = Path.of(root).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(candidate.resolve("icd10cm"))) {
                return Optional.of(candidate);
            }
            if (dir.getParent() == null) {
                break;
            }
        }
        return Optional.empty();
    }
}
