package com.casecoding.gateway.proxy;

import com.casecoding.gateway.config.GatewayConfig;

/** What a user reads when a plan's code page views are used up: what happened and what registering or upgrading gives. */
final class QuotaMessages {

    private QuotaMessages() {
    }

    static String refused(String plan, GatewayConfig config) {
        int guest = config.quota().views().getOrDefault("guest", 0);
        int free = config.quota().views().getOrDefault("free", 0);
        return switch (plan) {
            case "guest" -> "Guest accounts are limited to " + views(guest) + ". Register a free account to get "
                    + Math.max(0, free - guest) + " more views.";
            case "free" -> "Free accounts are limited to " + views(free)
                    + " a month. Upgrade to Pro for unlimited code page views.";
            default -> "Your plan's code page views for this month are used up.";
        };
    }

    /**
     * The sentence a code page shows above itself: the views left, then what the plan allows and what more it can get
     * ("0 code page views remaining. Guest accounts are limited to 1 page view. Register a free account to get 5 more
     * views."). {@code remaining} -1: unlimited.
     */
    static String meter(String plan, int remaining, GatewayConfig config) {
        if (remaining < 0) {
            return "Unlimited code page views on your plan.";
        }
        return remaining + (remaining == 1 ? " code page view" : " code page views") + " remaining. "
                + refused(plan, config);
    }

    private static String views(int n) {
        return n + (n == 1 ? " page view" : " page views");
    }
}
