package com.casecoding.common.problem;

import java.net.URI;

/**
 * The stable problem {@code type} URIs of the platform, one per kind of error. Clients switch on these,
 * so a constant is never renamed once published.
 */
public enum ProblemType {
    VALIDATION("validation", "Invalid request"),
    MALFORMED_BODY("malformed-body", "Malformed request body"),
    NOT_FOUND("not-found", "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable"),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large"),
    CONFLICT("conflict", "Conflict"),
    UNAUTHORIZED("unauthorized", "Authentication required"),
    FORBIDDEN("forbidden", "Forbidden"),
    QUOTA_EXCEEDED("quota-exceeded", "Code page view limit reached"),
    RATE_LIMITED("rate-limited", "Too many requests"),
    UPSTREAM_UNAVAILABLE("service-unavailable", "Service unavailable"),
    BAD_GATEWAY("bad-gateway", "Bad gateway"),
    INTERNAL("internal", "Internal error"),
    HTTP("http", "HTTP error");

    public static final String BASE = "https://casecoding.com/problems/";

    private final URI uri;
    private final String title;

    ProblemType(String slug, String title) {
        this.uri = URI.create(BASE + slug);
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }
}
