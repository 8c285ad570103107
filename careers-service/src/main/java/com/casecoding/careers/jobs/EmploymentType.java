package com.casecoding.careers.jobs;

import com.fasterxml.jackson.annotation.JsonValue;

/** Kind of employment, with its schema.org {@code employmentType} value. */
public enum EmploymentType {
    FULL_TIME("full_time", "FULL_TIME"),
    PART_TIME("part_time", "PART_TIME"),
    CONTRACT("contract", "CONTRACTOR"),
    TEMPORARY("temporary", "TEMPORARY"),
    INTERNSHIP("internship", "INTERN"),
    PER_DIEM("per_diem", "PER_DIEM");

    private final String wire;
    private final String schemaOrg;

    EmploymentType(String wire, String schemaOrg) {
        this.wire = wire;
        this.schemaOrg = schemaOrg;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public String schemaOrg() {
        return schemaOrg;
    }

    @Override
    public String toString() {
        return wire;
    }

    public static EmploymentType of(String wire) {
        for (EmploymentType t : values()) {
            if (t.wire.equals(wire)) {
                return t;
            }
        }
        throw new IllegalArgumentException(wire);
    }
}
