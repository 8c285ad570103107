package com.casecoding.careers.web;

import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.common.web.RequestIds;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Races between two writers end as a 409 the client can retry, not as a 500. */
public class PersistenceMappers {

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentEdit(RuntimeException e, HttpServerRequest request) {
        return Problem.of(ProblemType.CONFLICT, 409, "Someone else changed this at the same time; reload and retry.",
                request.path(), RequestIds.of(request)).toResponse();
    }

    @ServerExceptionMapper
    public Response duplicate(ConstraintViolationException e, HttpServerRequest request) {
        return Problem.of(ProblemType.CONFLICT, 409, "This conflicts with something that already exists (for example "
                        + "a second application to the same posting).", request.path(), RequestIds.of(request))
                .toResponse();
    }
}
