package com.casecoding.codes.imports;

import com.casecoding.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folders the admin import endpoint may read: {@code CODES_IMPORT_DIR} and {@code CODES_IMPORT_ALLOWED_ROOTS}
 * (comma-separated). With neither set, importing from a server path is off (403). A requested path must lie inside
 * one of them after every symbolic link is resolved; a path outside gets the same 400 whether it exists or not, so the
 * endpoint never tells what is on the server outside its folders, let alone lists it.
 */
@ApplicationScoped
public class ImportRoots {

    static final String OUTSIDE = "is outside the folders imports may read from (CODES_IMPORT_DIR, "
            + "CODES_IMPORT_ALLOWED_ROOTS)";

    @Inject
    ImportConfig config;

    /** The configured folders that exist, as real paths (links resolved), in configuration order. */
    public List<Path> roots() {
        List<String> configured = new ArrayList<>();
        config.importDir().ifPresent(configured::add);
        config.importAllowedRoots().ifPresent(configured::addAll);
        List<Path> roots = new ArrayList<>();
        for (String root : configured) {
            if (root == null || root.isBlank()) {
                continue;
            }
            try {
                Path real = Path.of(root.trim()).toRealPath();
                if (Files.isDirectory(real) && !roots.contains(real)) {
                    roots.add(real);
                }
            } catch (IOException | InvalidPathException e) {
                // a configured folder that does not exist (yet) holds nothing to import
            }
        }
        return roots;
    }

    /** Whether {@code path} (resolved to its real path if it exists) lies inside a root. */
    public boolean contains(Path path) {
        Optional<Path> real = real(path.toAbsolutePath().normalize());
        return real.isPresent() && roots().stream().anyMatch(real.get()::startsWith);
    }

    /**
     * The real path of the file or folder {@code raw} names (absolute, or relative to the first root).
     *
     * @throws ProblemException 403 when no root is configured, 400 when the path is not valid, outside the roots, or
     *                          (inside them) does not exist or cannot be read
     */
    public Path resolve(String raw) {
        List<Path> roots = roots();
        if (roots.isEmpty()) {
            throw ProblemException.forbidden("Importing from a server folder is turned off: set CODES_IMPORT_DIR or "
                    + "CODES_IMPORT_ALLOWED_ROOTS to the folders imports may read.");
        }
        Path requested;
        try {
            Path given = Path.of(raw.trim());
            requested = (given.isAbsolute() ? given : roots.get(0).resolve(given)).normalize();
        } catch (InvalidPathException e) {
            throw ProblemException.invalidField("path", "is not a valid path");
        }
        Optional<Path> real = real(requested);
        Path checked = real.orElse(requested);
        if (roots.stream().noneMatch(checked::startsWith)) {
            throw ProblemException.invalidField("path", OUTSIDE);
        }
        if (real.isEmpty() || !Files.isReadable(real.get())) {
            throw ProblemException.invalidField("path", "does not exist or cannot be read on the server");
        }
        return real.get();
    }

    private static Optional<Path> real(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
