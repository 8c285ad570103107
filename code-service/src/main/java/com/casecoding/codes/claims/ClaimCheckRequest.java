package com.casecoding.codes.claims;

import com.casecoding.codes.edits.CareSetting;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A claim to check: one date of service, one setting, the claim's diagnoses and its service lines. */
public record ClaimCheckRequest(
        @NotNull @Schema(description = "Date of service (ISO date)", example = "2026-04-15")
        LocalDate dateOfService,
        @NotNull @Schema(description = "practitioner, outpatient-hospital or dme-supplier", example = "practitioner")
        CareSetting setting,
        @Size(max = MAX_DIAGNOSES) @Schema(description = "ICD-10-CM codes, with or without the dot", example = "[\"E11.9\"]")
        List<@NotBlank @Pattern(regexp = CODE_CHARS, message = "must be a code (letters, digits and a dot, up to 10 characters)") String> diagnoses,
        @NotEmpty @Size(max = MAX_LINES)
        List<@NotNull @Valid Line> lines) {

    public static final int MAX_LINES = 999;
    public static final int MAX_DIAGNOSES = 12;
    static final String CODE_CHARS = "^[A-Za-z0-9.]{1,10}$";

    /** One service line. {@code diagnosisPointers} are 1-based positions in the claim's diagnoses. */
    public record Line(
            @NotBlank @Pattern(regexp = CODE_CHARS, message = "must be a code (letters, digits and a dot, up to 10 characters)")
            @Schema(example = "99213") String code,
            @NotNull @Min(1) @Max(9999) @Schema(example = "1") Integer units,
            @Size(max = 4) List<@NotBlank @Pattern(regexp = "^[A-Za-z0-9]{2}$", message = "must be 2 letters or digits") String> modifiers,
            @Size(max = 4) List<@NotNull @Min(1) @Max(MAX_DIAGNOSES) Integer> diagnosisPointers) {

        public List<String> modifiersOrEmpty() {
            return modifiers == null ? List.of() : modifiers;
        }

        public List<Integer> pointersOrEmpty() {
            return diagnosisPointers == null ? List.of() : diagnosisPointers;
        }
    }

    public List<String> diagnosesOrEmpty() {
        return diagnoses == null ? List.of() : diagnoses;
    }
}
