package com.casecoding.common.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every 4xx/5xx answer of the platform.
 * Extension members (such as {@code violations} or {@code suggestions}) are written at the top level.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "violations"})
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(description = "Stable URI naming the kind of problem", example = "https://casecoding.com/problems/validation")
    public final URI type;
    @Schema(description = "Short summary of the problem kind", example = "Invalid request")
    public final String title;
    @Schema(description = "HTTP status", example = "400")
    public final int status;
    @Schema(description = "What happened and what to do about it", example = "Field 'email' must be a well-formed email address.")
    public final String detail;
    @Schema(description = "The request path", example = "/api/auth/register")
    public final String instance;
    @Schema(description = "Request id to quote to support", example = "3b0d6c1e-4d2b-4a39-9a4e-1e1d1f0a6b2c")
    public final String requestId;
    @Schema(nullable = true, description = "Field-level problems of a 400")
    public final List<Violation> violations;

    private final Map<String, Object> extensions;

    Problem(ProblemType type, String title, int status, String detail, String instance, String requestId,
            List<Violation> violations, Map<String, Object> extensions) {
        this.type = type.uri();
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.requestId = requestId;
        this.violations = violations == null || violations.isEmpty() ? null : List.copyOf(violations);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> extensions() {
        return extensions;
    }

    public static Problem of(ProblemType type, int status, String detail, String instance, String requestId) {
        return new Problem(type, type.title(), status, detail, instance, requestId, null, null);
    }

    public static Problem of(ProblemType type, int status, String detail, String instance, String requestId,
                             Map<String, Object> extensions) {
        return new Problem(type, type.title(), status, detail, instance, requestId, null, extensions);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** One field-level validation failure: where and what is wrong. */
    @Schema(name = "Violation")
    public record Violation(
            @Schema(example = "email") String field,
            @Schema(example = "must be a well-formed email address") String message) {
    }
}
