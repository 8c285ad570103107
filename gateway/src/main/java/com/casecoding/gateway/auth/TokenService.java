package com.casecoding.gateway.auth;

import com.casecoding.common.security.Claims;
import com.casecoding.gateway.config.GatewayConfig;
import com.casecoding.gateway.keys.KeyRing;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and verifies the platform's RS256 access tokens. (View grants for code-service are HMACs under another key:
 * {@link com.casecoding.gateway.quota.ViewGrantIssuer}.)
 */
@Singleton
public class TokenService {

    private static final int MAX_TOKEN_LENGTH = 8192;
    /** The sign-in (refresh token family) an access token belongs to; see {@link Revocations}. */
    public static final String SESSION_CLAIM = "sid";
    /** The account's token version when the token was issued; see {@link Revocations}. */
    public static final String VERSION_CLAIM = "ver";
    /** The address range (CIDR) a guest token may be used from. */
    public static final String NETWORK_CLAIM = "net";

    private final KeyRing keys;
    private final GatewayConfig config;
    private final JWTParser accessParser;
    /**
     * Callers of access tokens that passed {@link #verify(String)}, by exact token string, each until its {@code exp}.
     * Built with {@link #accessParser}: the keys are read once at start, so a key rotation (a restart) empties it.
     */
    private final ExpiringCache<Caller> verified;

    public TokenService(KeyRing keys, GatewayConfig config) {
        this.keys = keys;
        this.config = config;
        this.accessParser = new DefaultJWTParser(contextFor(Claims.AUDIENCE));
        this.verified = new ExpiringCache<>(config.jwt().verifiedTokenCacheSize());
    }

    private JWTAuthContextInfo contextFor(String audience) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyContent(keys.jwks());
        info.setIssuedBy(config.jwt().issuer());
        info.setExpectedAudience(Set.of(audience));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        // the platform's one clock skew (mp.jwt.verify.clock.skew, CASECODING_JWT_CLOCK_SKEW), as in the services
        info.setClockSkew((int) config.jwt().clockSkew().toSeconds());
        info.setRequireNamedPrincipal(true);
        return info;
    }

    public record IssuedToken(String token, long expiresInSeconds) {
    }

    /**
     * What an access token says of its account (the accounts package builds it from its entity: tokens know nothing of
     * how accounts are stored).
     */
    public record Subject(UUID id, boolean guest, Set<String> roles, String plan, String accountType, int tokenVersion,
                          String email) {
    }

    /**
     * An access token for {@code account} in the sign-in {@code session}; a guest's is bound to {@code network}
     * (null for registered accounts).
     */
    public IssuedToken accessToken(Subject account, UUID session, String network) {
        Duration ttl = account.guest() ? config.jwt().guestAccessTtl() : config.jwt().accessTtl();
        KeyRing.SigningKey key = keys.active();
        var claims = Jwt.issuer(config.jwt().issuer())
                .audience(Claims.AUDIENCE)
                .subject(account.id().toString())
                .upn(account.id().toString())
                .groups(account.roles())
                .claim(Claims.PLAN, account.plan())
                .claim(Claims.VIEW_QUOTA, viewQuota(account.plan()))
                .claim(Claims.ACCOUNT_TYPE, account.accountType())
                .claim(Claims.TOKEN_USE, "access")
                .claim("jti", UUID.randomUUID().toString())
                .claim(SESSION_CLAIM, session.toString())
                .claim(VERSION_CLAIM, account.tokenVersion())
                .expiresIn(ttl);
        if (network != null) {
            claims.claim(NETWORK_CLAIM, network);
        }
        if (account.email() != null) {
            claims.claim(Claims.EMAIL, account.email());
        }
        return new IssuedToken(claims.jws().keyId(key.kid()).sign(key.privateKey()), ttl.toSeconds());
    }

    /** The view quota a plan carries in its tokens; -1 is unlimited. */
    public int viewQuota(String plan) {
        Integer limit = config.quota().views().get(plan);
        return limit == null ? 0 : limit;
    }

    /**
     * The caller of a valid access token, or empty: the same checks as {@link #verify(String)}, but a token that passed
     * them before and has not reached its {@code exp} is answered from memory (see {@link ExpiringCache}).
     */
    public Optional<Caller> caller(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        Caller cached = verified.get(token, now);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<JsonWebToken> jwt = verify(token);
        if (jwt.isEmpty()) {
            return Optional.empty();
        }
        Caller caller;
        try {
            caller = Caller.of(jwt.get());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        long exp = jwt.get().getExpirationTime();
        if (exp > 0) {
            verified.put(token, caller, exp * 1000L, now);
        }
        return Optional.of(caller);
    }

    /** Verifies an access token: signature (RS256, known kid), issuer, audience, expiry, and that it is an access token. */
    public Optional<JsonWebToken> verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = accessParser.parse(token);
            if (!"access".equals(jwt.getClaim(Claims.TOKEN_USE) == null ? null : jwt.getClaim(Claims.TOKEN_USE).toString()
                    .replace("\"", ""))) {
                return Optional.empty();
            }
            return Optional.of(jwt);
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Extracts the token from an {@code Authorization: Bearer ...} header value. */
    public static Optional<String> bearer(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.trim();
        if (value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(value.substring(7).trim());
        }
        return Optional.empty();
    }
}
