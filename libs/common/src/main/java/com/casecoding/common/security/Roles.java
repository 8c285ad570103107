package com.casecoding.common.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * The roles the gateway puts into a token's {@code groups}, and the one rule of who counts as a registered user: a
 * token with a subject and a role of a registered account. A guest token ({@link #GUEST}) is an anonymous visitor
 * with a session; the plan claim ({@link Plans}) decides quotas, never who is registered.
 */
public final class Roles {

    public static final String GUEST = "guest";
    public static final String CODER = "coder";
    public static final String EMPLOYER = "employer";
    public static final String CONSULTANT = "consultant";
    public static final String ADMIN = "admin";

    /** The roles of registered accounts. */
    public static final Set<String> REGISTERED = Set.of(CODER, EMPLOYER, CONSULTANT, ADMIN);

    private Roles() {
    }

    /** True for a verified token of a registered account (not a guest, not anonymous). */
    public static boolean registered(JsonWebToken token) {
        if (token == null || token.getSubject() == null || token.getSubject().isBlank() || token.getGroups() == null) {
            return false;
        }
        for (String group : token.getGroups()) {
            if (REGISTERED.contains(group)) {
                return true;
            }
        }
        return false;
    }
}
