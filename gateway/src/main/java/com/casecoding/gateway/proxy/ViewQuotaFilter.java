package com.casecoding.gateway.proxy;

import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.codes.CodePagePath;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.common.security.Claims;
import com.casecoding.common.security.ViewGrants;
import com.casecoding.gateway.auth.Caller;
import com.casecoding.gateway.config.GatewayConfig;
import com.casecoding.gateway.quota.ViewGrantIssuer;
import com.casecoding.gateway.quota.ViewQuotaService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.UUID;

/**
 * Filter 4 of the proxy: the code page view quota ({@link CodePagePath} decides what a code page is, exactly as
 * code-service does). Before routing, a view is reserved ({@link ViewQuotaService#reserve}); over the limit the answer is
 * 403 problem+json with the plan's message; an allowed view carries a fresh view grant to code-service
 * ({@link ViewGrantIssuer}). In the response step, a view this request counted is given back when code-service did not
 * answer 200 or 304 (unknown code, upstream failure), before the client sees the answer. Every code page answer says
 * {@code X-Views-Remaining}; the grant also carries the caller's meter, which code-service shows in the page as
 * {@code views}, and a refusal has the same object.
 */
final class ViewQuotaFilter implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ViewQuotaFilter.class);
    private static final String CODE_PAGE_URI = "/api/codes/{system}/{code}";
    private static final String EDITS_PAGE_URI = "/api/edits/{system}/{code}";
    private static final String VIEW = "casecoding.view";

    /** A decided view of one code page, kept for the response step. */
    private record View(UUID account, CodeKey page, ViewQuotaService.Decision decision) {
    }

    private final ViewQuotaService quota;
    private final ViewGrantIssuer grants;
    private final GatewayConfig config;
    private final Vertx vertx;
    private final ObjectMapper json;

    ViewQuotaFilter(ViewQuotaService quota, ViewGrantIssuer grants, GatewayConfig config, Vertx vertx,
                    ObjectMapper json) {
        this.quota = quota;
        this.grants = grants;
        this.config = config;
        this.vertx = vertx;
        this.json = json;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HttpServerRequest request = ProxyCall.request(context);
        CodePagePath.Match match = CodePagePath.match(request.method().name(), request.path());
        if (match.isInvalid()) {
            return ProxyCall.refuse(context, json, match.status() == 404 ? ProblemType.NOT_FOUND : ProblemType.VALIDATION,
                    match.status(), match.invalid(), null);
        }
        if (!match.isPage()) {
            return context.sendRequest();
        }
        ProxyCall.metricsUri(request.path().startsWith("/api/edits/") ? EDITS_PAGE_URI : CODE_PAGE_URI);
        Caller viewer = ProxyCall.caller(context);
        UUID account;
        try {
            account = UUID.fromString(viewer.subject());
        } catch (RuntimeException e) {
            return ProxyCall.refuse(context, json, ProblemType.UNAUTHORIZED, 401, "This token does not name an account.",
                    null).map(response -> response.putHeader("WWW-Authenticate", "Bearer"));
        }
        CodeKey page = match.key();
        if (viewer.viewQuota() < 0) {
            // unlimited plans: nothing to count, so no trip to the database (nor to a worker thread)
            return decided(context, new View(account, page, quota.unlimited()), viewer);
        }
        return vertx.executeBlocking(() -> quota.reserve(account, page.key(), viewer.viewQuota()), false)
                .transform(reserved -> {
                    if (reserved.failed()) {
                        LOG.errorf(reserved.cause(), "View quota store unavailable");
                        return ProxyCall.refuse(context, json, ProblemType.UPSTREAM_UNAVAILABLE, 503,
                                "Code page views cannot be counted right now. Please retry in a moment.", null);
                    }
                    return decided(context, new View(account, page, reserved.result()), viewer);
                });
    }

    private Future<ProxyResponse> decided(ProxyContext context, View view, Caller viewer) {
        ViewQuotaService.Decision decision = view.decision();
        if (!decision.allowed()) {
            return ProxyCall.refuse(context, json, ProblemType.QUOTA_EXCEEDED, 403,
                            QuotaMessages.refused(viewer.plan(), config), Map.of("plan", viewer.plan(),
                                    "limit", decision.limit(), "used", decision.used(), "period", decision.period(),
                                    "views", meter(viewer, decision)))
                    .map(response -> response.putHeader("X-Views-Remaining", "0"));
        }
        context.set(VIEW, view);
        context.request().putHeader(Claims.VIEW_GRANT_HEADER,
                grants.grant(viewer.subject(), view.page().key(), meter(viewer, decision)));
        return context.sendRequest();
    }

    /** The caller's meter after this decision: stated in the grant of a view, and the {@code views} of a refusal. */
    private ViewGrants.Meter meter(Caller viewer, ViewQuotaService.Decision decision) {
        return new ViewGrants.Meter(viewer.plan(), decision.limit(), decision.used(), decision.remaining(),
                QuotaMessages.meter(viewer.plan(), decision.remaining(), config));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        View view = context.get(VIEW, View.class);
        if (view == null) {
            return context.sendResponse();
        }
        ViewQuotaService.Decision decision = view.decision();
        ProxyResponse response = context.response();
        // 304: the page was served from the caller's own copy, which it revalidated: a view like a 200
        if (decision.outcome() != ViewQuotaService.Outcome.COUNTED || response.getStatusCode() == 200
                || response.getStatusCode() == 304) {
            response.putHeader("X-Views-Remaining", remaining(decision.remaining()));
            return context.sendResponse();
        }
        // not served: this request's reservation is given back, and the meter says so, before the answer goes out
        return vertx.<Void>executeBlocking(() -> {
            quota.release(view.account(), decision.period(), view.page().key(), decision.reservation());
            return null;
        }, false).transform(released -> {
            if (released.failed()) {
                LOG.errorf(released.cause(), "Could not give back a view of %s", view.page().key());
                response.putHeader("X-Views-Remaining", remaining(decision.remaining()));
            } else {
                response.putHeader("X-Views-Remaining", remaining(decision.remaining() + 1));
            }
            return context.sendResponse();
        });
    }

    private static String remaining(int remaining) {
        return remaining < 0 ? "unlimited" : Integer.toString(remaining);
    }
}
