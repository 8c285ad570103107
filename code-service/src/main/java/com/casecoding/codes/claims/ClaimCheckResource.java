package com.casecoding.codes.claims;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/claims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "jwt")
@Tag(name = "Claim checks", description = "Code validity, fee schedule status and modifier rules, NCCI PTP, MUE and add-on edits for a whole claim")
public class ClaimCheckResource {

    @Inject
    ClaimCheckService service;

    @POST
    @Path("/check")
    @Operation(summary = "Check a claim",
            description = "Runs code validity on the date of service, the MPFS status code and the fee schedule's "
                    + "modifier rules (PC/TC, bilateral, multiple procedure, assistant, co-surgeon, team, E/M and "
                    + "global period scope), NCCI PTP pairs (or says they were not checked when no PTP table is "
                    + "loaded), MUE unit limits for the setting, add-on code rules and modifier validity. Each finding "
                    + "has a severity, the rule, the lines involved, a message, a fix where one exists, the indicator "
                    + "it read and the source table and release.")
    @APIResponse(responseCode = "200", description = "The findings; clean = true when there are no errors or warnings")
    @APIResponse(responseCode = "400", description = "The claim is malformed (no lines, too many lines, bad units or codes)")
    @APIResponse(responseCode = "401", description = "No valid token")
    public ClaimCheckResult check(@NotNull @Valid ClaimCheckRequest request) {
        return service.check(request);
    }
}
