package com.casecoding.codes.access;

import com.casecoding.common.codes.CodePagePath;
import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.common.security.Claims;
import com.casecoding.common.security.ViewGrants;
import com.casecoding.common.web.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Clock;
import java.util.Optional;

/**
 * Code page views are counted by the gateway. So that nobody skips the count by calling code-service directly with a
 * valid access token, a code page ({@link CodePagePath}: {@code GET} or {@code HEAD} of
 * {@code /api/codes/{system}/{code}} or {@code /api/edits/{system}/{code}}, the same page's payment and edit sections;
 * decided exactly as the gateway decides what it counts) also needs the gateway's view grant ({@link ViewGrants}: an
 * HMAC-SHA256 JWS under a key only the gateway and code-service hold) for the same account as the access token and for
 * this code, not expired.
 * <p>
 * The keys: {@link ViewGrantVerifier}. The access token is checked through {@link VerifiedTokens} (from memory when
 * seen before).
 */
public class ViewGrantFilter {

    /**
     * Set by this filter on a code page request whose grant states the caller's view meter: that meter as JSON, which
     * the page resource adds to the page ({@code views}). Removed from every request first, so only this filter sets it.
     */
    public static final String METER_HEADER = "X-CaseCoding-View-Meter";

    @Inject
    ViewGrantVerifier grants;

    @Inject
    ObjectMapper json;

    @Inject
    VerifiedTokens tokens;

    Clock clock = Clock.systemUTC();

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext context, HttpServerRequest request) {
        context.getHeaders().remove(METER_HEADER);
        if (!grants.required()) {
            return Optional.empty();
        }
        CodePagePath.Match page = CodePagePath.match(context.getMethod(), request.path());
        if (page.isInvalid()) {
            return Optional.of(Problem.of(page.status() == 404 ? ProblemType.NOT_FOUND : ProblemType.VALIDATION,
                    page.status(), page.invalid(), request.path(), RequestIds.of(request)).toResponse());
        }
        if (!page.isPage()) {
            return Optional.empty();
        }
        String grant = context.getHeaderString(Claims.VIEW_GRANT_HEADER);
        String authorization = context.getHeaderString("Authorization");
        if (grant == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(request, "Code pages are served through the gateway, which counts your views: "
                    + "call GET /api/codes/{system}/{code} on the gateway.");
        }
        Optional<ViewGrants.Grant> proof = grants.verify(grant, clock.millis() / 1000);
        if (proof.isEmpty()) {
            return refuse(request, "The view grant is invalid or expired; request the page again through the gateway.");
        }
        JsonWebToken access;
        try {
            access = tokens.verify(authorization.substring(7).trim());
        } catch (ParseException | RuntimeException e) {
            return refuse(request, "The access token is invalid or expired; sign in again and request the page "
                    + "through the gateway.");
        }
        if (!proof.get().covers(access.getSubject(), page.key().key())) {
            return refuse(request, "The view grant does not match this account and code.");
        }
        if (proof.get().meter() != null) {
            try {
                context.getHeaders().putSingle(METER_HEADER,
                        json.writeValueAsString(ViewMeter.of(proof.get().meter())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A view meter could not be written as JSON", e);
            }
        }
        return Optional.empty();
    }

    private static Optional<Response> refuse(HttpServerRequest request, String detail) {
        return Optional.of(Problem.of(ProblemType.FORBIDDEN, 403, detail, request.path(), RequestIds.of(request))
                .toResponse());
    }
}
