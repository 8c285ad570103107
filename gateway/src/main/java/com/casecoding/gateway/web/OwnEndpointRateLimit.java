package com.casecoding.gateway.web;

import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.common.web.RequestIds;
import com.casecoding.gateway.auth.Caller;
import com.casecoding.gateway.auth.TokenService;
import com.casecoding.gateway.proxy.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The rate limits of {@code gateway.rate-limits} for the gateway's own endpoints (the {@code auth} group:
 * {@code /api/auth/guest}, {@code register}, {@code login}, {@code refresh}, {@code logout}), with the same decision and
 * the same 429 problem as routed requests ({@link RateLimiter}). It runs before the request is matched and its body
 * read, so a refused request costs no password hash and no database call.
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
    public Response limit(HttpServerRequest request) {
        String path = request.path();
        // a token that does not verify counts as none: the request is limited by its address
        Caller caller = TokenService.bearer(request.getHeader("Authorization"))
                .flatMap(tokens::caller).orElse(Caller.ANONYMOUS);
        RateLimiter.Result rate = limiter.acquire(path, caller, () -> clients.of(request).bucket());
        if (rate.allowed()) {
            return null;
        }
        return Response.fromResponse(Problem.of(ProblemType.RATE_LIMITED, 429, RateLimiter.refusal(rate, caller), path,
                        RequestIds.of(request)).toResponse())
                .header("Retry-After", Long.toString(rate.retryAfterSeconds())).build();
    }
}
