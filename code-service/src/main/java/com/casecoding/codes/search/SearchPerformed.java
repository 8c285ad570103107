package com.casecoding.codes.search;

import java.time.Instant;
import java.util.Set;

/**
 * A registered user searched (fired by the search endpoint after answering; observers must not block it). Search
 * history is one observer; search itself knows nothing of it.
 *
 * @param subject the token's subject (an account id)
 * @param query   the query as searched
 * @param systems the code sets it was limited to (empty: all)
 * @param total   how many results it had
 * @param at      when it was searched
 */
public record SearchPerformed(String subject, String query, Set<String> systems, long total, Instant at) {
}
