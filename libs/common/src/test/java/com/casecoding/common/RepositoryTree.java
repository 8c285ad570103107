package com.casecoding.common;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests run in, for the tests that read every module's sources. */
public final class RepositoryTree {

    private RepositoryTree() {
    }

    /** The repository root: the first folder above the working directory that holds code-service and gateway. */
    public static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("code-service")) && Files.isDirectory(p.resolve("gateway"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found above " + here);
    }
}
