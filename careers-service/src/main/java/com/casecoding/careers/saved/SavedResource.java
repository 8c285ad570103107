package com.casecoding.careers.saved;

import com.casecoding.careers.employers.EmployerProfile;
import com.casecoding.careers.jobs.JobPosting;
import com.casecoding.careers.jobs.JobResource;
import com.casecoding.careers.jobs.JobView;
import com.casecoding.careers.security.Caller;
import com.casecoding.common.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
    @APIResponse(responseCode = "404", description = "No open posting",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
    @Operation(summary = "Your saved jobs, newest first",
            description = "Postings that were closed, expired or hidden since are listed as not open, without details.")
    @APIResponse(responseCode = "200", description = "Saved jobs")
    public List<SavedJobView> savedJobs() {
        List<SavedJob> saved = service.savedJobs(caller.id());
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
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Too many saved searches",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response saveSearch(@Valid @NotNull SavedSearchRequest request) {
        SavedSearch s = service.saveSearch(caller.id(), caller.email(), request);
        return Response.created(URI.create("/api/careers/me/saved-searches/" + s.id)).entity(service.view(s)).build();
    }

    @GET
    @Path("/saved-searches")
    @Operation(summary = "Your saved searches",
            description = "Coder role only. Newest first and not paged (an account keeps at most 20), each with "
                    + "its criteria, the digest flag, whether the account has an e-mail address the digest can go "
                    + "to, and when it was last notified.")
    @APIResponse(responseCode = "200", description = "Saved searches")
    public List<SavedSearchView> savedSearches() {
        return service.savedSearches(caller.id()).stream().map(service::view).toList();
    }

    @DELETE
    @Path("/saved-searches/{id: \\d+}")
    @Operation(summary = "Delete one of your saved searches",
            description = "Coder role only. The search and its digest e-mails stop for good. 404 when the id is "
                    + "unknown or belongs to another account.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Not one of your saved searches",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void deleteSearch(@PathParam("id") long id) {
        service.deleteSearch(caller.id(), id);
    }
}
