package com.casecoding.codes.reference;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * The loaded release a reference fact comes from.
 *
 * @param dataset       {@code code_release.dataset} ({@code cms-hcc-v28}, {@code msdrg}, {@code pos} ...)
 * @param version       the publisher's name for it ({@code PY2024-T1N}, {@code v40}, {@code FY2025})
 * @param effectiveDate first day it applies (null when the file states none)
 * @param label         in words ({@code CMS-HCC V28, payment year 2024})
 * @param sourceFile    the file it was imported from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefRelease(String dataset, String version, @Schema(nullable = true) LocalDate effectiveDate,
                         @Schema(nullable = true) String label, @Schema(nullable = true) String sourceFile) {
}
