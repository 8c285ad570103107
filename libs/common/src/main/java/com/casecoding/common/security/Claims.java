package com.casecoding.common.security;

/**
 * Names of the claims the gateway puts into access tokens, read by the gateway and by every service.
 * Standard claims (iss, aud, sub, exp, iat, groups) keep their registered names.
 */
public final class Claims {

    /** Plan of the account: {@code guest}, {@code free} or {@code pro}. */
    public static final String PLAN = "plan";
    /** Code page views allowed per period; {@code -1} means unlimited. */
    public static final String VIEW_QUOTA = "view_quota";
    /** {@code coder} or {@code employer}; guests have {@code guest}. */
    public static final String ACCOUNT_TYPE = "account_type";
    /** The account's e-mail address (absent for guests); services use it to send notifications. */
    public static final String EMAIL = "email";
    /** Marks a token as an access token (refresh tokens are opaque and never JWTs). */
    public static final String TOKEN_USE = "token_use";

    /** The audience of access tokens: every service of the platform accepts it. */
    public static final String AUDIENCE = "casecoding-api";

    /** Header carrying the gateway's proof that a code page view was counted (a short-lived signed JWT). */
    public static final String VIEW_GRANT_HEADER = "X-View-Grant";
    /** Audience of view grants: only the code page endpoint accepts them. */
    public static final String VIEW_GRANT_AUDIENCE = "casecoding-code-page";

    private Claims() {
    }
}
