package com.casecoding.codes.release;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** The code sets served, with the id used in URLs ({@code /api/codes/{system}/...}). */
public enum CodeSystem {
    ICD10CM("icd10cm", "ICD-10-CM", "Diagnoses (CDC/CMS), 3-7 characters shown with a dot after the third: E11.9"),
    ICD10PCS("icd10pcs", "ICD-10-PCS", "Inpatient procedures (CMS), exactly 7 characters: 0DTJ4ZZ"),
    HCPCS("hcpcs", "HCPCS Level II", "Supplies, drugs and services (CMS), a letter and 4 digits: J1885"),
    CPT("cpt", "CPT (HCPCS Level I)", "Procedures (AMA), 5 characters: 99213; official text needs an AMA licence"),
    ICD9CM("icd9cm", "ICD-9-CM diagnoses", "Legacy diagnoses (v32, frozen 2014): 250.00"),
    ICD9PCS("icd9pcs", "ICD-9-CM procedures", "Legacy volume 3 procedures (v32, frozen 2014): 81.54"),
    MODIFIER("modifier", "HCPCS Level II modifiers", "Two-character modifiers (CMS): RT, LT, GA");

    private final String id;
    private final String label;
    private final String description;

    CodeSystem(String id, String label, String description) {
        this.id = id;
        this.label = label;
        this.description = description;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public static Optional<CodeSystem> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(java.util.Locale.ROOT).replace("-", "");
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
