package com.casecoding.common.web;

import com.casecoding.common.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Problem answers written straight to a Vert.x response, for filters and routes that run outside Quarkus REST. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Ends {@code response} with {@code problem} as {@code application/problem+json}, with the problem's status. */
    public static void end(HttpServerResponse response, Problem problem, ObjectMapper json) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status + "}";
        }
        response.setStatusCode(problem.status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
