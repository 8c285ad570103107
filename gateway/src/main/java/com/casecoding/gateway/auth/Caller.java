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
        return new Caller(jwt.getSubject(), plan == null ? "guest" : plan.toString().replace("\"", ""), limit,
                jwt.getGroups() == null ? Set.of() : jwt.getGroups());
    }

    public boolean anonymous() {
        return subject == null;
    }
}
