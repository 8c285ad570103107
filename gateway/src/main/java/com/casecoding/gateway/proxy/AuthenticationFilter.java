package com.casecoding.gateway.proxy;

import com.casecoding.common.problem.ProblemType;
import com.casecoding.gateway.auth.Caller;
import com.casecoding.gateway.auth.TokenService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

import java.util.Optional;

/**
 * Filter 2 of the proxy: the bearer token, verified against the gateway's keys ({@link TokenService#caller}: RS256,
 * known kid, issuer, audience, expiry, access token; from memory when seen before). A token that fails is a 401 on every
 * route; no token is a 401 where the route requires one (code-service), else the request goes on anonymously. The
 * token itself is forwarded: services verify it again.
 */
final class AuthenticationFilter implements ProxyInterceptor {

    private final TokenService tokens;
    private final boolean required;
    private final ObjectMapper json;

    AuthenticationFilter(TokenService tokens, boolean required, ObjectMapper json) {
        this.tokens = tokens;
        this.required = required;
        this.json = json;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        Optional<String> bearer = TokenService.bearer(ProxyCall.request(context).getHeader(HttpHeaders.AUTHORIZATION));
        if (bearer.isPresent()) {
            Optional<Caller> caller = tokens.caller(bearer.get());
            if (caller.isEmpty()) {
                return unauthorized(context, "The access token is invalid or expired: refresh it (POST"
                        + " /api/auth/refresh) or sign in again.");
            }
            ProxyCall.caller(context, caller.get());
        } else if (required) {
            return unauthorized(context, "A bearer token is required. Frontends get one for a guest from"
                    + " POST /api/auth/guest.");
        }
        return context.sendRequest();
    }

    private Future<ProxyResponse> unauthorized(ProxyContext context, String detail) {
        return ProxyCall.refuse(context, json, ProblemType.UNAUTHORIZED, 401, detail, null)
                .map(response -> response.putHeader("WWW-Authenticate", "Bearer"));
    }
}
