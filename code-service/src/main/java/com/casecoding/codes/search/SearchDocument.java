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
 * @param plainText  our own plain-language text of the code ({@link PlainTextLookup}), or null; indexed with a lower
 *                   weight than the official title
 */
public record SearchDocument(String system, String code, String title, boolean billable,
                             boolean deleted, String version, Set<String> flags, String plainText) {

    public SearchDocument {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
        // a handful of distinct systems and versions over 200,000 documents: one shared instance each
        system = system.trim().toLowerCase(java.util.Locale.ROOT).intern();
        code = storedForm(code);
        title = title == null ? "" : title.strip();
        version = version == null ? "" : version.strip().intern();
        flags = flags == null || flags.isEmpty() ? Set.of() : flags;
        plainText = plainText == null || plainText.isBlank() ? null : plainText.strip();
    }

    public SearchDocument(String system, String code, String title, boolean billable, boolean deleted,
                          String version, Set<String> flags) {
        this(system, code, title, billable, deleted, version, flags, null);
    }

    public SearchDocument(String system, String code, String title, boolean billable, boolean deleted,
                          String version) {
        this(system, code, title, billable, deleted, version, Set.of());
    }

    /** The same document with these reference flags. */
    public SearchDocument withFlags(Set<String> flags) {
        return new SearchDocument(system, code, title, billable, deleted, version, flags, plainText);
    }

    /** The same document with this plain-language text. */
    public SearchDocument withPlainText(String text) {
        return new SearchDocument(system, code, title, billable, deleted, version, flags, text);
    }

    /**
     * The billing unit a HCPCS drug or supply code is counted in, as its official long description ends
     * ("Injection, ketorolac tromethamine, per 15 mg" gives "per 15 mg"; "..., 1 mg" gives "1 mg"); null for other
     * codes and for descriptions that name no quantity.
     */
    public String billingUnit() {
        if (!system.equals("hcpcs") || title.isEmpty()) {
            return null;
        }
        String[] parts = title.split(",\\s+");
        for (int i = parts.length - 1; i >= 1; i--) {
            java.util.regex.Matcher m = UNIT.matcher(parts[i]);
            if (m.find()) {
                return m.group(1).strip();
            }
        }
        return null;
    }

    /** A quantity and unit ("per 15 mg", "up to 1000 mcg", "1 unit", "per square centimeter"), up to a parenthesis. */
    private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile(
            "(?i)^((?:per |up to |each |less than or equal to |greater than )?(?:\\d[\\d,./]*\\s*)?(?:mg|mcg|micrograms?|"
                    + "milligrams?|gm?|grams?|ml|cc|units?|usp units|kiu|iu|international units?|meq|mmol|millicuries?|"
                    + "mci|microcuries?|uci|vials?|doses?|square centimeters?|sq cm|cm|tablets?|capsules?|kg|each|pair)"
                    + "\\b[^(]*)");

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
