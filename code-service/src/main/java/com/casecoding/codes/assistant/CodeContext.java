package com.casecoding.codes.assistant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The code page the user is on ({@code system} is a code system id such as {@code icd10cm} or {@code cpt}). */
public record CodeContext(
        @NotBlank @Size(max = 16) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be a code system id such as icd10cm or cpt") String system,
        @NotBlank @Size(max = 10) @Pattern(regexp = "[A-Za-z0-9.]+", message = "must be a code such as E11.9") String code) {
}
