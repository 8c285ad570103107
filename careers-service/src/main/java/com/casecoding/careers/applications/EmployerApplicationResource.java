package com.casecoding.careers.applications;

import com.casecoding.careers.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/careers/employer/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Employer", description = "CareerCenter for employers: profile, postings, applicants")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Caller.EMPLOYER)
public class EmployerApplicationResource {

    @Inject
    ApplicationService service;
    @Inject
    Caller caller;

    @GET
    @Path("/{id: \\d+}")
    @Operation(summary = "One application to one of your postings",
            description = "Employer role only. The applicant's account id and e-mail, cover note, resume and "
                    + "current status, with the posting's title. 404 when the application does not exist or was "
                    + "sent to another employer's posting.")
    @APIResponse(responseCode = "200", description = "The application",
            content = @Content(schema = @Schema(implementation = ApplicationViews.Applicant.class)))
    @APIResponse(responseCode = "404", description = "Not an application to your postings")
    public ApplicationViews.Applicant get(@PathParam("id") long id) {
        return applicants(List.of(service.ofEmployer(caller.id(), id))).get(0);
    }

    @PUT
    @Path("/{id: \\d+}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an application: reviewing, interview, offer, rejected or hired",
            description = "Forward only (steps may be skipped) or to rejected; hired, rejected and withdrawn are final.")
    @APIResponse(responseCode = "200", description = "Moved",
            content = @Content(schema = @Schema(implementation = ApplicationViews.Applicant.class)))
    @APIResponse(responseCode = "404", description = "Not an application to your postings")
    @APIResponse(responseCode = "409", description = "Transition not allowed")
    public ApplicationViews.Applicant move(@PathParam("id") long id, @Valid @NotNull ApplicationViews.StatusChange change) {
        return applicants(List.of(service.move(caller.id(), id, change.status()))).get(0);
    }

    private static List<ApplicationViews.Applicant> applicants(List<JobApplication> applications) {
        return ApplicationViews.applicants(applications);
    }
}
