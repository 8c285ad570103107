package com.casecoding.codes.user;

import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;


/** The subject of a registered caller ({@link Roles#registered}) for the per-user data of Case2Code. */
public final class Registered {

    private Registered() {
    }

    /** The subject of a registered caller; endpoints are {@code @RolesAllowed} already, this guards the subject. */
    public static String subject(JsonWebToken jwt) {
        if (!Roles.registered(jwt)) {
            throw ProblemException.forbidden("Favorites, notes and search history need a registered account.");
        }
        String sub = jwt.getSubject();
        if (sub.length() > 64) {
            throw ProblemException.forbidden("The token's subject is not an account id.");
        }
        return sub;
    }
}
