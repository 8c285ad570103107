package com.casecoding.careers.jobs;

import com.casecoding.careers.config.CareersConfig;
import com.casecoding.careers.employers.EmployerProfile;
import com.casecoding.careers.security.Caller;
import com.casecoding.careers.web.Params;
import com.casecoding.careers.web.QueryPage;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.Paging;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;

@Path("/api/careers/employer/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Employer", description = "CareerCenter for employers: profile, postings, applicants")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Caller.EMPLOYER)
public class EmployerJobResource {

    @Inject
    JobService service;
    @Inject
    Caller caller;
    @Inject
    CareersConfig config;
    @Inject
    ObjectMapper json;
    @Context
    UriInfo uri;

    @Schema(name = "RepostRequest")
    public record RepostRequest(@Schema(description = "New last day (default: 30 days from now)") LocalDate validThrough) {
    }

    @GET
    @Operation(summary = "Your postings, every status, newest first",
            description = "Employer role only. Only the caller's own postings, drafts included, each with its "
                    + "hidden flag and the moderator's reason. status keeps one status. A list page: items, total "
                    + "(all your postings with that status), limit (1 to 50, default 20), offset (from 0) and next, "
                    + "the path and query of the next page (null on the last one). 400 for an unknown status or a "
                    + "malformed limit or offset.")
    @APIResponse(responseCode = "200", description = "A page of your postings")
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    public ListPage<JobView> list(@Parameter(description = "draft, published, closed or expired") @QueryParam("status") String status,
                                  @BeanParam PageQuery page) {
        Paging paging = page.paging(QueryPage.DEFAULT_LIMIT, config.maxPageSize());
        PostingStatus s = Params.one("status", status, PostingStatus::of, PostingStatus.values());
        EmployerProfile profile = EmployerProfile.findById(caller.id());
        return service.listOwned(caller.id(), s, paging).toListPage(postings -> postings.stream()
                .map(p -> JobView.of(p, JobResource.employer(profile), true)).toList(), paging, uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a posting (as a draft)",
            description = "With an Idempotency-Key header, repeating the same request returns the posting created "
                    + "the first time instead of a second one; the same key with another body is a 409.")
    @APIResponse(responseCode = "201", description = "Created (or replayed: header Idempotent-Replayed: true)",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "No employer profile yet, or Idempotency-Key reused with another body")
    public Response create(@Parameter(description = "Client-chosen key making the create safe to retry")
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull JobRequest request) {
        JobService.Created created = service.create(caller.id(), request, idempotencyKey);
        JobView view = view(created.posting());
        Response.ResponseBuilder response = Response.created(URI.create("/api/careers/employer/jobs/" + view.id()))
                .entity(view);
        if (created.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("/{id: \\d+}")
    @Operation(summary = "One of your postings",
            description = "Employer role only. The posting in whatever status it is, with its hidden flag and the "
                    + "moderator's reason if an admin hid it. 404 when the id is unknown or belongs to another "
                    + "employer (the two cannot be told apart).")
    @APIResponse(responseCode = "200", description = "The posting",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "Not one of your postings")
    public JobView get(@PathParam("id") long id) {
        return view(service.owned(caller.id(), id));
    }

    @PUT
    @Path("/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a draft or published posting (the whole posting is replaced)",
            description = "Employer role only. The body is checked as on create (vocabularies, location, salary, "
                    + "apply method, a validThrough within 180 days); without validThrough the posting runs 30 days "
                    + "from its publication (from now for a draft). Status and publication date stay. 400 on invalid "
                    + "fields, 404 when not your posting, 409 when it is closed or expired.")
    @APIResponse(responseCode = "200", description = "Edited",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "Not one of your postings")
    @APIResponse(responseCode = "409", description = "Closed or expired: repost first")
    public JobView update(@PathParam("id") long id, @Valid @NotNull JobRequest request) {
        return view(service.update(caller.id(), id, request));
    }

    @DELETE
    @Path("/{id: \\d+}")
    @Operation(summary = "Delete a draft",
            description = "Employer role only. Removes the draft for good. 409 when the posting is no longer a "
                    + "draft (close a published posting instead); 404 when the id is unknown or another employer's.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Not a draft: close it instead")
    public void delete(@PathParam("id") long id) {
        service.deleteDraft(caller.id(), id);
    }

    @POST
    @Path("/{id: \\d+}/publish")
    @Operation(summary = "Publish a draft",
            description = "Employer role only. The draft goes on the public board, dated now, until its "
                    + "valid-through date (unless an admin hides it). 409 when the posting is not a draft or its "
                    + "valid-through date has passed; 404 when it is not your posting.")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft")
    public JobView publish(@PathParam("id") long id) {
        return view(service.publish(caller.id(), id));
    }

    @POST
    @Path("/{id: \\d+}/close")
    @Operation(summary = "Close a published posting",
            description = "Employer role only. Takes the posting off the public board: it no longer takes "
                    + "applications, and it can be reposted later. 409 when the posting is not published; 404 when "
                    + "it is not your posting.")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "409", description = "Not published")
    public JobView close(@PathParam("id") long id) {
        return view(service.close(caller.id(), id));
    }

    @POST
    @Path("/{id: \\d+}/repost")
    @Operation(summary = "Repost a closed or expired posting, dated today",
            description = "Employer role only. Publishes the posting again; the optional body's validThrough must "
                    + "be a future date within 180 days, else the posting runs 30 days from now. 400 on a bad "
                    + "validThrough, 404 when it is not your posting, 409 unless it is closed or expired.")
    @APIResponse(responseCode = "200", description = "Published again",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "409", description = "Not closed or expired")
    public JobView repost(@PathParam("id") long id,
                          @RequestBody(required = false, description = "Optional: {\"validThrough\": \"YYYY-MM-DD\"}",
                                  content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                          schema = @Schema(implementation = RepostRequest.class))) String body)
            throws JsonProcessingException {
        // the body is optional, so it is read by hand: an empty POST without a Content-Type is fine
        RepostRequest request = body == null || body.isBlank() ? null : json.readValue(body, RepostRequest.class);
        return view(service.repost(caller.id(), id, request == null ? null : request.validThrough()));
    }

    private JobView view(JobPosting p) {
        EmployerProfile profile = EmployerProfile.findById(p.employerId);
        return JobView.of(p, JobResource.employer(profile), true);
    }
}
