package com.casecoding.careers.jobs;

import com.casecoding.careers.config.CareersConfig;
import com.casecoding.careers.employers.EmployerProfile;
import com.casecoding.careers.security.Caller;
import com.casecoding.careers.web.Params;
import com.casecoding.careers.web.QueryPage;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.Paging;
import com.casecoding.common.list.QueryValues;
import com.casecoding.common.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Path("/api/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs", description = "CareerCenter: search and read job postings")
@PermitAll
public class JobResource {

    public static final String LD_JSON = "application/ld+json";

    @Inject
    JobSearch search;
    @Inject
    MarkdownRenderer markdown;
    @Inject
    Caller caller;
    @Inject
    CareersConfig config;
    @Inject
    ScriptSafeJson scriptSafe;
    @Context
    UriInfo uri;

    @Schema(name = "JobDetail")
    public record JobDetail(JobView job,
                            @Schema(description = "The description rendered to safe HTML") String descriptionHtml,
                            @Schema(description = "schema.org JobPosting JSON-LD (the data)") Map<String, Object> jsonLd,
                            @Schema(description = "The same JSON-LD serialized for an HTML page: put it as it is "
                                    + "inside an HTML script element of type application/ld+json (<, >, & and ' "
                                    + "are \\u escapes, so no posting text can end the script element)")
                            String jsonLdScript) {
    }

