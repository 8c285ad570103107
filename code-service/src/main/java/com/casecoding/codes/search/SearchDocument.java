package com.casecoding.codes.search;

import java.util.Objects;

/**
 * One searchable code, independent of where it was loaded from (database tables, official files, fixtures).
 *
 * @param system     code system id as used in URLs ({@code icd10cm}, {@code icd10pcs}, {@code hcpcs}, {@code cpt},
 *                   {@code icd9cm}, {@code icd9pcs}, {@code modifier})
 * @param code       the code as published, with or without its dot; normalized on the way in
 * @param title      the full (long) title; for CPT our own plain-language text or an invented test descriptor
 * @param billable   true for a code valid on a claim, false for headers (categories, tables, sections)
 * @param deleted    true when the code is no longer in the current release
 * @param version    the release the row comes from ({@code FY2025}, {@code 2025-JAN})
 */
public record SearchDocument(String system, String code, String title, boolean billable,
                             boolean deleted, String version) {

    public SearchDocument {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
        // a handful of distinct systems and versions over 200,000 documents: one shared instance each
        system = system.trim().toLowerCase(java.util.Locale.ROOT).intern();
        code = CodeFormat.normalize(code);
        title = title == null ? "" : title.strip();
        version = version == null ? "" : version.strip().intern();
    }

    public String displayCode() {
        return CodeFormat.display(system, code);
    }

    public String status() {
        return deleted ? "deleted" : "active";
    }

}
