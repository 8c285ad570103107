package com.casecoding.gateway.auth;

import com.casecoding.common.security.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/** Who is calling, as read from a verified access token (or anonymous). */
public record Caller(String subject, String plan, int viewQuota, Set<String> roles) {

    public static final Caller ANONYMOUS = new Caller(null, "anonymous", 0, Set.of());

    public static Caller of(JsonWebToken jwt) {
        Object plan = jwt.getClaim(Claims.PLAN);
        Object quota = jwt.getClaim(Claims.VIEW_QUOTA);
        int limit = quota instanceof Number n ? n.intValue()
                : quota instanceof jakarta.json.JsonNumber j ? j.intValue() : 0;
        return new Caller(jwt.getSubject(), plan == null ? "guest" : plan(plan.toString().replace("\"", "")), limit,
                jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups()));
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
}
