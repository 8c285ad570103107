package com.casecoding.careers.web;

import com.casecoding.careers.config.CareersConfig;
import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.common.web.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Refuses a request whose declared body is larger than {@code careers.max-body-bytes} with a 413 problem+json,
 * before anything reads it. (The HTTP layer's own, higher limit still stops chunked bodies without a length.)
 */
@ApplicationScoped
public class BodyLimit {

    @Inject
    CareersConfig config;
    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String length = rc.request().getHeader("Content-Length");
            long declared = -1;
            if (length != null) {
                try {
                    declared = Long.parseLong(length.trim());
                } catch (NumberFormatException ignored) {
                    // the HTTP layer rejects a malformed length itself
                }
            }
            if (declared > config.maxBodyBytes()) {
                Problem problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE, 413,
                        "The request body is larger than " + config.maxBodyBytes() / 1024 + " KiB.",
                        rc.request().path(), RequestIds.of(rc.request()));
                String body;
                try {
                    body = json.writeValueAsString(problem);
                } catch (JsonProcessingException e) {
                    body = "{\"status\":413}";
                }
                rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(body);
                return;
            }
            rc.next();
        }, 50);
    }
}
