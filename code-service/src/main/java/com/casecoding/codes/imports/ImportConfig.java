package com.casecoding.codes.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "codes")
public interface ImportConfig {

    /** Folder whose recognized files are imported at start ({@code CODES_IMPORT_DIR}); each file once. */
    @WithName("import-dir")
    Optional<String> importDir();

    /** Load the built-in demo set at start when no release exists yet ({@code CODES_DEMO_DATA}). */
    @WithName("demo-data")
    @WithDefault("false")
    boolean demoData();

    /** Import {@code import-dir}, log the summary and exit (status 1 if a file was refused): the import command. */
    @WithName("import-and-exit")
    @WithDefault("false")
    boolean importAndExit();

    /**
     * Folders under which the admin endpoint may import besides {@link #importDir()} (absolute or relative to the
     * working directory). With neither set, the endpoint refuses every path (403); see {@link ImportRoots}.
     */
    @WithName("import-allowed-roots")
    Optional<List<String>> importAllowedRoots();
}
