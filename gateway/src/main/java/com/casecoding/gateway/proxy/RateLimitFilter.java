package com.casecoding.gateway.proxy;

import com.casecoding.common.problem.ProblemType;
import com.casecoding.gateway.auth.Caller;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Filter 3 of the proxy: the per-plan rate limit of the request's group ({@link RateLimiter}: per account, or per client
 * address without a token). Over the limit: 429 problem+json with {@code Retry-After}. Every answer under a limit, the
 * upstream's included, carries the {@code RateLimit-*} headers ({@link RateLimiter#headers}).
 */
final class RateLimitFilter implements ProxyInterceptor {

    private final RateLimiter limiter;
    private final ObjectMapper json;

    RateLimitFilter(RateLimiter limiter, ObjectMapper json) {
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HttpServerRequest request = ProxyCall.request(context);
        Caller caller = ProxyCall.caller(context);
        RateLimiter.Result rate = limiter.acquire(request.path(), caller, () -> ProxyCall.client(context).bucket());
        if (rate.allowed()) {
            if (rate.limited()) {
                context.set(RateLimiter.RESULT, rate);
            }
            return context.sendRequest();
        }
        return ProxyCall.refuse(context, json, ProblemType.RATE_LIMITED, 429, RateLimiter.refusal(rate, caller), null)
                .map(response -> {
                    RateLimiter.headers(rate, response::putHeader);
                    return response;
                });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        RateLimiter.Result rate = context.get(RateLimiter.RESULT, RateLimiter.Result.class);
        if (rate != null) {
            RateLimiter.headers(rate, context.response()::putHeader);
        }
        return context.sendResponse();
    }
}
