package com.casecoding.codes.edits;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The claim settings NCCI publishes separate edit tables for. */
public enum CareSetting {
    PRACTITIONER("practitioner", "Practitioner services", "practitioner services"),
    OUTPATIENT_HOSPITAL("outpatient-hospital", "Outpatient hospital services", "outpatient hospital services"),
    DME_SUPPLIER("dme-supplier", "DME supplier services", "dme supplier services");

    private final String id;
    private final String label;
    private final String mueHeaderPrefix;

    CareSetting(String id, String label, String mueHeaderPrefix) {
        this.id = id;
        this.label = label;
        this.mueHeaderPrefix = mueHeaderPrefix;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** How the MUE file of this setting starts its header line (the importer tells the files apart by it). */
    public String mueHeaderPrefix() {
        return mueHeaderPrefix;
    }

    @JsonCreator
    public static CareSetting fromJson(String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException(
                "setting must be practitioner, outpatient-hospital or dme-supplier"));
    }

    public static Optional<CareSetting> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
    }
}
