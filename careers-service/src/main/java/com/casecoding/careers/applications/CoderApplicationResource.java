package com.casecoding.careers.applications;

import com.casecoding.careers.config.CareersConfig;
import com.casecoding.careers.security.Caller;
import com.casecoding.careers.web.QueryPage;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/careers/me/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coder", description = "CareerCenter for coders: applications, saved jobs, saved searches")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Caller.CODER)
public class CoderApplicationResource {

    @Inject
    ApplicationService service;
    @Inject
    Caller caller;
    @Inject
    CareersConfig config;
    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Your applications, newest first",
            description = "Coder role only. Each application with its posting's title and employer name, the "
                    + "cover note, resume and current status. A list page: items, total (all your applications), "
                    + "limit (1 to 50, default 20), offset (from 0) and next, the path and query of the next page "
                    + "(null on the last one). 400 for a malformed limit or offset.")
    @APIResponse(responseCode = "200", description = "A page of your applications")
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    public ListPage<ApplicationViews.Mine> list(@BeanParam PageQuery page) {
        Paging paging = page.paging(QueryPage.DEFAULT_LIMIT, config.maxPageSize());
        return service.mine(caller.id(), paging).toListPage(CoderApplicationResource::mine, paging, uri);
    }

    @GET
    @Path("/{id: \\d+}")
    @Operation(summary = "One of your applications",
            description = "Coder role only. The application with its posting's title and employer name, the cover "
                    + "note, resume and current status. 404 when the id is unknown or another account's application.")
    @APIResponse(responseCode = "200", description = "The application",
            content = @Content(schema = @Schema(implementation = ApplicationViews.Mine.class)))
    @APIResponse(responseCode = "404", description = "Not one of your applications")
    public ApplicationViews.Mine get(@PathParam("id") long id) {
        return mine(List.of(service.own(caller.id(), id))).get(0);
    }

    @POST
    @Path("/{id: \\d+}/withdraw")
    @Operation(summary = "Withdraw one of your applications",
            description = "Coder role only. Sets the status to withdrawn, which is final: the employer can no "
                    + "longer move it. 404 when it is not your application; 409 when it is already hired, rejected "
                    + "or withdrawn.")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = ApplicationViews.Mine.class)))
    @APIResponse(responseCode = "404", description = "Not one of your applications")
    @APIResponse(responseCode = "409", description = "Already hired, rejected or withdrawn")
    public ApplicationViews.Mine withdraw(@PathParam("id") long id) {
        return mine(List.of(service.withdraw(caller.id(), id))).get(0);
    }

    private static List<ApplicationViews.Mine> mine(List<JobApplication> applications) {
        return ApplicationViews.mine(applications);
    }
}
