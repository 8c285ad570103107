package com.casecoding.codes.page;

import com.casecoding.codes.access.ViewMeter;
import com.casecoding.codes.release.Currency;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The code page as served: facts about the code, then its sections (locked stubs for guests). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CodePage")
public record CodePage(
        @Schema(example = "E11.9") String code,
        @Schema(example = "icd10cm") String system,
        @Schema(example = "ICD-10-CM") String systemLabel,
        @Schema(description = "The release whose row this page shows") Release release,
        @Schema(description = "The date the status refers to: today, or ?date=", example = "2026-04-15")
        LocalDate asOf,
        @Schema(description = "On asOf: active, deleted (deleted or terminated before it), not-yet-effective, or "
                + "unverified (no loaded release covers asOf, or the one that does is a partial list without the "
                + "code: see statusNote and currency)", example = "active") String status,
        @Schema(nullable = true, description = "Why the status is what it is, in one sentence") String statusNote,
        @Schema(nullable = true, description = "When deleted: since when, by which release or official field")
        Deletion deleted,
        @Schema(description = "True = valid for billing on asOf: active and not a header")
        boolean billable,
        @Schema(description = "True = a header (category, table): never billable") boolean header,
        @Schema(nullable = true, description = "CPT/HCPCS: whether it is an add-on code, when the add-on edits are "
                + "loaded; absent when unknown") Boolean addOn,
        @Schema(nullable = true, description = "CPT/HCPCS: the Medicare Physician Fee Schedule status code, explained")
        FeeSchedule feeSchedule,
        @Schema(nullable = true, description = "Present when no loaded release of the code set covers asOf (stale "
                + "data) or the one in effect is a partial list") Currency currency,
        @Schema(description = "guest or registered: what the caller's plan unlocks", example = "guest")
        String access,
        List<Section> sections,
        @Schema(nullable = true, description = "The caller's code page views after this page (the same object as on "
                + "the 403 when they are used up); present when the page is served through the gateway")
        ViewMeter views) {

    /**
     * @param current the release shown is the one in effect on {@code asOf}; false when it ended (or begins) before
     *                (after) that date, whatever is loaded
     * @param partial the release lists only part of its code set (CPT numbers named by one quarter's NCCI files)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Release(String version, @Schema(nullable = true) LocalDate effectiveDate,
                          @Schema(nullable = true) LocalDate validFrom, @Schema(nullable = true) LocalDate validTo,
                          boolean current, @Schema(nullable = true) Boolean partial) {
    }

    /**
     * @param version       the release that no longer lists the code (absent when an official date says it)
     * @param effectiveDate the first day the code is not valid
     * @param lastValid     the last day it was valid
     * @param basis         the field or release that says so
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deletion(@Schema(nullable = true) String version, @Schema(nullable = true) LocalDate effectiveDate,
                           @Schema(nullable = true) LocalDate lastValid, @Schema(nullable = true) String basis) {
    }

    /** The MPFS status code of a CPT/HCPCS code, with its meaning and the RVU release read. */
    public record FeeSchedule(String status, String meaning, String release) {
    }

    /** One section; a guest gets {@code locked: true}, no content, and {@code unlock} saying what opens it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Section(String key, String title, @Schema(example = "guest") String access, boolean locked,
                          @Schema(nullable = true, example = "Register a free account to view this section")
                          String unlock,
                          @Schema(nullable = true) Object content) {
    }

    CodePage forGuest(List<Section> guestSections) {
        return new CodePage(code, system, systemLabel, release, asOf, status, statusNote, deleted, billable, header,
                addOn, feeSchedule, currency, "guest", guestSections, null);
    }
}
