package com.casecoding.common.list;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code limit} and {@code offset} query parameters of every list operation, taken with {@code @BeanParam} and
 * read with {@link #paging}: one declaration of the two parameters (integers in the document) instead of one per list.
 * They arrive as text so that a malformed value is a 400 naming the parameter ({@link Paging#of}), not the framework's
 * 404. Each operation states its own default and largest limit in its description.
 */
public class PageQuery {

    @QueryParam("limit")
    @Parameter(description = "Most items on the page, from 1; the operation's description gives its default and "
            + "largest value", schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
    String limit;

    @QueryParam("offset")
    @Parameter(description = "Items to skip before the page, from 0 (default 0)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
    String offset;

    public PageQuery() {
    }

    /** For callers outside a request (tests, other entry points): the two values as they would arrive. */
    public PageQuery(String limit, String offset) {
        this.limit = limit;
        this.offset = offset;
    }

    /** The page asked for: limit 1 to {@code maxLimit} ({@code defaultLimit} when absent), offset 0 or more. */
    public Paging paging(int defaultLimit, int maxLimit) {
        return Paging.of(limit, offset, defaultLimit, maxLimit);
    }

    /** As {@link #paging(int, int)} for a list read only up to item {@code window} ({@link Paging#of(String, String, int, int, int)}). */
    public Paging paging(int defaultLimit, int maxLimit, int window) {
        return Paging.of(limit, offset, defaultLimit, maxLimit, window);
    }
}
