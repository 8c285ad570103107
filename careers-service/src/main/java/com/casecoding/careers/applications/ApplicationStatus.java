package com.casecoding.careers.applications;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where an application stands. Employers move it forward (submitted -> reviewing -> interview -> offer -> hired,
 * steps may be skipped) or reject it; the coder may withdraw it. hired, rejected and withdrawn are final.
 */
public enum ApplicationStatus {
    SUBMITTED(0), REVIEWING(1), INTERVIEW(2), OFFER(3), HIRED(4), REJECTED(-1), WITHDRAWN(-1);

    private final int step;

    ApplicationStatus(int step) {
        this.step = step;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wire();
    }

    public static ApplicationStatus of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == HIRED || this == REJECTED || this == WITHDRAWN;
    }

    /** Whether an employer may move an application from this status to {@code next}. */
    public boolean employerMayMoveTo(ApplicationStatus next) {
        if (isFinal() || next == SUBMITTED || next == WITHDRAWN) {
            return false;
        }
        return next == REJECTED || next.step > step;
    }
}
