package com.casecoding.codes.assistant.understand;

/** The kinds of questions CasePilot answers; the question set is grouped by these. */
public enum Intent {
    CODE_INFO("code", "What a code means"),
    BILLABLE("billable", "Whether a code is billable"),
    SEARCH("search", "Finding the code for a condition or service"),
    PTP("ptp", "Billing two codes together (NCCI PTP)"),
    MUE("mue", "Units per day (MUE)"),
    ADD_ON("add-on", "Add-on codes and their primaries"),
    GLOBAL("global", "Global surgical period"),
    FEE("fee", "RVUs and Medicare fee"),
    CROSSWALK("crosswalk", "ICD-9 / ICD-10 mappings (GEMs)"),
    CHANGES("changes", "What changed in a release"),
    VALID_ON("valid-on", "Whether a code is (or was) valid on a date, still valid or terminated"),
    GUIDELINE("guideline", "Coding guidelines"),
    MODIFIER("modifier", "What a modifier means and when it is used"),
    RISK("hcc-drg", "HCC, CC/MCC and MS-DRG"),
    UNITS("units", "Units to bill for a dose (HCPCS billing unit)"),
    UNKNOWN("unknown", "Not understood");

    private final String id;
    private final String label;

    Intent(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }
}
