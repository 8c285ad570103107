package com.casecoding.common.web;

import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body over {@code casecoding.http.max-body-bytes} (1 MiB) with a 413 problem+json before anything
 * reads it. The HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) is set higher and only stops bodies
 * that do not declare their length, which it answers with a bare 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "casecoding.http.max-body-bytes", defaultValue = "1048576")
    long maxBytes;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length <= maxBytes) {
                rc.next();
                return;
            }
            Problem problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE, 413,
                    "The request body is " + length + " bytes; at most " + maxBytes + " bytes are accepted.",
                    rc.request().path(), RequestIds.of(rc.request()));
            String body;
            try {
                body = json.writeValueAsString(problem);
            } catch (Exception e) {
                body = "{\"status\":413}";
            }
            // the unread body stays on the connection: answer, then close it
            rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(body).onComplete(done -> rc.request().connection().close());
        }, 900);
    }
}
