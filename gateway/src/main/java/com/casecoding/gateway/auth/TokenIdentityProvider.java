package com.casecoding.gateway.auth;

import com.casecoding.gateway.web.ClientAddress;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Verifies the gateway's access tokens against its own key ring (no network call) for the gateway's own endpoints,
 * and applies {@link TokenAdmission} as the proxy does: guest network, revocations, and for an admin token the stored
 * account (on a worker thread).
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    TokenService tokens;
    @Inject
    TokenAdmission admission;
    @Inject
    ClientAddress clients;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        Optional<JsonWebToken> verified = tokens.verify(request.getToken().getToken());
        if (verified.isEmpty()) {
            return refused("invalid token");
        }
        JsonWebToken jwt = verified.get();
        Caller caller;
        try {
            caller = Caller.of(jwt);
        } catch (IllegalArgumentException e) {
            return refused("invalid token");
        }
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null) {
            return refused("no request to check the token against");
        }
        String refusal = admission.refusal(caller, () -> clients.of(rc.request()));
        if (refusal != null) {
            return refused(refusal);
        }
        SecurityIdentity identity = QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRoles(jwt.getGroups()).build();
        if (!admission.needsStoredCheck(caller)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            String stored;
            try {
                stored = admission.storedRefusal(caller);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("the account store cannot be read", e);
            }
            if (stored != null) {
                throw new AuthenticationFailedException(stored);
            }
            return identity;
        });
    }

    private static Uni<SecurityIdentity> refused(String why) {
        return Uni.createFrom().failure(new AuthenticationFailedException(why));
    }
}
