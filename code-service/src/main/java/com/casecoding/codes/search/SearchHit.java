package com.casecoding.codes.search;

/**
 * One result: the code, its title, and the title with the matched words wrapped in {@code <mark>}.
 *
 * @param unit      the billing unit of a HCPCS drug or supply code ({@link SearchDocument#billingUnit()}), else null
 * @param plainText our own plain-language text of the code, when it has one (CPT numbers have no official title)
 */
public record SearchHit(String system, String code, String normalizedCode, String title, boolean billable,
                        String status, String version, float score, String highlight, String unit,
                        String plainText) {

    public SearchHit(String system, String code, String normalizedCode, String title, boolean billable,
                     String status, String version, float score, String highlight) {
        this(system, code, normalizedCode, title, billable, status, version, score, highlight, null, null);
    }
}
