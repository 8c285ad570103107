package com.casecoding.codes.user;

import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.security.Roles;
import com.casecoding.codes.search.SearchEngine;
import com.casecoding.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/notes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CODER, Roles.EMPLOYER, Roles.CONSULTANT, Roles.ADMIN})
@Tag(name = "Notes", description = "A registered user's private notes on codes (only their own)")
public class NotesResource {

    public record NoteRequest(@NotNull @NotBlank @Size(max = 5000) String text) {
    }

    @Inject
    NoteService notes;

    @Inject
    SearchEngine engine;

    @Inject
    JsonWebToken jwt;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "My notes, most recently edited first",
            description = "Registered accounts only (403 for a guest token); nobody else sees a user's notes. limit "
                    + "defaults to 50 and must be 1 to 200 (400 otherwise). Each note has its code set, the code as "
                    + "displayed and stored, the code's title, the text and when it was written and last edited; "
                    + "offset pages on, and the answer has the total and the next page.")
    @APIResponse(responseCode = "200", description = "A page of the caller's notes")
    public ListPage<NoteService.NoteView> list(
            @BeanParam PageQuery page) {
        return notes.list(Registered.subject(jwt), page.paging(50, 200), uri.getRequestUri());
    }

    @GET
    @Path("/{system}/{code}")
    @Operation(summary = "My note on one code",
            description = "Registered accounts only (403 for a guest token). The code may be typed in any case, with "
                    + "or without its dot. 404 for an unknown code set, a code not in the loaded data, or no note of "
                    + "the caller's on it.")
    @APIResponse(responseCode = "200", description = "The note",
            content = @Content(schema = @Schema(implementation = NoteService.NoteView.class)))
    @APIResponse(responseCode = "404", description = "No note on this code (or no such code)")
    public NoteService.NoteView get(@PathParam("system") String system, @PathParam("code") String code) {
        String subject = Registered.subject(jwt);
        return notes.get(subject, CodeRef.resolve(engine, system, code))
                .orElseThrow(() -> ProblemException.notFound("You have no note on this code."));
    }

    @PUT
    @Path("/{system}/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write or replace my note on a code (at most 5000 characters)",
            description = "Registered accounts only (403 for a guest token). One note per user and code: writing "
                    + "again replaces the text and keeps the creation time. Only codes present in the loaded data "
                    + "take notes; 201 for a new note, 200 for a replaced one.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = NoteService.NoteView.class)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = NoteService.NoteView.class)))
    @APIResponse(responseCode = "400", description = "Empty or too long text")
    @APIResponse(responseCode = "404", description = "No such code in the loaded data")
    public Response save(@PathParam("system") String system, @PathParam("code") String code,
                         @Valid @NotNull NoteRequest request) {
        String subject = Registered.subject(jwt);
        NoteService.Saved saved = notes.save(subject, CodeRef.resolve(engine, system, code), request.text());
        return Response.status(saved.created() ? 201 : 200).entity(saved.note()).build();
    }

    @DELETE
    @Path("/{system}/{code}")
    @Operation(summary = "Delete my note on a code",
            description = "Registered accounts only (403 for a guest token). The code may be typed with or without "
                    + "its dot. 404 for an unknown code set or code, or when the caller has no note on it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No note on this code")
    public Response delete(@PathParam("system") String system, @PathParam("code") String code) {
        String subject = Registered.subject(jwt);
        if (!notes.delete(subject, CodeRef.resolve(engine, system, code))) {
            throw ProblemException.notFound("You have no note on this code.");
        }
        return Response.noContent().build();
    }
}
