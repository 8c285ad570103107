package com.casecoding.careers.applications;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.casecoding.careers.jobs.JobPosting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Wire shapes of applications: the coder's own view and the employer's view of an applicant. */
public final class ApplicationViews {

    private ApplicationViews() {
    }

    public static List<Mine> mine(List<JobApplication> applications) {
        Map<Long, JobPosting> postings = postings(applications);
        return applications.stream().map(a -> {
            JobPosting p = postings.get(a.postingId);
            return new Mine(a.id, a.postingId, p == null ? null : p.title, p == null ? null : p.employerName,
                    a.coverNote, a.resumeUrl, a.resumeText, a.status, a.createdAt, a.updatedAt);
        }).toList();
    }

    public static List<Applicant> applicants(List<JobApplication> applications) {
        Map<Long, JobPosting> postings = postings(applications);
        return applications.stream().map(a -> new Applicant(a.id, a.postingId,
                postings.containsKey(a.postingId) ? postings.get(a.postingId).title : null, a.applicantId,
                a.applicantEmail, a.coverNote, a.resumeUrl, a.resumeText, a.status, a.createdAt, a.updatedAt)).toList();
    }

    private static Map<Long, JobPosting> postings(List<JobApplication> applications) {
        List<Long> ids = applications.stream().map(a -> a.postingId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return JobPosting.<JobPosting>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
    }

    @Schema(name = "MyApplication")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mine(long id, long postingId, String postingTitle, String employerName,
                       @Schema(nullable = true) String coverNote, @Schema(nullable = true) String resumeUrl,
                       @Schema(nullable = true) String resumeText, String status, Instant createdAt,
                       Instant updatedAt) {
    }

    /** What an employer sees of someone who applied to one of its postings (they chose to share it by applying). */
    @Schema(name = "Applicant")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Applicant(long id, long postingId, String postingTitle, String applicantId,
                            @Schema(nullable = true) String applicantEmail, @Schema(nullable = true) String coverNote,
                            @Schema(nullable = true) String resumeUrl, @Schema(nullable = true) String resumeText,
                            String status, Instant createdAt, Instant updatedAt) {
    }

    @Schema(name = "ApplicationStatusChange")
    public record StatusChange(@NotNull @Schema(description = "reviewing, interview, offer, rejected or hired")
                               ApplicationStatus status) {
    }
}
