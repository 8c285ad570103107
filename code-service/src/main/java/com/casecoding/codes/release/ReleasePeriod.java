package com.casecoding.codes.release;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The days a release applies, both ends inclusive; {@code to} is null when the release has no end date.
 */
public record ReleasePeriod(LocalDate from, LocalDate to) {

    public ReleasePeriod {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("a release period ends before it begins: " + from + " to " + to);
        }
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    /** {@code 2024-10-01 to 2025-09-30}, or {@code from 2024-10-01} without an end. */
    @Override
    public String toString() {
        return to == null ? "from " + from : from + " to " + to;
    }
}
