package com.casecoding.common.list;

import com.casecoding.common.problem.ProblemException;
import java.util.List;

/**
 * Which part of a list a request asks for: at most {@code limit} items from item {@code offset} (0 = the first).
 * Every list operation of every service takes these two query parameters, read with {@link #of}.
 *
 * @param window how far into the list a request may reach (a search's result window; {@code Integer.MAX_VALUE} for
 *               no bound): no page, and so no {@code next} link, goes past it
 */
public record Paging(int limit, int offset, int window) {

    public Paging {
        if (limit < 1 || offset < 0 || window < 1) {
            throw new IllegalArgumentException("limit and window must be at least 1 and offset at least 0");
        }
    }

    public Paging(int limit, int offset) {
        this(limit, offset, Integer.MAX_VALUE);
    }

    /**
     * Reads {@code limit} (1 to {@code maxLimit}, {@code defaultLimit} when absent) and {@code offset} (0 or more,
     * 0 when absent), answering 400 naming the parameter otherwise.
     */
    public static Paging of(String limit, String offset, int defaultLimit, int maxLimit) {
        return of(limit, offset, defaultLimit, maxLimit, Integer.MAX_VALUE);
    }

    /**
     * As {@link #of(String, String, int, int)} for a list that can be read only up to item {@code window} (a search's
     * result window): {@code offset + limit} beyond it is a 400 that says to narrow the request instead.
     */
    public static Paging of(String limit, String offset, int defaultLimit, int maxLimit, int window) {
        int lim = QueryValues.integer("limit", limit, defaultLimit, 1, maxLimit);
        int maxOffset = window == Integer.MAX_VALUE ? Integer.MAX_VALUE - maxLimit : window - 1;
        int off = QueryValues.integer("offset", offset, 0, 0, maxOffset);
        if (window != Integer.MAX_VALUE && (long) off + lim > window) {
            throw ProblemException.invalidField("offset", "plus limit must be at most " + window
                    + ": narrow the request instead of paging further");
        }
        return new Paging(lim, off, window);
    }

    /** The whole of a list that is short by nature (a reference table): {@code limit} and offset 0. */
    public static Paging all(int limit) {
        return new Paging(limit, 0);
    }

    /** How many items of a list of {@code total} a request can reach at all. */
    public long reachable(long total) {
        return Math.min(total, window);
    }

    /** This part of a list held in memory. */
    public <T> List<T> slice(List<T> all) {
        if (offset >= all.size()) {
            return List.of();
        }
        return List.copyOf(all.subList(offset, (int) Math.min(all.size(), (long) offset + limit)));
    }
}
