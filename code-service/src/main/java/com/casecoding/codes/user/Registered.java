package com.casecoding.codes.user;

import com.casecoding.common.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/** Who counts as a registered user here: a verified token with a subject and a role other than guest. */
public final class Registered {

    /** The roles of registered accounts; {@code guest} tokens are anonymous visitors. */
    public static final Set<String> ROLES = Set.of("coder", "employer", "consultant", "admin");

    private Registered() {
    }

    public static boolean is(JsonWebToken jwt) {
        if (jwt == null || jwt.getSubject() == null || jwt.getSubject().isBlank() || jwt.getGroups() == null) {
            return false;
        }
        return jwt.getGroups().stream().anyMatch(ROLES::contains);
    }

    /** The subject of a registered caller; endpoints are {@code @RolesAllowed} already, this guards the subject. */
    public static String subject(JsonWebToken jwt) {
        if (!is(jwt)) {
            throw ProblemException.forbidden("Favorites, notes and search history need a registered account.");
        }
        String sub = jwt.getSubject();
        if (sub.length() > 64) {
            throw ProblemException.forbidden("The token's subject is not an account id.");
        }
        return sub;
    }
}
