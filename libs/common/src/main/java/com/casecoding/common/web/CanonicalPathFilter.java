package com.casecoding.common.web;

import com.casecoding.common.codes.CanonicalPath;
import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Refuses, in every service and in the gateway, a request whose path is not canonical ({@link CanonicalPath}) with a
 * 400 problem+json that says what to change. It runs before routing, authentication and the view quota, so no
 * component ever sees a path that another one would read differently.
 */
@ApplicationScoped
public class CanonicalPathFilter {

    /** After the shutdown gate (2000) and request ids (1000), before the body size limit (900). */
    static final int PRIORITY = 950;
    private static final int SHOWN = 200;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.request().path();
            String problem = CanonicalPath.problem(path);
            if (problem == null) {
                rc.next();
                return;
            }
            String shown = path == null ? "" : path.length() > SHOWN ? path.substring(0, SHOWN) + "..." : path;
            if (BodySizeLimit.declaredLength(rc.request()) > 0 || rc.request().headers().contains("Transfer-Encoding")) {
                // the unread body stays on the connection: closed after the answer, once the client has sent it
                LingeringClose.install(rc);
            }
            ProblemResponses.end(rc.response(), Problem.of(ProblemType.VALIDATION, 400,
                    "The request path is not in canonical form: " + problem + ".", shown,
                    RequestIds.of(rc.request())), json);
        }, PRIORITY);
    }
}
