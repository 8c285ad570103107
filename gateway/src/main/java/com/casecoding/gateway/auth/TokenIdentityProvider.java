package com.casecoding.gateway.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Verifies the gateway's access tokens against its own key ring (no network call). */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    TokenService tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return tokens.verify(request.getToken().getToken())
                .<Uni<SecurityIdentity>>map(jwt -> Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(jwt)
                        .addRoles(jwt.getGroups())
                        .build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("invalid token")));
    }
}
