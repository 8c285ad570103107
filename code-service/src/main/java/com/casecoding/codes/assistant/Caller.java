package com.casecoding.codes.assistant;

import java.util.Set;

/** Who asks: the token subject, the plan claim and the roles. Guests have the role {@code guest}. */
public record Caller(String subject, String plan, Set<String> roles) {

    /** The plan that decides the daily limit: guest for the guest role whatever the claim says, else the claim. */
    public String effectivePlan() {
        if (roles.contains("guest")) {
            return "guest";
        }
        return plan == null || plan.isBlank() ? "free" : plan;
    }
}
