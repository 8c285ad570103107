package com.casecoding.careers.jobs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an employer may send to create or edit a posting. Owner, status, verification and dates set by the system are
 * deliberately absent: unknown fields are refused, so they cannot be mass-assigned.
 */
@Schema(name = "JobRequest")
public record JobRequest(
        @Schema(example = "Remote Risk Adjustment Coder (CRC)") @NotBlank @Size(max = 200) String title,
        @Schema(description = "Markdown; raw HTML is shown as text") @NotBlank @Size(max = 20000) String description,
        @NotNull @Valid Location location,
        @NotNull Workplace workplace,
        @Schema(description = "Two-letter states a remote job accepts applicants from; empty means anywhere")
        @Size(max = 60) List<@NotBlank String> remoteStates,
        @NotNull EmploymentType employmentType,
        @Schema(example = "[\"CRC\"]") @Size(max = 10) List<@NotBlank String> credentialsRequired,
        @Schema(example = "[\"CPC\", \"CCS\"]") @Size(max = 10) List<@NotBlank String> credentialsPreferred,
        @Schema(example = "[\"risk-adjustment-hcc\"]") @Size(max = 10) List<@NotBlank String> specialties,
        @Min(0) @Max(50) Integer experienceYears,
        @Valid Salary salary,
        @NotNull @Valid Apply apply,
        @Schema(description = "Last day the posting is open (default: 30 days from publishing)") LocalDate validThrough) {

    @Schema(name = "JobLocation")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Location(
            @Schema(example = "Nashville", nullable = true) @Size(max = 100) String city,
            @Schema(example = "TN", nullable = true)
            @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter upper-case state code") String state,
            @Schema(example = "US")
            @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter ISO country code") String country) {
    }

    @Schema(name = "Salary")
    public record Salary(
            @NotNull @DecimalMin(value = "0.01") @Schema(example = "24.00") BigDecimal min,
            @NotNull @DecimalMin(value = "0.01") @Schema(example = "31.50") BigDecimal max,
            @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO currency code") @Schema(example = "USD") String currency,
            @NotNull SalaryPeriod period) {
    }

    @Schema(name = "Apply")
    public record Apply(
            @NotNull ApplyMethod method,
            @Schema(description = "Required when method is external: an http(s) URL", nullable = true)
            @Size(max = 1000) String url) {
    }
}
