package com.casecoding.common.web;

import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body over {@code casecoding.http.max-body-bytes} (1 MiB) with a 413 problem+json, and a request
 * line over {@code casecoding.http.max-uri-length} (32 KiB) with a 414 problem+json, before anything reads them. The HTTP
 * layer's own limits ({@code quarkus.http.limits.*}) are set higher and are only a backstop with bare answers.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "casecoding.http.max-body-bytes", defaultValue = "1048576")
    long maxBytes;

    @ConfigProperty(name = "casecoding.http.max-uri-length", defaultValue = "32768")
    int maxUriLength;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            long length = declaredLength(rc.request());
            int uriLength = rc.request().uri().length();
            if (length <= maxBytes && uriLength <= maxUriLength) {
                rc.next();
                return;
            }
            boolean uriTooLong = uriLength > maxUriLength;
            Problem problem = uriTooLong
                    ? Problem.of(ProblemType.HTTP, 414, "The URL is " + uriLength + " characters long; at most "
                    + maxUriLength + " are accepted. Shorten the query.", rc.request().path().length() > 200
                    ? rc.request().path().substring(0, 200) : rc.request().path(), RequestIds.of(rc.request()))
                    : Problem.of(ProblemType.PAYLOAD_TOO_LARGE, 413, "The request body is " + length
                    + " bytes; at most " + maxBytes + " bytes are accepted.", rc.request().path(), RequestIds.of(rc.request()));
            // the unread body stays on the connection: closed after the answer, once the client has sent it
            LingeringClose.install(rc);
            ProblemResponses.end(rc.response(), problem, json);
        }, 900);
    }

    /** The declared {@code Content-Length} of a request, or -1 when there is none or it is not a number. */
    public static long declaredLength(HttpServerRequest request) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
