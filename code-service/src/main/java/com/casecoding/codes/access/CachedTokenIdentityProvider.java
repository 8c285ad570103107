package com.casecoding.codes.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Turns the bearer token of a request into the caller's identity through {@link VerifiedTokens}: a token verified
 * before is answered at once on the event loop, a new one is verified in full (signature, issuer, audience, expiry) on a
 * worker thread, as smallrye-jwt's own provider does (its JWKS may have to be fetched). It runs before that provider
 * (higher priority) and always decides, so a token is never verified twice. The identity is the one smallrye-jwt
 * builds: the token as principal (what {@code @Inject JsonWebToken} reads), its {@code groups} as roles.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    VerifiedTokens tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Above smallrye-jwt's provider, which keeps the default priority ({@code 1001}): providers are asked highest first,
     * and the first to answer decides.
     */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        Optional<JsonWebToken> known = tokens.remembered(token);
        if (known.isPresent()) {
            return Uni.createFrom().item(identity(known.get(), request));
        }
        return context.runBlocking(() -> {
            try {
                return identity(tokens.verify(token), request);
            } catch (ParseException e) {
                throw new AuthenticationFailedException(e);
            }
        });
    }

    private static SecurityIdentity identity(JsonWebToken jwt, TokenAuthenticationRequest request) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredential(request.getToken())
                .addRoles(jwt.getGroups())
                .build();
    }
}
