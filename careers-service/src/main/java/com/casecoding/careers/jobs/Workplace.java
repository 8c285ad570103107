package com.casecoding.careers.jobs;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the work is done. */
public enum Workplace {
    REMOTE("remote"), HYBRID("hybrid"), ONSITE("onsite");

    private final String wire;

    Workplace(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }

    public static Workplace of(String wire) {
        for (Workplace w : values()) {
            if (w.wire.equals(wire)) {
                return w;
            }
        }
        throw new IllegalArgumentException(wire);
    }
}
