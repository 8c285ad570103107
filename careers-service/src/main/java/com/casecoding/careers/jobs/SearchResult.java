package com.casecoding.careers.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of search results with disjunctive facet counts: each facet counts over the postings that pass every
 * filter except its own.
 */
@Schema(name = "JobSearchResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(long total, int page, int size, String sort, List<Hit> results,
                           @Schema(description = "Per facet (workplace, employmentType, state, credential, specialty, "
                                   + "minSalary): value -> number of postings matching the keywords and every filter "
                                   + "except this facet's own (disjunctive), largest first; minSalary keys are yearly "
                                   + "thresholds counting postings paying at least that much. Absent with facets=false.",
                                   nullable = true)
                           Map<String, Map<String, Long>> facets) {

    @Schema(name = "JobHit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(long id, String title, JobView.Employer employer, JobRequest.Location location,
                      String workplace, List<String> remoteStates, String employmentType,
                      List<String> credentialsRequired, List<String> credentialsPreferred, List<String> specialties,
                      int experienceYears, @Schema(nullable = true) JobRequest.Salary salary, String applyMethod,
                      Instant publishedAt, Instant validThrough) {
    }
}
