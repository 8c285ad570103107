package com.casecoding.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by services to end a request with a problem+json answer. The mapper adds the instance and request id.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(ProblemType type, int status, String detail) {
        this(type, status, type.title(), detail, List.of());
    }

    public ProblemException(ProblemType type, int status, String title, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.type = type;
        this.status = status;
        this.title = title;
        this.violations = violations;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(ProblemType.VALIDATION, 400, detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, 400, ProblemType.VALIDATION.title(),
                "Field '" + field + "' " + message + ".", List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, 404, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, 409, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, 403, detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, 401, detail);
    }

    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(String instance, String requestId) {
        return new Problem(type, title, status, getMessage(), instance, requestId, violations, extensions);
    }
}
