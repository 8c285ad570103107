package com.casecoding.careers.security;

import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.security.Claims;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read only from the verified token: the account id ({@code sub}), its roles and e-mail.
 * Never from headers or request bodies.
 */
@RequestScoped
public class Caller {

    public static final String EMPLOYER = "employer";
    public static final String CODER = "coder";
    public static final String ADMIN = "admin";

    @Inject
    JsonWebToken jwt;

    public String id() {
        String sub = jwt == null ? null : jwt.getSubject();
        if (sub == null || sub.isBlank() || sub.length() > 64) {
            throw ProblemException.unauthorized("The token carries no usable subject.");
        }
        return sub;
    }

    public boolean isAdmin() {
        return jwt != null && jwt.getGroups() != null && jwt.getGroups().contains(ADMIN);
    }

    public boolean isAuthenticated() {
        return jwt != null && jwt.getSubject() != null;
    }

    /** The account's e-mail address if the token has one, else null. */
    public String email() {
        if (jwt == null) {
            return null;
        }
        Object value = jwt.getClaim(Claims.EMAIL);
        if (value == null) {
            return null;
        }
        String email = value.toString().replace("\"", "").trim();
        return email.isEmpty() || email.length() > 320 ? null : email;
    }
}
