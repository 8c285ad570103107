package com.casecoding.careers.jobs;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a salary figure is per. */
public enum SalaryPeriod {
    HOUR, YEAR;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return wire();
    }

    public static SalaryPeriod of(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
