package com.casecoding.careers.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A posting as answered to clients. {@code hidden} and {@code hiddenReason} are only filled for the owner and admins.
 */
@Schema(name = "Job")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(
        long id,
        String title,
        String description,
        Employer employer,
        JobRequest.Location location,
        String workplace,
        List<String> remoteStates,
        String employmentType,
        List<String> credentialsRequired,
        List<String> credentialsPreferred,
        List<String> specialties,
        int experienceYears,
        @Schema(nullable = true) JobRequest.Salary salary,
        JobRequest.Apply apply,
        Instant validThrough,
        String status,
        @Schema(nullable = true) Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(nullable = true) Boolean hidden,
        @Schema(nullable = true) String hiddenReason) {

    /** Public face of the hiring organization: never its account id or e-mail. */
    @Schema(name = "JobEmployer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Employer(String name, @Schema(nullable = true) String website,
                           @Schema(nullable = true) String logoUrl, boolean verified) {
    }

    public static JobView of(JobPosting p, Employer employer, boolean privileged) {
        return new JobView(p.id, p.title, p.description, employer,
                new JobRequest.Location(p.city, p.state, p.country), p.workplace, list(p.remoteStates),
                p.employmentType, list(p.credentialsRequired), list(p.credentialsPreferred), list(p.specialties),
                p.experienceYears, salary(p), apply(p), p.validThrough, p.status, p.publishedAt, p.createdAt,
                p.updatedAt, privileged ? p.hidden : null, privileged ? p.hiddenReason : null);
    }

    static JobRequest.Salary salary(JobPosting p) {
        if (p.salaryMin == null || p.salaryMax == null) {
            return null;
        }
        return new JobRequest.Salary(p.salaryMin, p.salaryMax, p.salaryCurrency, SalaryPeriod.of(p.salaryPeriod));
    }

    static JobRequest.Apply apply(JobPosting p) {
        return new JobRequest.Apply(ApplyMethod.of(p.applyMethod), p.applyUrl);
    }

    static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
