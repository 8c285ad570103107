package com.casecoding.codes.search;

import java.util.function.Consumer;

/**
 * Where the index gets its codes. The service indexes every CDI bean of this type: {@link DatabaseDocumentSource},
 * the imported code sets (the official files are read once, by the importers), and in tests a fixture source.
 */
public interface SearchDocumentSource {

    /** A short name for logs ("database", "test-fixture"). */
    String name();

    /** Hands every document to {@code sink}; called on the indexing thread, once per rebuild. */
    void load(Consumer<SearchDocument> sink) throws Exception;
}
