package com.casecoding.testing;

import com.casecoding.common.security.Claims;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.Set;
import java.util.UUID;

/** Mints access tokens signed with the throwaway {@link TestKeys}, shaped like the gateway's. */
public final class TestTokens {

    public static final String ISSUER = "https://test.casecoding.local/auth";

    private TestTokens() {
    }

    public static String coder(String subject) {
        return token(subject, "free", 6, "coder", Set.of("coder"));
    }

    public static String guest(String subject) {
        return token(subject, "guest", 1, "guest", Set.of("guest"));
    }

    public static String pro(String subject) {
        return token(subject, "pro", -1, "coder", Set.of("coder"));
    }

    public static String withRoles(String subject, String... roles) {
        return token(subject, "free", 6, "coder", Set.of(roles));
    }

    /**
     * The platform's one clock skew (CASECODING_JWT_CLOCK_SKEW's default, set as mp.jwt.verify.clock.skew in every
     * service and read by the gateway): a token is accepted at most this many seconds past its exp.
     */
    public static final int CLOCK_SKEW_SECONDS = 30;

    /** A coder's access token whose {@code exp} was {@code secondsAgo} seconds ago (issued ten minutes before). */
    public static String expiredCoder(String subject, long secondsAgo) {
        long now = System.currentTimeMillis() / 1000;
        return claims(subject, "free", 6, "coder", Set.of("coder")).issuedAt(now - secondsAgo - 600)
                .expiresAt(now - secondsAgo).jws().keyId(TestKeys.KID).sign(TestKeys.get().privateKey());
    }

    public static String token(String subject, String plan, int viewQuota, String accountType, Set<String> roles) {
        return claims(subject, plan, viewQuota, accountType, roles).jws().keyId(TestKeys.KID)
                .sign(TestKeys.get().privateKey());
    }

    /**
     * A gateway view grant (HMAC under the test grant key) for {@code subject} and code key {@code system/CODE} (e.g.
     * {@code icd10cm/E119}), valid for 60 s from now.
     */
    public static String viewGrant(String subject, String codeKey) {
        return TestKeys.get().viewGrants().sign(subject, codeKey, System.currentTimeMillis() / 1000, 60);
    }

    public static JwtClaimsBuilder claims(String subject, String plan, int viewQuota, String accountType,
                                          Set<String> roles) {
        return Jwt.issuer(ISSUER)
                .audience(Claims.AUDIENCE)
                .subject(subject)
                .groups(roles)
                .claim(Claims.PLAN, plan)
                .claim(Claims.VIEW_QUOTA, viewQuota)
                .claim(Claims.ACCOUNT_TYPE, accountType)
                .claim(Claims.EMAIL, subject + "@example.test")
                .claim(Claims.TOKEN_USE, "access")
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(600);
    }
}
