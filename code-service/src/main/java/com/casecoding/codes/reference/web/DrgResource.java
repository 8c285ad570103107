package com.casecoding.codes.reference.web;

import com.casecoding.common.list.PageQuery;
import com.casecoding.codes.reference.DrgService;
import com.casecoding.common.web.Revalidated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/drgs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MS-DRG", description = "Medicare Severity DRGs of the loaded MS-DRG definitions")
public class DrgResource {

    @Inject
    DrgService drgs;

    @Context
    UriInfo uri;

    @Revalidated
    @Extension(name = Revalidated.EXTENSION, value = "true")
    @GET
    @PermitAll
    @Operation(summary = "List MS-DRGs (number order), filtered by MDC and medical/surgical",
            description = "Any token, a guest's included. mdc is 01 to 25 or pre, type is medical or surgical; "
                    + "limit 1 to 200 (default 50) and offset from 0 page the list, which carries the total and the "
                    + "loaded MS-DRG version. Each DRG has its MDC, type, title, severity level and a link.")
    @APIResponse(responseCode = "200", description = "A page of DRGs with the total and the release")
    @APIResponse(responseCode = "400", description = "mdc, type, limit or offset out of range")
    @APIResponse(responseCode = "404", description = "No MS-DRG definitions are loaded")
    public DrgService.DrgList list(
            @Parameter(description = "MDC number 01-25, or pre for pre-MDC DRGs") @QueryParam("mdc") String mdc,
            @Parameter(description = "medical or surgical") @QueryParam("type") String type,
            @BeanParam PageQuery page) {
        return drgs.list(mdc, type, page.paging(50, DrgService.MAX_LIMIT), uri.getRequestUri());
    }

    @Revalidated
    @Extension(name = Revalidated.EXTENSION, value = "true")
    @GET
    @Path("/{drg}")
    @PermitAll
    @Operation(summary = "One MS-DRG: MDC, medical/surgical, title and the DRGs of its severity family",
            description = "Any token, a guest's included. The number may be written 470, 003 or DRG470. The family "
                    + "is the DRGs at most 3 numbers away with the same MDC and base title (with MCC, with CC, "
                    + "without CC/MCC); the answer also has a one-sentence statement and the release.")
    @APIResponse(responseCode = "200", description = "The DRG page")
    @APIResponse(responseCode = "400", description = "Not a DRG number (1-999)")
    @APIResponse(responseCode = "404", description = "Not in the loaded MS-DRG version, or none loaded")
    public DrgService.DrgPage drg(@Parameter(description = "DRG number, e.g. 470 or 001") @PathParam("drg") String drg) {
        return drgs.page(drg);
    }
}
