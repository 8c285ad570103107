package com.casecoding.codes.consult;

import com.casecoding.common.security.Claims;
import com.casecoding.common.security.Roles;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * Who calls, taken from the verified token only. {@code email} is null for guests; a registered user is one with an
 * e-mail claim and a registered role ({@link Roles}).
 */
public record Caller(String sub, String email, Set<String> roles) {

    public static final String CONSULTANT = Roles.CONSULTANT;

    public static Caller of(JsonWebToken jwt) {
        Object claim = jwt.getClaim(Claims.EMAIL);
        String email = claim instanceof JsonString js ? js.getString() : claim == null ? null : claim.toString();
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        return new Caller(jwt.getSubject(), email == null || email.isBlank() ? null : email.trim(), groups);
    }

    public boolean registered() {
        return email != null && roles.stream().anyMatch(Roles.REGISTERED::contains);
    }

    public boolean consultant() {
        return roles.contains(CONSULTANT);
    }
}
