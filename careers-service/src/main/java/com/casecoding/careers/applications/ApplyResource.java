package com.casecoding.careers.applications;

import com.casecoding.careers.config.CareersConfig;
import com.casecoding.careers.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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
import java.util.List;

/**
 * A coder applies to a posting. The path sits under the posting's, but the endpoint lives here with the rest of the application rules, so
 * that {@code jobs} never depends on {@code applications} (applications depend on jobs, not the other way round). The
 * root path names the posting so that it is more specific than the posting resources' root and is chosen for it.
 */
@Path("/api/jobs/{id: \\d+}/applications")
@Produces(MediaType.APPLICATION_JSON)
public class ApplyResource {

    @Inject
    ApplicationService applications;
    @Inject
    Caller caller;
    @Inject
    CareersConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.CODER)
    @Tag(name = "Jobs")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Apply to a posting (coders)", description = "Only for postings that take applications on the board.")
    @APIResponse(responseCode = "201", description = "Applied",
            content = @Content(schema = @Schema(implementation = ApplicationViews.Mine.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "No open posting")
    @APIResponse(responseCode = "409", description = "Already applied, or the employer takes applications elsewhere (applyUrl)")
    public Response apply(@PathParam("id") long id, @Valid @NotNull ApplicationRequest request) {
        JobApplication a = applications.apply(caller.id(), caller.email(), id, request);
        return Response.created(URI.create("/api/careers/me/applications/" + a.id))
                .entity(ApplicationViews.mine(List.of(a)).get(0)).build();
    }
}
