package com.casecoding.codes.claims;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * One problem (or note) found on a claim.
 *
 * @param severity {@code error} (the claim will be denied or a line not paid), {@code warning} (likely a problem,
 *                 check it) or {@code info}
 * @param rule     stable rule id, e.g. {@code ncci-ptp}, {@code mue}, {@code add-on}, {@code code-deleted}
 * @param lines    1-based claim line numbers involved (empty for claim-level findings)
 * @param fix      what would fix it, when something can
 * @param source   the table and release the finding comes from
 * @param indicator the file field and value the rule read ({@code "PC/TC indicator 4"}, {@code "MPFS status I"}),
 *                  when the finding comes from one
 */
public record Finding(String severity, String rule, List<Integer> lines, String message,
                      @Schema(nullable = true) String fix, @Schema(nullable = true) Source source,
                      @Schema(nullable = true) String indicator) {

    public Finding(String severity, String rule, List<Integer> lines, String message, String fix, Source source) {
        this(severity, rule, lines, message, fix, source, null);
    }

    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    public static final String INFO = "info";

    /** @param editEffective / editDeleted the dates of the edit row itself, when it has them */
    public record Source(String table, @Schema(nullable = true) String release,
                         @Schema(nullable = true) LocalDate releaseEffective,
                         @Schema(nullable = true) LocalDate editEffective,
                         @Schema(nullable = true) LocalDate editDeleted) {
    }
}
