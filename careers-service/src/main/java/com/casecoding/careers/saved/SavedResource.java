package com.casecoding.careers.saved;

import com.casecoding.careers.config.CareersConfig;
import com.casecoding.careers.employers.EmployerProfile;
import com.casecoding.careers.jobs.JobPosting;
import com.casecoding.careers.jobs.JobResource;
import com.casecoding.careers.jobs.JobView;
import com.casecoding.careers.security.Caller;
import com.casecoding.careers.web.QueryPage;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Path("/api/careers/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coder", description = "CareerCenter for coders: applications, saved jobs, saved searches")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Caller.CODER)
public class SavedResource {

    @Inject
    SavedService service;
    @Inject
    Caller caller;
    @Inject
    CareersConfig config;
    @Context
    UriInfo uri;

    @Schema(name = "SavedJob")
    public record SavedJobView(long postingId, Instant savedAt,
                               @Schema(description = "Whether the posting still takes applications") boolean open,
                               @Schema(nullable = true) JobView job) {
    }

    @PUT
    @Path("/saved-jobs/{postingId: \\d+}")
    @Operation(summary = "Save a job (idempotent)",
            description = "Coder role only. Saving a job that is already saved changes nothing. An account keeps at "
                    + "most 500 saved jobs (409 beyond). 404 when the posting does not exist or is not open: a "
                    + "draft, closed, expired or hidden posting cannot be saved.")
    @APIResponse(responseCode = "204", description = "Saved")
    @APIResponse(responseCode = "404", description = "No open posting")
    public void saveJob(@PathParam("postingId") long postingId) {
        service.saveJob(caller.id(), postingId);
    }

    @DELETE
    @Path("/saved-jobs/{postingId: \\d+}")
    @Operation(summary = "Forget a saved job (idempotent)",
            description = "Coder role only. Removes the posting from the caller's saved jobs; answers 204 as well "
                    + "when it was not saved or the posting no longer exists.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void unsaveJob(@PathParam("postingId") long postingId) {
        service.unsaveJob(caller.id(), postingId);
    }

    @GET
    @Path("/saved-jobs")
    @Operation(summary = "Your saved jobs, most recently saved first",
            description = "Coder role only. Postings that were closed, expired or hidden since are listed as not "
                    + "open, without details. A list page: items, total (all your saved jobs), limit (1 to 50, "
                    + "default 20), offset (from 0) and next, the path and query of the next page (null on the last "
                    + "one). 400 for a malformed limit or offset.")
    @APIResponse(responseCode = "200", description = "A page of your saved jobs")
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    public ListPage<SavedJobView> savedJobs(@BeanParam PageQuery page) {
        Paging paging = page.paging(QueryPage.DEFAULT_LIMIT, config.maxPageSize());
        return service.savedJobs(caller.id(), paging).toListPage(SavedResource::views, paging, uri);
    }

    private static List<SavedJobView> views(List<SavedJob> saved) {
        List<Long> ids = saved.stream().map(s -> s.key.postingId).toList();
        Map<Long, JobPosting> postings = ids.isEmpty() ? Map.of() : JobPosting.<JobPosting>list("id in ?1", ids)
                .stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<String, EmployerProfile> employers = postings.isEmpty() ? Map.of()
                : EmployerProfile.<EmployerProfile>list("accountId in ?1",
                        postings.values().stream().map(p -> p.employerId).distinct().toList())
                .stream().collect(Collectors.toMap(e -> e.accountId, Function.identity()));
        Instant now = Instant.now();
        return saved.stream().map(s -> {
            JobPosting p = postings.get(s.key.postingId);
            boolean open = p != null && p.isPublic(now);
            return new SavedJobView(s.key.postingId, s.savedAt, open,
                    open ? JobView.of(p, JobResource.employer(employers.get(p.employerId)), false) : null);
        }).toList();
    }

    @POST
    @Path("/saved-searches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a search", description = "With digest on, new matches are e-mailed daily to the "
            + "address of your account.")
    @APIResponse(responseCode = "201", description = "Saved",
            content = @Content(schema = @Schema(implementation = SavedSearchView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "Too many saved searches")
    public Response saveSearch(@Valid @NotNull SavedSearchRequest request) {
        SavedSearch s = service.saveSearch(caller.id(), caller.email(), request);
        return Response.created(URI.create("/api/careers/me/saved-searches/" + s.id)).entity(service.view(s)).build();
    }

    @GET
    @Path("/saved-searches")
    @Operation(summary = "Your saved searches, newest first",
            description = "Coder role only. Each with its criteria, the digest flag, whether the account has an "
                    + "e-mail address the digest can go to, and when it was last notified. A list page like every "
                    + "list: items, total (all your saved searches; an account keeps at most 20), limit (1 to 50, "
                    + "default 20), offset (from 0) and next, the path and query of the next page (null on the last "
                    + "one). 400 for a malformed limit or offset.")
    @APIResponse(responseCode = "200", description = "A page of your saved searches")
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    public ListPage<SavedSearchView> savedSearches(@BeanParam PageQuery page) {
        Paging paging = page.paging(QueryPage.DEFAULT_LIMIT, config.maxPageSize());
        return service.savedSearches(caller.id(), paging)
                .toListPage(searches -> searches.stream().map(service::view).toList(), paging, uri);
    }

    @DELETE
    @Path("/saved-searches/{id: \\d+}")
    @Operation(summary = "Delete one of your saved searches",
            description = "Coder role only. The search and its digest e-mails stop for good. 404 when the id is "
                    + "unknown or belongs to another account.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Not one of your saved searches")
    public void deleteSearch(@PathParam("id") long id) {
        service.deleteSearch(caller.id(), id);
    }
}
