package com.casecoding.codes.assistant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * What an answer rests on. {@code kind}: {@code code}, {@code ptp}, {@code mue}, {@code add-on}, {@code rvu},
 * {@code gpci}, {@code gem}, {@code change}, {@code search}, {@code guideline}. Data citations carry the release
 * (dataset, version, effective date); guideline citations carry the note id in {@code ref}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Citation(String kind, @Schema(nullable = true) String title, @Schema(nullable = true) String system,
                       @Schema(nullable = true) String code, @Schema(nullable = true) String dataset,
                       @Schema(nullable = true) String version, @Schema(nullable = true) LocalDate effectiveDate,
                       @Schema(nullable = true) String ref) {
}
