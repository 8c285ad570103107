package com.casecoding.careers.jobs;

import com.casecoding.careers.web.Violations;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The filters of a job search, shared by {@code GET /api/jobs} and saved searches. Every list means "any of".
 */
@Schema(name = "SearchCriteria")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SearchCriteria(
        @Schema(description = "Keywords over title, employer and description (web-search syntax: quotes, -word, or)",
                nullable = true)
        @Size(max = 200) String q,
        @Schema(nullable = true) @Size(max = 16) List<String> credential,
        @Schema(nullable = true) @Size(max = 20) List<String> specialty,
        @Schema(nullable = true) @Size(max = 3) List<Workplace> workplace,
        @Schema(description = "Jobs located in this state, or remote jobs open to it", nullable = true) String state,
        @Schema(nullable = true) @Size(max = 100) String city,
        @Schema(nullable = true) @Size(max = 6) List<EmploymentType> employmentType,
        @Schema(description = "Lowest acceptable pay, per year (hourly pay counts 2080 hours)", nullable = true)
        @Min(0) @Max(10_000_000) Integer minSalary,
        @Schema(description = "Years of experience the coder has: jobs asking for more are left out", nullable = true)
        @Min(0) @Max(50) Integer experience,
        @Schema(nullable = true) LocalDate postedSince) {

    public static final SearchCriteria EMPTY = new SearchCriteria(null, null, null, null, null, null, null, null, null, null);

    public List<String> credentials() {
        return credential == null ? List.of() : credential;
    }

    public List<String> specialties() {
        return specialty == null ? List.of() : specialty;
    }

    public List<Workplace> workplaces() {
        return workplace == null ? List.of() : workplace;
    }

    public List<EmploymentType> employmentTypes() {
        return employmentType == null ? List.of() : employmentType;
    }

    /** Keywords count only when they hold a letter or digit (a query of dashes or quotes alone is no query). */
    public boolean hasKeywords() {
        return q != null && q.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * The keywords as sent to PostgreSQL's web-search parser: a run of dashes is one "not", and a dash that negates no
     * word or quoted phrase is dropped, so no input nests operators deep enough to exhaust the parser ("tsquery stack too small").
     */
    public String webSearchKeywords() {
        String collapsed = q.replaceAll("-{2,}", "-");
        StringBuilder out = new StringBuilder(collapsed.length());
        for (int i = 0; i < collapsed.length(); i++) {
            char c = collapsed.charAt(i);
            if (c == '-' && (i + 1 >= collapsed.length() || !(Character.isLetterOrDigit(collapsed.charAt(i + 1))
                    || collapsed.charAt(i + 1) == '"'))) {
                out.append(' ');
                continue;
            }
            out.append(c);
        }
        return out.toString().strip();
    }

    /** A caller's value as echoed in a message: letters, digits, spaces and dashes only, at most 24 characters. */
    static String shown(String value) {
        String safe = value.replaceAll("[^A-Za-z0-9 /+-]", "");
        return safe.length() > 24 ? safe.substring(0, 24) + "..." : safe;
    }

    /** Vocabulary checks that Bean Validation cannot express; throws one 400 listing every bad value. */
    public SearchCriteria checked() {
        Violations v = new Violations();
        for (String c : credentials()) {
            if (!Vocabulary.isCredential(c)) {
                v.add("credential", "'" + shown(c) + "' is not a known credential; use one of "
                        + String.join(", ", Vocabulary.CREDENTIALS.keySet()));
            }
        }
        for (String s : specialties()) {
            if (!Vocabulary.isSpecialty(s)) {
                v.add("specialty", "'" + shown(s) + "' is not a known specialty; use one of "
                        + String.join(", ", Vocabulary.SPECIALTIES.keySet()));
            }
        }
        if (state != null && !Vocabulary.isState(state)) {
            v.add("state", "must be a US state code such as TX");
        }
        v.throwIfAny();
        return this;
    }
}
