package com.casecoding.codes.search;

/** One result: the code, its title, and the title with the matched words wrapped in {@code <mark>}. */
public record SearchHit(String system, String code, String normalizedCode, String title, boolean billable,
                        String status, String version, float score, String highlight) {
}
