package com.casecoding.codes.consult;

import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.ListPage;
import com.casecoding.codes.consult.ConsultViews.ConsultView;
import com.casecoding.codes.consult.ConsultViews.Summary;
import com.casecoding.common.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The coder's side of CaseConsultant: submit, read the thread, reply, list, close. */
@Path("/api/consults")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "jwt")
@Tag(name = "CaseConsultant", description = "Send a coding case to a human consultant, get an instant automated draft")
public class ConsultResource {

    @Inject
    ConsultService service;

    @Inject
    CurrentCaller current;

    private Caller caller() {
        return current.get();
    }

    @POST
    @Operation(summary = "Send a consult; the answer includes its id, status and an instant automated draft",
            description = "Registered users only (a token with an e-mail and a registered role). subject (at most "
                    + "200 characters) and question (10000) are required, the de-identified caseText (20000) and up "
                    + "to 20 codes optional. The consult starts as new and the sender gets a confirmation e-mail; "
                    + "the draft is skipped when it takes too long.")
    @APIResponse(responseCode = "201", description = "Created; Location names the consult",
            headers = @Header(name = "Location", description = "The consult's URL",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ConsultView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json with violations)")
    @APIResponse(responseCode = "403", description = "Guests must register first")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@Valid @NotNull ConsultRequests.Submit request, @Context UriInfo uri) {
        ConsultView view = service.submit(caller(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Operation(summary = "Your own consults, newest first; status filters (repeat or comma-separate)",
            description = "Registered users only (403 for guests). status takes new, claimed, waiting, answered or "
                    + "closed (400 for another value), every status without it; limit defaults to 50, at most 200, "
                    + "and offset pages on. Each summary has the status, whether a consultant claimed it, ages and "
                    + "the message count.")
    @APIResponse(responseCode = "200", description = "A page of your consults")
    public ListPage<Summary> mine(@QueryParam("status") List<String> status,
            @BeanParam PageQuery page, @Context UriInfo uri) {
        Caller caller = caller();
        ConsultService.requireRegistered(caller);
        return service.listOwn(caller, statuses(status), page.paging(50, 200), uri.getRequestUri());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One consult with its thread and status history (owner or consultant)",
            description = "Any token: the owner reads their consult and consultants read any consult. The case "
                    + "text and automated draft are shown to the owner and the claiming consultant only; other "
                    + "consultants see that they exist. 404 (never 403) when the id is unknown or not visible to you.")
    @APIResponse(responseCode = "200", description = "The consult",
            content = @Content(schema = @Schema(implementation = ConsultView.class)))
    @APIResponse(responseCode = "404", description = "No such consult, or not yours")
    public ConsultView get(@PathParam("id") String id) {
        return service.get(caller(), consultId(id));
    }

    @POST
    @Path("/{id}/messages")
    @Operation(summary = "Reply to your consult (a closed consult takes no replies)",
            description = "The registered owner only (403 for guests). The message (at most 10000 characters) joins "
                    + "the thread; a consult that was answered or waiting goes back to claimed, or to new when no "
                    + "consultant has claimed it. 404 when the consult is unknown or not yours.")
    @APIResponse(responseCode = "200", description = "The consult with your reply",
            content = @Content(schema = @Schema(implementation = ConsultView.class)))
    @APIResponse(responseCode = "404", description = "No such consult, or not yours")
    @APIResponse(responseCode = "409", description = "The consult is closed")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsultView reply(@PathParam("id") String id, @Valid @NotNull ConsultRequests.Reply reply) {
        Caller caller = caller();
        ConsultService.requireRegistered(caller);
        return service.reply(caller, consultId(id), reply.body(), "api");
    }

    @POST
    @Path("/{id}/close")
    @Operation(summary = "Close a consult (its owner, or a consultant: the claimant once claimed)",
            description = "Any status but closed moves to closed, recorded in the status history with who closed it. "
                    + "404 when the consult is unknown, or the caller is neither its owner nor a consultant; 409 when "
                    + "it is already closed or another consultant has claimed it.")
    @APIResponse(responseCode = "200", description = "The closed consult",
            content = @Content(schema = @Schema(implementation = ConsultView.class)))
    @APIResponse(responseCode = "409", description = "Already closed, or claimed by another consultant")
    public ConsultView close(@PathParam("id") String id) {
        return service.close(caller(), consultId(id));
    }

    static UUID consultId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ConsultService.notFound();
        }
    }

    static Set<ConsultStatus> statuses(List<String> raw) {
        Set<ConsultStatus> set = EnumSet.noneOf(ConsultStatus.class);
        for (String value : raw == null ? List.<String>of() : raw) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    set.add(ConsultStatus.fromId(part).orElseThrow(() -> ProblemException.invalidField("status",
                            "must be one of new, claimed, waiting, answered, closed")));
                }
            }
        }
        return set;
    }
}
