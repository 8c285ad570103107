package com.casecoding.codes.consult;

import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.ListPage;
import com.casecoding.codes.consult.ConsultViews.ConsultView;
import com.casecoding.codes.consult.ConsultViews.Summary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.List;

/** The consultant's side: the queue, claim, answer, response-time statistics. Role {@code consultant}. */
@Path("/api/consults")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.CONSULTANT)
@SecurityRequirement(name = "jwt")
@Tag(name = "CaseConsultant queue", description = "For consultants: take, answer and close consults")
public class ConsultQueueResource {

    @Inject
    ConsultService service;

    @Inject
    CurrentCaller current;

    private Caller caller() {
        return current.get();
    }

    @GET
    @Path("/queue")
    @Operation(summary = "The queue, oldest first, with ages; default statuses new, claimed, waiting",
            description = "Consultant role only. status takes new, claimed, waiting, answered or closed (repeat or "
                    + "comma-separate; 400 for another value); mine=true keeps the consults you claimed; limit "
                    + "defaults to 100, at most 500, and offset pages on. Each summary carries its claim flags, "
                    + "codes and message count.")
    @APIResponse(responseCode = "200", description = "A page of the consults in the queue")
    @APIResponse(responseCode = "403", description = "Not a consultant")
    public ListPage<Summary> queue(@QueryParam("status") List<String> status,
                               @QueryParam("mine") @DefaultValue("false") boolean mine,
            @BeanParam PageQuery page, @Context UriInfo uri) {
        return service.queue(caller(), ConsultResource.statuses(status), mine, page.paging(100, 500),
                uri.getRequestUri());
    }

    @POST
    @Path("/{id}/claim")
    @Operation(summary = "Claim a consult: you answer it, and you see its case text and draft",
            description = "Consultant role only. A new consult moves to claimed, recorded in its status history; "
                    + "claiming a consult you hold already changes nothing. 404 for an unknown id; 409 when another "
                    + "consultant holds it, it is closed, or it is your own consult.")
    @APIResponse(responseCode = "200", description = "The claimed consult",
            content = @Content(schema = @Schema(implementation = ConsultViews.ConsultView.class)))
    @APIResponse(responseCode = "409", description = "Claimed by another consultant, or closed")
    public ConsultView claim(@PathParam("id") String id) {
        return service.claim(caller(), ConsultResource.consultId(id));
    }

    @POST
    @Path("/{id}/answer")
    @Operation(summary = "Answer (claims the consult if nobody has); waitForUser=true asks the user for information",
            description = "Consultant role only. The answer (at most 10000 characters) joins the thread, the status "
                    + "becomes answered (or waiting) and the owner is e-mailed when their address is known. 404 for "
                    + "an unknown id; 409 when the consult is closed, claimed by another consultant, or your own.")
    @APIResponse(responseCode = "200", description = "The answered consult",
            content = @Content(schema = @Schema(implementation = ConsultViews.ConsultView.class)))
    @APIResponse(responseCode = "409", description = "Claimed by another consultant, or closed")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsultView answer(@PathParam("id") String id, @Valid @NotNull ConsultRequests.Answer answer) {
        return service.answer(caller(), ConsultResource.consultId(id), answer);
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Response times (submission to first answer, to close) over the consults of the last days",
            description = "Consultant role only. days defaults to 30 (1 to 3660). Over the consults submitted since "
                    + "then: how many, how many are in each status now, and the median, 90th percentile and longest "
                    + "seconds to the first answer and to closing.")
    @APIResponse(responseCode = "200", description = "The response times",
            content = @Content(schema = @Schema(implementation = ConsultViews.Stats.class)))
    public ConsultViews.Stats stats(@QueryParam("days") @DefaultValue("30") @Min(1) @Max(3660) int days) {
        return service.stats(Duration.ofDays(days));
    }
}
