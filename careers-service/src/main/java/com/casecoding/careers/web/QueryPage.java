package com.casecoding.careers.web;

import com.casecoding.common.list.ListPage;
import com.casecoding.common.list.Paging;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a database list and the size of the whole list. Both come from the same {@link PanacheQuery}, so the
 * count and the page always apply the same filter.
 */
public record QueryPage<T>(List<T> items, long total) {

    /** Items on a page of any careers list when the request gives no {@code limit}. */
    public static final int DEFAULT_LIMIT = 20;

    /** Counts the query's rows, then reads the rows {@code paging} asks for (none when the offset is past the end). */
    public static <T> QueryPage<T> of(PanacheQuery<T> query, Paging paging) {
        long total = query.count();
        if (paging.offset() >= total) {
            return new QueryPage<>(List.of(), total);
        }
        int last = (int) Math.min(Integer.MAX_VALUE, (long) paging.offset() + paging.limit() - 1);
        return new QueryPage<>(query.range(paging.offset(), last).list(), total);
    }

    /** The list answer: these rows turned into their wire shape (in one go, so views can load what they need in bulk). */
    public <R> ListPage<R> toListPage(Function<List<T>, List<R>> views, Paging paging, UriInfo request) {
        return ListPage.of(views.apply(items), total, paging, request);
    }
}
