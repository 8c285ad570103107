package com.casecoding.codes.search;

import java.util.function.Consumer;

/**
 * Where the index gets its codes. The service indexes every CDI bean of this type; the database loader is the
 * normal one, {@link OfficialFilesSource} reads the official release files directly (development and benchmarks).
 */
public interface SearchDocumentSource {

    /** A short name for logs ("database", "files:/data"). */
    String name();

    /** Hands every document to {@code sink}; called on the indexing thread, once per rebuild. */
    void load(Consumer<SearchDocument> sink) throws Exception;
}
