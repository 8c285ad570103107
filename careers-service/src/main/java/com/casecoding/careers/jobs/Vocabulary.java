package com.casecoding.careers.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The closed vocabularies of the board: credentials (AAPC and AHIMA), coding specialties and US states.
 * Postings, filters and saved searches accept only these values, so facet counts stay meaningful.
 */
public final class Vocabulary {

    /** Credential code to its issuer's name for it. */
    public static final Map<String, String> CREDENTIALS = ordered(
            "CPC", "Certified Professional Coder (AAPC)",
            "CPC-A", "Certified Professional Coder - Apprentice (AAPC)",
            "COC", "Certified Outpatient Coder (AAPC)",
            "CIC", "Certified Inpatient Coder (AAPC)",
            "CRC", "Certified Risk Adjustment Coder (AAPC)",
            "CPMA", "Certified Professional Medical Auditor (AAPC)",
            "CPB", "Certified Professional Biller (AAPC)",
            "CDEO", "Certified Documentation Expert Outpatient (AAPC)",
            "CPPM", "Certified Physician Practice Manager (AAPC)",
            "CCA", "Certified Coding Associate (AHIMA)",
            "CCS", "Certified Coding Specialist (AHIMA)",
            "CCS-P", "Certified Coding Specialist - Physician-based (AHIMA)",
            "RHIT", "Registered Health Information Technician (AHIMA)",
            "RHIA", "Registered Health Information Administrator (AHIMA)",
            "CDIP", "Certified Documentation Integrity Practitioner (AHIMA)",
            "CCDS", "Certified Clinical Documentation Specialist (ACDIS)");

    /** Specialty slug to its label. */
    public static final Map<String, String> SPECIALTIES = ordered(
            "em", "Evaluation and management (E/M)",
            "surgery", "Surgery",
            "radiology", "Radiology",
            "cardiology", "Cardiology",
            "orthopedics", "Orthopedics",
            "emergency", "Emergency department",
            "anesthesia", "Anesthesia",
            "inpatient-drg", "Inpatient (DRG)",
            "outpatient", "Outpatient",
            "risk-adjustment-hcc", "Risk adjustment (HCC)",
            "auditing", "Auditing",
            "cdi", "Clinical documentation integrity (CDI)",
            "oncology", "Oncology",
            "pathology", "Pathology and laboratory",
            "behavioral-health", "Behavioral health",
            "home-health", "Home health",
            "billing", "Billing and revenue cycle");

    public static final Set<String> US_STATES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
            "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
            "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI");

    private Vocabulary() {
    }

    public static boolean isCredential(String value) {
        return value != null && CREDENTIALS.containsKey(value);
    }

    public static boolean isSpecialty(String value) {
        return value != null && SPECIALTIES.containsKey(value);
    }

    public static boolean isState(String value) {
        return value != null && US_STATES.contains(value);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
