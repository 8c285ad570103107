package com.casecoding.gateway.auth;

import com.casecoding.common.security.Claims;
import com.casecoding.gateway.web.Cidr;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * Who is calling, as read from a verified access token (or anonymous). {@code session} is the sign-in the token belongs
 * to ({@code sid}, null in tokens without one), {@code version} the account's token version when it was issued
 * ({@code ver}, see {@link Revocations}), {@code network} the address range a guest token is bound to ({@code net},
 * null for registered accounts).
 */
public record Caller(String subject, String plan, int viewQuota, Set<String> roles, String session, int version,
                     Cidr network) {

    public static final Caller ANONYMOUS = new Caller(null, "anonymous", 0, Set.of());

    public Caller(String subject, String plan, int viewQuota, Set<String> roles) {
        this(subject, plan, viewQuota, roles, null, 0, null);
    }

    /**
     * @throws IllegalArgumentException when the token's {@code net} claim is no address range (such a token is not
     *                                  ours and is refused)
     */
    public static Caller of(JsonWebToken jwt) {
        Object plan = jwt.getClaim(Claims.PLAN);
        Object network = jwt.getClaim(TokenService.NETWORK_CLAIM);
        Object session = jwt.getClaim(TokenService.SESSION_CLAIM);
        return new Caller(jwt.getSubject(), plan == null ? "guest" : plan(unquoted(plan)),
                number(jwt.getClaim(Claims.VIEW_QUOTA)),
                jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups()),
                session == null ? null : unquoted(session), number(jwt.getClaim(TokenService.VERSION_CLAIM)),
                network == null ? null : Cidr.parse(unquoted(network)));
    }

    private static int number(Object claim) {
        return claim instanceof Number n ? n.intValue()
                : claim instanceof jakarta.json.JsonNumber j ? j.intValue() : 0;
    }

    private static String unquoted(Object claim) {
        return claim.toString().replace("\"", "");
    }

    /** The plan names are few: share one string per plan (callers are cached, see {@link ExpiringCache}). */
    private static String plan(String plan) {
        return switch (plan) {
            case "guest" -> "guest";
            case "free" -> "free";
            case "pro" -> "pro";
            default -> plan;
        };
    }

    public boolean anonymous() {
        return subject == null;
    }

    /** Holds the admin role: its token is checked against the stored account on every use ({@link Revocations}). */
    public boolean privileged() {
        return roles.contains("admin");
    }
}
