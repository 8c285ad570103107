package com.casecoding.careers.jobs;

import com.fasterxml.jackson.annotation.JsonValue;

/** How coders apply: on this board, or at the employer's own URL. */
public enum ApplyMethod {
    BOARD, EXTERNAL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return wire();
    }

    public static ApplyMethod of(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
