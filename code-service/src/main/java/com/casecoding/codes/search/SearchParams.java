package com.casecoding.codes.search;

import com.casecoding.common.codes.CodeSystem;
import com.casecoding.common.problem.ProblemException;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns raw query parameters into a {@link SearchQuery}, answering 400 (problem+json, naming the parameter) for
 * anything out of bounds. Parameters arrive as strings so that "limit=abc" is a 400, not a routing 404.
 */
final class SearchParams {

    private SearchParams() {
    }

    static String text(String q) {
        if (q == null || q.isBlank()) {
            throw ProblemException.invalidField("q", "is required: type a code (E11.9) or words (heart attack)");
        }
        if (q.length() > SearchQuery.MAX_TEXT) {
            throw ProblemException.invalidField("q", "must be at most " + SearchQuery.MAX_TEXT + " characters");
        }
        return q;
    }

    static Set<String> systems(String system) {
        Set<String> out = new LinkedHashSet<>();
        if (system == null || system.isBlank() || system.equalsIgnoreCase("all")) {
            return out;
        }
        for (String part : system.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            CodeSystem cs = CodeSystem.fromId(part).orElseThrow(() -> ProblemException.invalidField("system",
                    "must be one or more of icd10cm, icd10pcs, hcpcs, cpt, icd9cm, icd9pcs, modifier (comma-separated)"));
            out.add(cs.id());
        }
        return out;
    }


    /** null = active and deleted (deleted last), true = only deleted, false = only active. */
    static Boolean deleted(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> null;
            case "active" -> Boolean.FALSE;
            case "deleted" -> Boolean.TRUE;
            default -> throw ProblemException.invalidField("status", "must be active, deleted or all");
        };
    }

    /**
     * Reference flags, comma-separated, any of which a code must carry: {@code hcc} (maps to an HCC in some CMS-HCC
     * model), {@code hcc-v24} / {@code hcc-v28} (in that model), {@code cc}, {@code mcc}, {@code hac}.
     */
    static Set<String> flags(String flag) {
        Set<String> out = new LinkedHashSet<>();
        if (flag == null || flag.isBlank()) {
            return out;
        }
        for (String part : flag.split(",")) {
            String f = part.strip().toLowerCase(Locale.ROOT);
            if (f.isEmpty()) {
                continue;
            }
            boolean model = f.startsWith("hcc-v") && f.length() > 5 && f.length() <= 8
                    && f.substring(5).chars().allMatch(c -> c >= '0' && c <= '9');
            if (!model && !f.equals("hcc") && !f.equals("cc") && !f.equals("mcc") && !f.equals("hac")) {
                throw ProblemException.invalidField("flag", "must be one or more of hcc, hcc-v24, hcc-v28 (any CMS-HCC "
                        + "model version), cc, mcc, hac (comma-separated)");
            }
            out.add(f);
        }
        return out;
    }

    static String version(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        if (version.length() > 32) {
            throw ProblemException.invalidField("version", "must be at most 32 characters");
        }
        return version.strip();
    }

}
