package com.casecoding.gateway.proxy;

import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.common.web.RequestIds;
import com.casecoding.gateway.auth.Caller;
import com.casecoding.gateway.auth.TokenService;
import com.casecoding.gateway.web.ClientAddress;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The rate limits of {@code gateway.rate-limits} for the gateway's own endpoints (the {@code auth} group:
 * {@code /api/auth/guest}, {@code register}, {@code login}, {@code refresh}, {@code logout}), with the same decision,
 * the same 429 problem and the same {@code RateLimit-*} headers as routed requests ({@link RateLimiter}). It runs
 * before the request is matched and its body read, so a refused request costs no password hash and no database call.
 */
@ApplicationScoped
public class OwnEndpointRateLimit {

    @Inject
    RateLimiter limiter;
    @Inject
    TokenService tokens;
    @Inject
    ClientAddress clients;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext context, HttpServerRequest request) {
        String path = request.path();
        // a token that does not verify counts as none: the request is limited by its address
        Caller caller = TokenService.bearer(request.getHeader("Authorization"))
                .flatMap(tokens::caller).orElse(Caller.ANONYMOUS);
        RateLimiter.Result rate = limiter.acquire(path, caller, () -> clients.of(request).bucket());
        if (rate.allowed()) {
            if (rate.limited()) {
                context.setProperty(RateLimiter.RESULT, rate);
            }
            return null;
        }
        Response.ResponseBuilder refused = Response.fromResponse(Problem.of(ProblemType.RATE_LIMITED, 429,
                RateLimiter.refusal(rate, caller), path, RequestIds.of(request)).toResponse());
        RateLimiter.headers(rate, refused::header);
        return refused.build();
    }

    /** The allowed requests' answers carry the limit's headers too. */
    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(RateLimiter.RESULT) instanceof RateLimiter.Result rate) {
            RateLimiter.headers(rate, (name, value) -> response.getHeaders().putSingle(name, value));
        }
    }
}
