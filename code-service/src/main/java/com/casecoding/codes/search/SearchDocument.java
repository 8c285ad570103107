package com.casecoding.codes.search;

import com.casecoding.common.codes.CodeSystem;

import java.util.Objects;
import java.util.Set;

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
 * @param flags      reference flags a search can filter by: {@code hcc} and {@code hcc-v24}/{@code hcc-v28} (maps to an
 *                   HCC in the newest table of a CMS-HCC model), {@code cc} / {@code mcc} (MS-DRG CC or MCC list),
 *                   {@code hac} (in a Hospital-Acquired Condition list); read from the view {@code codes.code_search_flag}
 */
public record SearchDocument(String system, String code, String title, boolean billable,
                             boolean deleted, String version, Set<String> flags) {

    public SearchDocument {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
        // a handful of distinct systems and versions over 200,000 documents: one shared instance each
        system = system.trim().toLowerCase(java.util.Locale.ROOT).intern();
        code = storedForm(code);
        title = title == null ? "" : title.strip();
        version = version == null ? "" : version.strip().intern();
        flags = flags == null || flags.isEmpty() ? Set.of() : flags;
    }

    public SearchDocument(String system, String code, String title, boolean billable, boolean deleted,
                          String version) {
        this(system, code, title, billable, deleted, version, Set.of());
    }

    /** The same document with these reference flags. */
    public SearchDocument withFlags(Set<String> flags) {
        return new SearchDocument(system, code, title, billable, deleted, version, flags);
    }

    public String displayCode() {
        return CodeSystem.fromId(system).map(s -> s.display(code)).orElse(code);
    }

    /** A code or code prefix as typed, in stored form ({@link CodeSystem#compact}); upper case as given otherwise. */
    static String storedForm(String typed) {
        String compact = CodeSystem.compact(typed);
        return compact != null ? compact : typed.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** The stored form of a query that is a code or the start of one (letters and digits with a digit), else null. */
    static String codeLike(String text) {
        String compact = CodeSystem.compact(text);
        if (compact == null) {
            return null;
        }
        for (int i = 0; i < compact.length(); i++) {
            if (Character.isDigit(compact.charAt(i))) {
                return compact;
            }
        }
        return null;
    }

    public String status() {
        return deleted ? "deleted" : "active";
    }

}
