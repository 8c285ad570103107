package com.casecoding.careers.jobs;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/api/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs", description = "CareerCenter job postings")
public class JobResource {

    public record JobSummary(long id, String title, Instant publishedAt) {
    }

    public record JobPage(long total, List<JobSummary> results) {
    }

    @GET
    public JobPage list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(500) int page,
                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var query = JobPosting.find("status", Sort.descending("publishedAt"), "published");
        List<JobSummary> results = query.page(Page.of(page, size)).<JobPosting>list().stream()
                .map(j -> new JobSummary(j.id, j.title, j.publishedAt)).toList();
        return new JobPage(query.count(), results);
    }
}
