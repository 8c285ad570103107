package com.casecoding.careers.jobs;

import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle of a posting: draft -> published -> closed | expired; closed and expired can be reposted. */
public enum PostingStatus {
    DRAFT, PUBLISHED, CLOSED, EXPIRED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return wire();
    }

    public static PostingStatus of(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
