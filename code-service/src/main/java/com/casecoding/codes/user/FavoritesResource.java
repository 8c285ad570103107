package com.casecoding.codes.user;

import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.security.Roles;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.codes.search.SearchEngine;
import com.casecoding.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/favorites")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CODER, Roles.EMPLOYER, Roles.CONSULTANT, Roles.ADMIN})
@Tag(name = "Favorites", description = "A registered user's starred codes (only their own)")
public class FavoritesResource {

    @Inject
    FavoriteService favorites;

    @Inject
    SearchEngine engine;

    @Inject
    JsonWebToken jwt;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "My favorite codes, newest first",
            description = "Registered accounts only (403 for a guest token). system (e.g. icd10cm or cpt) keeps one "
                    + "code set, 400 for an unknown one. Each favorite has the code as displayed and stored, its "
                    + "title, billable flag and status from the loaded data, and when it was added; limit (1 to 1000, "
                    + "default 100) and offset page the list, and the answer has the total and the next page.")
    @APIResponse(responseCode = "200", description = "A page of the caller's favorites")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Guest token")
    public ListPage<FavoriteService.FavoriteView> list(@QueryParam("system") String system,
        @BeanParam PageQuery page) {
        String sys = system == null || system.isBlank() ? null : CodeSystem.fromId(system)
                .orElseThrow(() -> ProblemException.invalidField("system", "is not a known code system")).id();
        return favorites.list(Registered.subject(jwt), sys, page.paging(100, FavoriteService.MAX_FAVORITES),
                uri.getRequestUri());
    }

    @PUT
    @Path("/{system}/{code}")
    @Operation(summary = "Add a code to my favorites (idempotent)",
            description = "Registered accounts only (403 for a guest token). The code may be typed in any case, "
                    + "with or without its dot, and must exist in the loaded data (404 otherwise, or for an "
                    + "unknown code set). 201 when added; 200 with the existing favorite when it was one already; 409 "
                    + "beyond " + FavoriteService.MAX_FAVORITES + " favorites.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = FavoriteService.FavoriteView.class)))
    @APIResponse(responseCode = "200", description = "Was already a favorite",
            content = @Content(schema = @Schema(implementation = FavoriteService.FavoriteView.class)))
    @APIResponse(responseCode = "404", description = "No such code in the loaded data")
    @APIResponse(responseCode = "409", description = "The account keeps the most favorites it may")
    public Response add(@PathParam("system") String system, @PathParam("code") String code) {
        String subject = Registered.subject(jwt);
        FavoriteService.Added added = favorites.add(subject, CodeRef.resolve(engine, system, code));
        return Response.status(added.created() ? 201 : 200).entity(added.favorite()).build();
    }

    @DELETE
    @Path("/{system}/{code}")
    @Operation(summary = "Remove a code from my favorites",
            description = "Registered accounts only (403 for a guest token); only the caller's own favorites change. "
                    + "404 for an unknown code set or code, or a code that is not among the caller's favorites.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "Not among my favorites")
    public Response remove(@PathParam("system") String system, @PathParam("code") String code) {
        String subject = Registered.subject(jwt);
        if (!favorites.remove(subject, CodeRef.resolve(engine, system, code))) {
            throw ProblemException.notFound("This code is not among your favorites.");
        }
        return Response.noContent().build();
    }
}
