package com.casecoding.careers.applications;

import com.casecoding.careers.config.CareersConfig;
import com.casecoding.careers.security.Caller;
import com.casecoding.careers.web.Params;
import com.casecoding.careers.web.QueryPage;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.Paging;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/**
 * An employer lists a posting's applicants. The path sits under the posting's, but the endpoint lives here with the rest of the application rules, so
 * that {@code jobs} never depends on {@code applications} (applications depend on jobs, not the other way round). The
 * root path names the posting so that it is more specific than the posting resources' root and is chosen for it.
 */
@Path("/api/careers/employer/jobs/{id: \\d+}/applications")
@Produces(MediaType.APPLICATION_JSON)
public class PostingApplicantsResource {

    @Inject
    ApplicationService applications;
    @Inject
    Caller caller;
    @Inject
    CareersConfig config;
    @Context
    UriInfo uri;

    @GET
    @RolesAllowed(Caller.EMPLOYER)
    @Tag(name = "Employer")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Applications to one of your postings, newest first",
            description = "Employer role only. Each applicant's account id, e-mail, cover note, resume and status; "
                    + "status keeps one status (submitted, reviewing, interview, offer, hired, rejected, withdrawn). "
                    + "A list page: items, total (all the posting's applications with that status), limit (1 to 50, "
                    + "default 20), offset (from 0) and next, the path and query of the next page (null on the last "
                    + "one). 400 for an unknown status or a malformed limit or offset; 404 when it is not your "
                    + "posting.")
    @APIResponse(responseCode = "200", description = "A page of applicants")
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    @APIResponse(responseCode = "404", description = "Not one of your postings")
    public ListPage<ApplicationViews.Applicant> applicants(@PathParam("id") long postingId,
                                                           @Parameter(description = "Only this status") @QueryParam("status") String status,
                                                           @BeanParam PageQuery page) {
        Paging paging = page.paging(QueryPage.DEFAULT_LIMIT, config.maxPageSize());
        ApplicationStatus s = Params.one("status", status, ApplicationStatus::of, ApplicationStatus.values());
        return applications.forPosting(caller.id(), postingId, s, paging)
                .toListPage(ApplicationViews::applicants, paging, uri);
    }
}