    @GET
    @Operation(summary = "Search published job postings",
            description = "Keyword search over title, employer and description, with filters, sorting, paging "
                    + "and facet counts. The answer is a list page like every list: items, total (every match), limit "
                    + "(1 to 50, default 20), offset (from 0) and next, the path and query of the next page (null on "
                    + "the last one). A search reaches at most 1000 results deep: offset + limit past 1000 is a 400 "
                    + "naming offset, so narrow the search instead. Items and total obey every filter; the facets "
                    + "are disjunctive: each facet (workplace, employmentType, state, credential, specialty, "
                    + "minSalary) counts its values with every other filter and the keywords applied but "
                    + "not its own filter, so choosing workplace=remote still shows how many hybrid and onsite jobs "
                    + "the other filters leave.")
    @APIResponse(responseCode = "200", description = "A page of postings",
            content = @Content(schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    public SearchResult search(
            @Parameter(description = "Keywords (web-search syntax)") @QueryParam("q") String q,
            @Parameter(description = "Credential, repeatable or comma-separated (CPC, CRC, CCS, ...)") @QueryParam("credential") List<String> credential,
            @Parameter(description = "Specialty slug, repeatable (em, surgery, risk-adjustment-hcc, ...)") @QueryParam("specialty") List<String> specialty,
            @Parameter(description = "remote, hybrid, onsite; repeatable") @QueryParam("workplace") List<String> workplace,
            @Parameter(description = "Two-letter state: jobs there or remote jobs open to it") @QueryParam("state") String state,
            @Parameter(description = "City (exact, any case)") @QueryParam("city") String city,
            @Parameter(description = "full_time, part_time, contract, temporary, internship, per_diem; repeatable") @QueryParam("employmentType") List<String> employmentType,
            @Parameter(description = "Lowest acceptable yearly pay (hourly x 2080)",
                    schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("minSalary") String minSalary,
            @Parameter(description = "Years of experience you have") @QueryParam("experience") String experience,
            @Parameter(description = "Posted on or after this date (YYYY-MM-DD)") @QueryParam("postedSince") String postedSince,
            @Parameter(description = "newest, salary or relevance (default: relevance with q, else newest)") @QueryParam("sort") String sort,
            @Parameter(description = "Include facet counts (default true)", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("facets") String facets,
            @BeanParam PageQuery page) {
        SearchCriteria criteria = criteria(q, credential, specialty, workplace, state, city, employmentType, minSalary,
                experience, postedSince);
        Paging paging = page.paging(QueryPage.DEFAULT_LIMIT, config.maxPageSize(), config.maxResultWindow());
        JobSearch.Sort order = Params.one("sort", sort, s -> JobSearch.Sort.valueOf(s.toUpperCase(Locale.ROOT)),
                new Object[]{"newest", "salary", "relevance"});
        Boolean withFacets = QueryValues.bool("facets", facets);
        return search.search(criteria, order, paging, withFacets == null || withFacets, null, uri.getRequestUri());
    }

    /** Builds and checks the criteria from raw query parameters (shared with saved searches' validation). */
    static SearchCriteria criteria(String q, List<String> credential, List<String> specialty, List<String> workplace,
                                   String state, String city, List<String> employmentType, String minSalary,
                                   String experience, String postedSince) {
        if (q != null && q.length() > 200) {
            throw ProblemException.invalidField("q", "must be at most 200 characters");
        }
        if (city != null && city.length() > 100) {
            throw ProblemException.invalidField("city", "must be at most 100 characters");
        }
        List<String> credentials = Params.list(credential).stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        List<String> specialties = Params.list(specialty).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (credentials.size() > 16 || specialties.size() > 20) {
            throw ProblemException.badRequest("Too many credential or specialty values in one search.");
        }
        return new SearchCriteria(q == null || q.isBlank() ? null : q.trim(), credentials, specialties,
                Params.enums("workplace", workplace, Workplace::of, Workplace.values()),
                state == null || state.isBlank() ? null : state.trim().toUpperCase(Locale.ROOT),
                city == null || city.isBlank() ? null : city.trim(),
                Params.enums("employmentType", employmentType, EmploymentType::of, EmploymentType.values()),
                optionalInteger("minSalary", minSalary, 0, 10_000_000),
                optionalInteger("experience", experience, 0, 50),
                Params.date("postedSince", postedSince)).checked();
    }

    /** A whole number from {@code min} to {@code max}, or null when the parameter is absent or blank. */
    private static Integer optionalInteger(String name, String value, int min, int max) {
        return value == null || value.isBlank() ? null : QueryValues.integer(name, value, min, min, max);
    }

    @GET
    @Path("/{id: \\d+}")
    @Operation(summary = "Read one job posting",
            description = "The posting, its description as safe HTML, and its schema.org JobPosting JSON-LD. "
                    + "Drafts, closed, expired and hidden postings are visible only to their employer and admins.")
    @APIResponse(responseCode = "200", description = "The posting",
            content = @Content(schema = @Schema(implementation = JobDetail.class)))
    @APIResponse(responseCode = "404", description = "No such posting visible to the caller")
    public JobDetail get(@PathParam("id") long id) {
        JobView view = visible(id);
        String html = markdown.toHtml(view.description());
        Map<String, Object> ld = JobPostingJsonLd.of(view, html);
        return new JobDetail(view, html, ld, scriptSafe.write(ld));
    }

    @GET
    @Path("/{id: \\d+}/jsonld")
    @Produces(LD_JSON)
    @Operation(summary = "The posting's schema.org JobPosting JSON-LD alone",
            description = "Served as application/ld+json, ready to embed as it is in an HTML script element of "
                    + "type application/ld+json: <, >, & and ' inside strings are written as \\u escapes.")
    @APIResponse(responseCode = "200", description = "JSON-LD",
            content = @Content(mediaType = LD_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such posting visible to the caller")
    public String jsonLd(@PathParam("id") long id) {
        JobView view = visible(id);
        return scriptSafe.write(JobPostingJsonLd.of(view, markdown.toHtml(view.description())));
    }

    @GET
    @Path("/vocabulary")
    @Operation(summary = "The values the filters and postings accept",
            description = "Credentials, specialties, workplaces, employment types and states, with labels.")
    @APIResponse(responseCode = "200", description = "Vocabularies")
    public Map<String, Object> vocabulary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("credentials", Vocabulary.CREDENTIALS);
        out.put("specialties", Vocabulary.SPECIALTIES);
        out.put("workplaces", List.of(Workplace.values()));
        out.put("employmentTypes", List.of(EmploymentType.values()));
        out.put("states", Vocabulary.US_STATES.stream().sorted().toList());
        out.put("sorts", List.of("newest", "salary", "relevance"));
        return out;
    }

    private JobView visible(long id) {
        JobPosting p = JobPosting.findById(id);
        if (p == null) {
            throw ProblemException.notFound("No job posting " + id + ".");
        }
        boolean privileged = caller.isAuthenticated() && (caller.isAdmin() || p.employerId.equals(caller.id()));
        if (!p.isPublic(Instant.now()) && !privileged) {
            throw ProblemException.notFound("No job posting " + id + ".");
        }
        EmployerProfile e = EmployerProfile.findById(p.employerId);
        return JobView.of(p, employer(e), privileged);
    }

    public static JobView.Employer employer(EmployerProfile e) {
        return new JobView.Employer(e.organizationName, e.website, e.logoUrl, e.verified);
    }
}
