package com.casecoding.careers.jobs;

import com.casecoding.common.list.ListPage;
import com.casecoding.common.list.Paging;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of search results in the list convention ({@code items}, {@code total}, {@code limit}, {@code offset},
 * {@code next}), with the sort applied and disjunctive facet counts: each facet counts over the postings that pass
 * every filter except its own.
 */
@Schema(name = "JobSearchResult", description = "One page of a job search: its items, how many postings match in "
        + "all, the limit and offset that chose this page, the next page's address (null on the last page), the sort "
        + "applied and the facet counts.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(List<Hit> items, long total, int limit, int offset,
                           @Schema(nullable = true, description = "Path and query of the next page, relative to the "
                                   + "API's origin; null on the last page and on the page where "
                                   + "the result window (1000 postings) ends")
                           @JsonInclude(JsonInclude.Include.ALWAYS) String next,
                           String sort,
                           @Schema(description = "Per facet (workplace, employmentType, state, credential, specialty, "
                                   + "minSalary): value -> number of postings matching the keywords and every filter "
                                   + "except this facet's own (disjunctive), largest first; minSalary keys are yearly "
                                   + "thresholds counting postings paying at least that much. Absent with facets=false.",
                                   nullable = true)
                           Map<String, Map<String, Long>> facets) {

    public SearchResult {
        items = List.copyOf(items);
    }

    /**
     * The page {@code paging} chose out of {@code total} matches, {@code positions} of them ({@code items} has fewer
     * only when a posting vanished while the page was read); {@code request} is the address it answers, from which
     * {@code next} is built (null for a search that is no HTTP answer, such as a digest: then no {@code next}).
     */
    static SearchResult of(List<Hit> items, int positions, long total, Paging paging, URI request, String sort,
                           Map<String, Map<String, Long>> facets) {
        String next = request == null ? null : ListPage.next(request, paging, positions, total);
        return new SearchResult(items, total, paging.limit(), paging.offset(), next, sort, facets);
    }

    @Schema(name = "JobHit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(long id, String title, JobView.Employer employer, JobRequest.Location location,
                      String workplace, List<String> remoteStates, String employmentType,
                      List<String> credentialsRequired, List<String> credentialsPreferred, List<String> specialties,
                      int experienceYears, @Schema(nullable = true) JobRequest.Salary salary, String applyMethod,
                      Instant publishedAt, Instant validThrough) {
    }
}
