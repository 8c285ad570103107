package com.casecoding.common.list;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one shape of a list answer: the {@code items} of this page, how many the whole list has ({@code total}), the
 * {@code limit} and {@code offset} that chose them, and the {@code next} page's address, null on the last page. A
 * list about something (a search, a browse node) answers these same five properties beside its own.
 *
 * @param next the path and query of the next page, relative to the API's origin
 *             ({@code /api/notes?limit=50&offset=50}): a client resolves it against the address it called, so it
 *             works the same through the gateway and behind any proxy
 */
@Schema(description = "One page of a list: its items, the size of the whole list, the limit and offset that chose "
        + "this page, and the next page's address (null on the last page).")
public record ListPage<T>(List<T> items, long total, int limit, int offset,
                          @Schema(nullable = true, description = "Path and query of the next page, relative to the "
                                  + "API's origin; null on the last page") String next) {

    public ListPage {
        items = List.copyOf(items);
    }

    /** A page the caller already cut out of a list of {@code total} items (a database page, a search's hits). */
    public static <T> ListPage<T> of(List<T> items, long total, Paging paging, UriInfo request) {
        return of(items, total, paging, request.getRequestUri());
    }

    /** As {@link #of(List, long, Paging, UriInfo)} for a service handed the request's address ({@code request}). */
    public static <T> ListPage<T> of(List<T> items, long total, Paging paging, URI request) {
        return new ListPage<>(items, total, paging.limit(), paging.offset(), next(request, paging, items.size(), total));
    }

    /** A page of a list held whole in memory. */
    public static <T> ListPage<T> slice(List<T> all, Paging paging, UriInfo request) {
        return of(paging.slice(all), all.size(), paging, request);
    }

    /**
     * The next page's path and query: the request's own, with {@code offset} moved past this page's items and
     * {@code limit} kept (shortened to what is left of the paging window); null when this page reaches the end of
     * the list or of the window.
     */
    public static String next(URI request, Paging paging, int returned, long total) {
        long after = (long) paging.offset() + returned;
        if (returned == 0 || after >= paging.reachable(total) || after > Integer.MAX_VALUE - paging.limit()) {
            return null;
        }
        int limit = (int) Math.min(paging.limit(), (long) paging.window() - after);
        return link(request, limit, (int) after);
    }

    private static String link(URI request, int limit, int offset) {
        StringBuilder query = new StringBuilder();
        String raw = request.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !name.equals("limit") && !name.equals("offset")) {
                    query.append(pair).append('&');
                }
            }
        }
        query.append("limit=").append(limit).append("&offset=").append(offset);
        return request.getRawPath() + "?" + query;
    }
}
