package com.casecoding.gateway.proxy;

import com.casecoding.common.problem.ProblemType;
import com.casecoding.gateway.auth.Caller;
import com.casecoding.gateway.auth.TokenAdmission;
import com.casecoding.gateway.auth.TokenService;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

import java.util.Optional;

/**
 * Filter 2 of the proxy: the bearer token, verified against the gateway's keys ({@link TokenService#caller}: RS256,
 * known kid, issuer, audience, expiry, access token; from memory when seen before), then admitted
 * ({@link TokenAdmission}: not revoked, a guest token only from its network, a privileged token also checked against
 * the account store). A token that fails is a 401 on every route; no token is a 401 where the route requires one (code-service), else the request goes on anonymously. The
 * token itself is forwarded: services verify it again.
 */
final class AuthenticationFilter implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class);

    private final TokenService tokens;
    private final TokenAdmission admission;
    private final boolean required;
    private final Vertx vertx;
    private final ObjectMapper json;

    AuthenticationFilter(TokenService tokens, TokenAdmission admission, boolean required, Vertx vertx,
                         ObjectMapper json) {
        this.tokens = tokens;
        this.admission = admission;
        this.required = required;
        this.vertx = vertx;
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
            Caller verified = caller.get();
            String refusal = admission.refusal(verified, () -> ProxyCall.client(context));
            if (refusal != null) {
                return unauthorized(context, refusal);
            }
            ProxyCall.caller(context, verified);
            if (admission.needsStoredCheck(verified)) {
                // a privileged token is checked against the account store too (a demoted admin stops at once)
                return vertx.executeBlocking(() -> Optional.ofNullable(admission.storedRefusal(verified)), false)
                        .transform(checked -> {
                            if (checked.failed()) {
                                LOG.errorf(checked.cause(), "Account store unavailable to check a privileged token");
                                return ProxyCall.refuse(context, json, ProblemType.UPSTREAM_UNAVAILABLE, 503,
                                        "Your token cannot be checked right now. Please retry in a moment.", null);
                            }
                            return checked.result().isPresent() ? unauthorized(context, checked.result().get())
                                    : context.sendRequest();
                        });
            }
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
