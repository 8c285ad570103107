package com.casecoding.codes.reference.web;

import com.casecoding.common.list.PageQuery;
import com.casecoding.codes.reference.PlaceOfServiceService;
import com.casecoding.common.web.Revalidated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/place-of-service")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Place of service", description = "CMS place of service codes and their Medicare payment rate")
public class PlaceOfServiceResource {

    @Inject
    PlaceOfServiceService places;

    @Context
    UriInfo uri;

    @Revalidated
    @Extension(name = Revalidated.EXTENSION, value = "true")
    @GET
    @PermitAll
    @Operation(summary = "Every place of service code of the loaded CMS list with its facility/non-facility rate",
            description = "Any token, a guest's included. Each code in order with its name, its Medicare rate "
                    + "(facility, non-facility or not-listed) and our note, plus the release the list comes from "
                    + "and a note on codes CMS may have added since. 404 when no list has been imported. limit 1 to "
                    + "100 (default 100: every code on one page), offset from 0.")
    @APIResponse(responseCode = "200", description = "The list and the release")
    @APIResponse(responseCode = "404", description = "No place of service list is loaded")
    public PlaceOfServiceService.PlaceOfServiceList list(
            @BeanParam PageQuery page) {
        return places.list(page.paging(100, 100), uri.getRequestUri());
    }

    @Revalidated
    @Extension(name = Revalidated.EXTENSION, value = "true")
    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "One place of service code: its name and which Medicare fee schedule rate it gets",
            description = "Any token, a guest's included. One digit is read as two (1 is 01). The rate is facility, "
                    + "non-facility or not-listed (the Medicare contractor decides). 400 unless the code is 01 to "
                    + "99; 404 when it is not in the loaded list or no list is loaded.")
    @APIResponse(responseCode = "200", description = "The code")
    @APIResponse(responseCode = "400", description = "Not two digits 01-99")
    @APIResponse(responseCode = "404", description = "Not in the loaded list, or no list loaded")
    public PlaceOfServiceService.PlaceOfService code(
            @Parameter(description = "Two digits, e.g. 11") @PathParam("code") String code) {
        return places.find(code);
    }
}
