package com.casecoding.common.security;

/** The plans of the {@link Claims#PLAN} claim: they decide quotas (code page views, questions, rates). */
public final class Plans {

    public static final String GUEST = "guest";
    public static final String FREE = "free";
    public static final String PRO = "pro";

    private Plans() {
    }
}
