package com.casecoding.codes.page;

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
        Release release,
        @Schema(description = "active, or deleted (not in the newest loaded release / terminated)",
                example = "active") String status,
        @Schema(description = "When deleted: the release that no longer has the code (or the termination date)")
        Deletion deleted,
        @Schema(description = "True = valid for billing; false = a header (category) that must not be billed")
        boolean billable,
        @Schema(description = "CPT/HCPCS: whether it is an add-on code, when the add-on edits are loaded; "
                + "absent when unknown") Boolean addOn,
        @Schema(description = "guest or registered: what the caller's plan unlocks", example = "guest")
        String access,
        List<Section> sections) {

    public record Release(String version, LocalDate effectiveDate, boolean current) {
    }

    public record Deletion(String version, LocalDate effectiveDate) {
    }

    /** One section; a guest gets {@code locked: true}, no content, and {@code unlock} saying what opens it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Section(String key, String title, @Schema(example = "guest") String access, boolean locked,
                          @Schema(example = "Register a free account to view this section") String unlock,
                          Object content) {
    }
}
