package com.casecoding.careers.admin;

import com.casecoding.careers.config.CareersConfig;
import com.casecoding.careers.employers.EmployerProfile;
import com.casecoding.careers.employers.EmployerProfileView;
import com.casecoding.careers.employers.EmployerService;
import com.casecoding.careers.jobs.JobPosting;
import com.casecoding.careers.jobs.JobResource;
import com.casecoding.careers.jobs.JobView;
import com.casecoding.careers.jobs.PostingStatus;
import com.casecoding.careers.security.Caller;
import com.casecoding.careers.web.Params;
import com.casecoding.careers.web.QueryPage;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.Paging;
import com.casecoding.common.list.QueryValues;
import com.casecoding.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Path("/api/careers/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "CareerCenter moderation: hide and restore postings, verify employers")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Caller.ADMIN)
public class AdminResource {

    @Inject
    EmployerService employers;
    @Inject
    CareersConfig config;
    @Context
    UriInfo uri;

    @Schema(name = "HideRequest")
    public record HideRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "VerificationRequest")
    public record VerificationRequest(@NotNull Boolean verified) {
    }

    @GET
    @Path("/jobs")
    @Operation(summary = "Every posting, any status, newest first",
            description = "Admin role only. Optional filters status (draft, published, closed or expired) and "
                    + "hidden (true or false). Each posting carries its hidden flag and reason. A list page: items, "
                    + "total (every posting the filters keep), limit (1 to 50, default 20), offset (from 0) and "
                    + "next, the path and query of the next page (null on the last one). 400 names a malformed "
                    + "filter, limit or offset.")
    @APIResponse(responseCode = "200", description = "A page of postings with moderation fields")
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    public ListPage<JobView> jobs(@Parameter(description = "draft, published, closed or expired")
                                  @QueryParam("status") String status,
                                  @Parameter(description = "true: hidden postings only; false: the others",
                                          schema = @Schema(type = SchemaType.BOOLEAN))
                                  @QueryParam("hidden") String hidden,
                                  @BeanParam PageQuery page) {
        Paging paging = page.paging(QueryPage.DEFAULT_LIMIT, config.maxPageSize());
        PostingStatus s = Params.one("status", status, PostingStatus::of, PostingStatus.values());
        Boolean h = QueryValues.bool("hidden", hidden);
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (s != null) {
            q.append(" and status = :s");
            params.and("s", s.wire());
        }
        if (h != null) {
            q.append(" and hidden = :h");
            params.and("h", h);
        }
        PanacheQuery<JobPosting> query = JobPosting.find(q.toString(),
                Sort.by("createdAt").descending().and("id").descending(), params);
        return QueryPage.of(query, paging).toListPage(AdminResource::views, paging, uri);
    }

    private static List<JobView> views(List<JobPosting> postings) {
        Map<String, EmployerProfile> profiles = postings.isEmpty() ? Map.of()
                : EmployerProfile.<EmployerProfile>list("accountId in ?1",
                        postings.stream().map(p -> p.employerId).distinct().toList())
                .stream().collect(Collectors.toMap(e -> e.accountId, Function.identity()));
        return postings.stream().map(p -> JobView.of(p, JobResource.employer(profiles.get(p.employerId)), true)).toList();
    }

    @POST
    @Path("/jobs/{id: \\d+}/hide")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Hide a posting from the board", description = "The employer still sees it, with the reason.")
    @APIResponse(responseCode = "200", description = "Hidden", content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "No such posting")
    public JobView hide(@PathParam("id") long id, @Valid @NotNull HideRequest request) {
        JobPosting p = posting(id);
        p.hidden = true;
        p.hiddenReason = request.reason().trim();
        p.updatedAt = Instant.now();
        return JobView.of(p, JobResource.employer(EmployerProfile.findById(p.employerId)), true);
    }

    @POST
    @Path("/jobs/{id: \\d+}/restore")
    @Transactional
    @Operation(summary = "Put a hidden posting back on the board",
            description = "Admin role only. Clears the hidden flag and the moderation reason; the posting is public "
                    + "again only if it is still published and before its valid-through date. Restoring a posting "
                    + "that is not hidden changes nothing else. 404 when no posting has this id.")
    @APIResponse(responseCode = "200", description = "Restored", content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "No such posting")
    public JobView restore(@PathParam("id") long id) {
        JobPosting p = posting(id);
        p.hidden = false;
        p.hiddenReason = null;
        p.updatedAt = Instant.now();
        return JobView.of(p, JobResource.employer(EmployerProfile.findById(p.employerId)), true);
    }

    @GET
    @Path("/employers")
    @Operation(summary = "Employer profiles, with account ids and contact e-mails",
            description = "Admin role only. Newest profiles first; verified=true or false keeps only verified or "
                    + "unverified employers. A list page: items, total (every profile the filter keeps), limit (1 "
                    + "to 50, default 20), offset (from 0) and next, the path and query of the next page (null on "
                    + "the last one). 400 names a malformed parameter.")
    @APIResponse(responseCode = "200", description = "A page of employers")
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    public ListPage<EmployerProfileView> employers(@Parameter(description = "true: verified employers only; false: "
                                                           + "unverified ones", schema = @Schema(type = SchemaType.BOOLEAN))
                                                   @QueryParam("verified") String verified,
                                                   @BeanParam PageQuery page) {
        Paging paging = page.paging(QueryPage.DEFAULT_LIMIT, config.maxPageSize());
        return employers.list(QueryValues.bool("verified", verified), paging).toListPage(profiles -> profiles.stream()
                .map(EmployerProfileView::forAdmin).toList(), paging, uri);
    }

    @PUT
    @Path("/employers/{accountId}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify an employer (or take verification back)",
            description = "Admin role only. Sets the profile's verified flag to the body's verified value (true or "
                    + "false), which the employer's postings show; sending the current value again is harmless. "
                    + "404 when the account has no employer profile.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = EmployerProfileView.class)))
    @APIResponse(responseCode = "404", description = "No such employer")
    public EmployerProfileView verify(@PathParam("accountId") String accountId, @Valid @NotNull VerificationRequest request) {
        return EmployerProfileView.forAdmin(employers.setVerified(accountId, request.verified()));
    }

    private static JobPosting posting(long id) {
        JobPosting p = JobPosting.findById(id);
        if (p == null) {
            throw ProblemException.notFound("No job posting " + id + ".");
        }
        return p;
    }
}
