package com.casecoding.codes.access;

import com.casecoding.common.codes.CodePagePath;
import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.common.security.Claims;
import com.casecoding.common.web.RequestIds;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.Set;

/**
 * Code page views are counted by the gateway. So that nobody skips the count by calling code-service directly with a
 * valid access token, a code page ({@link CodePagePath}: {@code GET} or {@code HEAD} of
 * {@code /api/codes/{system}/{code}} or {@code /api/edits/{system}/{code}}, the same page's payment and edit sections;
 * decided exactly as the gateway decides what it counts) also needs the gateway's view grant: a short-lived RS256
 * JWT for the audience {@value Claims#VIEW_GRANT_AUDIENCE}, for the same subject as the access token and for this code.
 */
public class ViewGrantFilter {

    @ConfigProperty(name = "code-page.require-view-grant", defaultValue = "true")
    boolean required;

    @Inject
    JWTParser parser;

    @Inject
    JWTAuthContextInfo accessContext;

    private volatile JWTAuthContextInfo grantContext;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext context, HttpServerRequest request) {
        if (!required) {
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
        try {
            JsonWebToken access = parser.parse(authorization.substring(7).trim(), accessContext);
            JsonWebToken proof = parser.parse(grant, grantContext());
            String expected = page.key().key();
            Object code = proof.getClaim("code");
            String granted = code == null ? null : code.toString().replace("\"", "");
            if (!access.getSubject().equals(proof.getSubject()) || !expected.equals(granted)) {
                return refuse(request, "The view grant does not match this account and code.");
            }
            return Optional.empty();
        } catch (ParseException | RuntimeException e) {
            return refuse(request, "The view grant or access token is invalid or expired; request the page again "
                    + "through the gateway.");
        }
    }

    private JWTAuthContextInfo grantContext() {
        if (grantContext == null) {
            JWTAuthContextInfo copy = new JWTAuthContextInfo(accessContext);
            copy.setExpectedAudience(Set.of(Claims.VIEW_GRANT_AUDIENCE));
            grantContext = copy;
        }
        return grantContext;
    }

    private static Optional<Response> refuse(HttpServerRequest request, String detail) {
        return Optional.of(Problem.of(ProblemType.FORBIDDEN, 403, detail, request.path(), RequestIds.of(request))
                .toResponse());
    }
}
