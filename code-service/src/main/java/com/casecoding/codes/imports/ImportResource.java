package com.casecoding.codes.imports;

import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/admin/imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Tag(name = "Imports (admin)", description = "Import official code-set files present on the server")
public class ImportResource {

    public record ImportRequest(
            @NotBlank @Size(max = 1000) String path) {
    }

    @Inject
    ImportService service;

    @Inject
    JsonWebToken jwt;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import every recognized file under a folder (or one file) inside the import roots",
            description = "Runs synchronously: one transaction per file, a file already imported (same dataset and "
                    + "SHA-256) is skipped, a malformed file is refused with file, line and reason and nothing of it "
                    + "is kept. Answers with the run's summary.")
    @APIResponse(responseCode = "200", description = "The run's summary (check each file's status)")
    @APIResponse(responseCode = "400", description = "Path missing, unreadable, or outside the import roots "
            + "(CODES_IMPORT_DIR, CODES_IMPORT_ALLOWED_ROOTS)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin, or no import root is configured")
    public ImportSummary importPath(@Valid ImportRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body {\"path\": \"...\"} is required.");
        }
        return service.importFromAdmin(request.path(), "admin:" + jwt.getSubject());
    }

    @GET
    @Operation(summary = "Past import attempts, newest first (refused files included)",
            description = "Admin role only. One entry per file and attempt: who started it, file, dataset, version, "
                    + "status (imported, replaced, unchanged, derived, refused or failed), rows, duration, and the "
                    + "line and reason of a refusal. limit defaults to 100, 1 to 1000, offset pages on (400 "
                    + "otherwise).")
    @APIResponse(responseCode = "200", description = "A page of import attempts")
    public ListPage<ImportService.ImportRunView> list(
            @BeanParam PageQuery page, @Context UriInfo uri) {
        return service.history(page.paging(100, 1000), uri.getRequestUri());
    }
}
