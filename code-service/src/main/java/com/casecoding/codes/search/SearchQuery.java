package com.casecoding.codes.search;

import java.util.Set;

/**
 * What a caller asks for, already validated.
 *
 * @param text     the typed text (at most {@link #MAX_TEXT} characters)
 * @param systems  code systems to search, empty for all
 * @param billable only billable (true), only headers (false), or both (null)
 * @param deleted  only deleted (true), only active (false), or both with deleted last (null)
 * @param version  only this release version, or null
 * @param limit    results wanted (1..{@link #MAX_LIMIT})
 * @param offset   results skipped; offset + limit is at most {@link #MAX_WINDOW}
 * @param flags    only codes carrying one of these reference flags ({@code hcc}, {@code hcc-v28}, {@code cc},
 *                 {@code mcc}, {@code hac}; see {@link SearchDocument#flags()}), empty for no such filter
 */
public record SearchQuery(String text, Set<String> systems, Boolean billable, Boolean deleted, String version,
                          int limit, int offset, Set<String> flags) {

    public static final int MAX_TEXT = 200;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_WINDOW = 500;

    public SearchQuery {
        systems = systems == null ? Set.of() : Set.copyOf(systems);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0 || offset + limit > MAX_WINDOW) {
            throw new IllegalArgumentException("offset + limit must be at most " + MAX_WINDOW);
        }
    }

    public SearchQuery(String text, Set<String> systems, Boolean billable, Boolean deleted, String version, int limit,
                       int offset) {
        this(text, systems, billable, deleted, version, limit, offset, Set.of());
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, Set.of(), null, null, null, 20, 0);
    }

    public static SearchQuery of(String text, int limit) {
        return new SearchQuery(text, Set.of(), null, null, null, limit, 0);
    }
}
