package com.casecoding.codes.user;

import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.security.Roles;
import com.casecoding.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/search-history")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CODER, Roles.EMPLOYER, Roles.CONSULTANT, Roles.ADMIN})
@Tag(name = "Search history", description = "A registered user's last searches (only their own), clearable")
public class SearchHistoryResource {

    @Inject
    SearchHistoryService history;

    @Inject
    JsonWebToken jwt;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "My last searches, newest first",
            description = "Registered accounts only (coder, employer, consultant or admin; 403 for a guest token). "
                    + "limit defaults to 20 and must be 1 to 100 (400 otherwise). Each entry has the query, the "
                    + "code sets searched, the result count and the time; the last 50 searches are kept. offset "
                    + "pages on, and the answer has the total and the next page.")
    @APIResponse(responseCode = "200", description = "A page of the caller's searches")
    public ListPage<SearchHistoryService.HistoryView> list(
            @BeanParam PageQuery page) {
        return history.list(Registered.subject(jwt), page.paging(20, 100), uri.getRequestUri());
    }

    @DELETE
    @Operation(summary = "Clear my search history",
            description = "Registered accounts only (403 for a guest token). Deletes every search of the caller's "
                    + "own history, including searches not yet written; answers 204 also when it was empty.")
    @APIResponse(responseCode = "204", description = "Cleared")
    public Response clear() {
        history.clear(Registered.subject(jwt));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove one search from my history",
            description = "Registered accounts only (403 for a guest token). id is an entry id from the list. 404 "
                    + "when no entry of the caller's own history has this id.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "Not in my history")
    public Response remove(@PathParam("id") long id) {
        if (!history.delete(Registered.subject(jwt), id)) {
            throw ProblemException.notFound("No such search in your history.");
        }
        return Response.noContent().build();
    }
}
