package com.casecoding.careers.employers;

import com.casecoding.careers.security.Caller;
import com.casecoding.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/careers/employer/profile")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Employer", description = "CareerCenter for employers: profile, postings, applicants")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Caller.EMPLOYER)
public class EmployerResource {

    @Inject
    EmployerService service;
    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Your employer profile",
            description = "Employer role only. The caller's own profile: organization name, website, about text, "
                    + "logo, the verified flag admins set, and its dates (without the account id and contact e-mail "
                    + "admins see). 404 until a profile has been created with PUT.")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = EmployerProfileView.class)))
    @APIResponse(responseCode = "404", description = "No profile yet")
    public EmployerProfileView get() {
        EmployerProfile p = service.find(caller.id());
        if (p == null) {
            throw ProblemException.notFound("You have no employer profile yet: PUT one to /api/careers/employer/profile.");
        }
        return EmployerProfileView.forOwner(p);
    }

    @PUT
    @Operation(summary = "Create or update your employer profile",
            description = "The 'verified' flag is set by admins only and cannot be sent.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = EmployerProfileView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = EmployerProfileView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    public Response put(@Valid @NotNull EmployerProfileRequest request) {
        boolean created = service.save(caller.id(), caller.email(), request);
        return Response.status(created ? 201 : 200)
                .entity(EmployerProfileView.forOwner(service.find(caller.id()))).build();
    }
}
