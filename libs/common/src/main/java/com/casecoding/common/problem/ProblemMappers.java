package com.casecoding.common.problem;

import com.casecoding.common.json.StrictJson;
import com.casecoding.common.web.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every exception that leaves a resource into RFC 9457 problem+json. Nothing of the exception's class or stack
 * reaches the client; unexpected errors are logged with the request id that the body carries.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        Response.ResponseBuilder builder = Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .entity(e.toProblem(request.path(), RequestIds.of(request)));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        String detail = violations.stream().map(v -> "'" + v.field() + "' " + v.message())
                .collect(Collectors.joining("; ", "Fix these fields: ", "."));
        return new ProblemException(ProblemType.VALIDATION, 400, ProblemType.VALIDATION.title(), detail, violations)
                .toProblem(request.path(), RequestIds.of(request)).toResponse();
    }

    @ServerExceptionMapper({UnrecognizedPropertyException.class})
    public Response unknownProperty(UnrecognizedPropertyException e, HttpServerRequest request) {
        String field = jsonPath(e);
        return new ProblemException(ProblemType.VALIDATION, 400, ProblemType.VALIDATION.title(),
                "Field '" + field + "' is not part of this request; remove it.",
                List.of(new Problem.Violation(field, "is not a known field")))
                .toProblem(request.path(), RequestIds.of(request)).toResponse();
    }

    @ServerExceptionMapper({InvalidFormatException.class, MismatchedInputException.class})
    public Response wrongType(MismatchedInputException e, HttpServerRequest request) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return simple(ProblemType.MALFORMED_BODY, 400,
                    "The request body does not have the expected shape: send a JSON object as documented.", request);
        }
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return new ProblemException(ProblemType.VALIDATION, 400, ProblemType.VALIDATION.title(),
                "Field '" + field + "' has the wrong type: expected " + expected + ".",
                List.of(new Problem.Violation(field, "must be " + expected)))
                .toProblem(request.path(), RequestIds.of(request)).toResponse();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, HttpServerRequest request) {
        String duplicate = StrictJson.duplicateField(e);
        if (duplicate != null) {
            return new ProblemException(ProblemType.MALFORMED_BODY, 400, ProblemType.MALFORMED_BODY.title(),
                    "Field '" + duplicate + "' appears more than once in the request body; send each field once.",
                    List.of(new Problem.Violation(duplicate, "appears more than once")))
                    .toProblem(request.path(), RequestIds.of(request)).toResponse();
        }
        String where = e.getLocation() == null ? ""
                : " near line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return simple(ProblemType.MALFORMED_BODY, 400, "The request body is not valid JSON" + where + ".", request);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        return simple(ProblemType.NOT_FOUND, 404,
                "Nothing is served at " + request.method() + " " + request.path() + ". See /q/openapi for the API.", request);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpServerRequest request) {
        String allowed = String.join(", ", e.getResponse().getAllowedMethods());
        Response base = simple(ProblemType.METHOD_NOT_ALLOWED, 405,
                "Method " + request.method() + " is not allowed on " + request.path()
                        + (allowed.isEmpty() ? "." : "; use one of: " + allowed + "."), request);
        return Response.fromResponse(base).header("Allow", allowed.isEmpty() ? null : allowed).build();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, HttpServerRequest request) {
        String sent = request.getHeader("Content-Type");
        return simple(ProblemType.UNSUPPORTED_MEDIA_TYPE, 415,
                "Content-Type " + (sent == null ? "(none)" : "'" + sent + "'")
                        + " is not accepted here; send application/json.", request);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, HttpServerRequest request) {
        return simple(ProblemType.NOT_ACCEPTABLE, 406,
                "This endpoint cannot answer in the media type asked for in Accept; ask for application/json.", request);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        Response base = simple(ProblemType.UNAUTHORIZED, 401,
                "A valid bearer token is required: get one from /api/auth/guest, /api/auth/login or /api/auth/register.",
                request);
        return Response.fromResponse(base).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return simple(ProblemType.FORBIDDEN, 403, "Your account is not allowed to do this.", request);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 413) {
            return simple(ProblemType.PAYLOAD_TOO_LARGE, 413, "The request body is too large.", request);
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, request);
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        String reason = Response.Status.fromStatusCode(status) == null ? "Request refused"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return simple(status == 400 ? ProblemType.VALIDATION : ProblemType.HTTP, status, reason + ".", request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        String requestId = RequestIds.of(request);
        if (unstorableValue(e)) {
            return simple(ProblemType.VALIDATION, 400, "A value in the request cannot be stored: it is too long, out "
                    + "of range, not a valid date or number, or contains characters such as NUL. Fix it and retry.", request);
        }
        if (concurrentChange(e)) {
            return simple(ProblemType.CONFLICT, 409,
                    "Someone changed this record at the same time. Reload it and try again.", request);
        }
        if (databaseUnavailable(e)) {
            LOG.warnf("Database unavailable on %s %s (request %s): %s", request.method(), request.path(), requestId,
                    e.getMessage());
            Response base = simple(ProblemType.UPSTREAM_UNAVAILABLE, 503,
                    "The database is unavailable right now. Please retry in a moment.", request);
            return Response.fromResponse(base).header("Retry-After", "5").build();
        }
        LOG.errorf(e, "Unexpected error on %s %s (request %s)", request.method(), request.path(), requestId);
        return simple(ProblemType.INTERNAL, 500,
                "Something went wrong on our side. Quote request id " + requestId + " to support.", request);
    }

    /** PostgreSQL data exceptions (SQLState class 22): the client sent a value the column cannot hold. */
    static boolean unstorableValue(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** An optimistic-lock failure or a unique-key race: two writers met, the second should reload and retry. */
    static boolean concurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.endsWith("OptimisticLockException") || name.endsWith("StaleObjectStateException")
                    || name.endsWith("StaleStateException")) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A lost or refused database connection (SQLState class 08 or 57P, a pool that cannot hand out a connection, Hibernate's
     * connection exception) is a temporary 503, not a bug.
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
                // 08: connection exceptions; 57P: the server is shutting down, crashed or not accepting connections yet
                if ((state != null && (state.startsWith("08") || state.startsWith("57P")))
                        || message.contains("acquisition timeout")
                        || message.contains("connection refused") || message.contains("this connection has been closed")) {
                    return true;
                }
            }
            if (t.getClass().getName().endsWith("JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private static Response simple(ProblemType type, int status, String detail, HttpServerRequest request) {
        return Problem.of(type, status, detail, request.path(), RequestIds.of(request)).toResponse();
    }

    /** {@code register.request.email} becomes {@code email}; a bare query parameter keeps its own name. */
    static String fieldName(Path path) {
        List<String> names = new ArrayList<>();
        List<ElementKind> kinds = new ArrayList<>();
        for (Path.Node node : path) {
            names.add(node.getName());
            kinds.add(node.getKind());
        }
        int start = 0;
        while (start < kinds.size() && kinds.get(start) == ElementKind.METHOD) {
            start++;
        }
        boolean hasProperties = kinds.stream().anyMatch(k -> k == ElementKind.PROPERTY || k == ElementKind.CONTAINER_ELEMENT);
        if (hasProperties && start < kinds.size() && kinds.get(start) == ElementKind.PARAMETER) {
            start++;
        }
        String joined = names.subList(Math.min(start, names.size()), names.size()).stream()
                .filter(n -> n != null && !n.startsWith("<")).collect(Collectors.joining("."));
        return joined.isEmpty() ? "body" : joined;
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static final Map<Class<?>, String> TYPE_NAMES = Map.ofEntries(
            Map.entry(Integer.class, "an integer"), Map.entry(int.class, "an integer"),
            Map.entry(Long.class, "an integer"), Map.entry(long.class, "an integer"),
            Map.entry(Double.class, "a number"), Map.entry(double.class, "a number"),
            Map.entry(java.math.BigDecimal.class, "a number"),
            Map.entry(Boolean.class, "true or false"), Map.entry(boolean.class, "true or false"),
            Map.entry(String.class, "a string"),
            Map.entry(java.time.LocalDate.class, "a date (YYYY-MM-DD)"),
            Map.entry(java.time.Instant.class, "a timestamp (ISO-8601)"),
            Map.entry(java.time.OffsetDateTime.class, "a timestamp (ISO-8601)"),
            Map.entry(java.util.UUID.class, "a UUID"));

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object c : constants) {
                names.add(c.toString());
            }
            return "one of " + String.join(", ", names);
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return TYPE_NAMES.getOrDefault(type, "an object");
    }
}
