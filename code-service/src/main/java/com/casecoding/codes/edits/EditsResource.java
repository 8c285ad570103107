package com.casecoding.codes.edits;

import com.casecoding.codes.access.ViewGrantFilter;
import com.casecoding.codes.access.ViewMeter;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.security.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.casecoding.common.web.Revalidated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.List;

@Path("/api/edits")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CODER, Roles.EMPLOYER, Roles.CONSULTANT, Roles.ADMIN})
@SecurityRequirement(name = "jwt")
@Tag(name = "Payment and edits", description = "Medicare fee schedule payment, MUE and add-on rules of a code (registered users)")
public class EditsResource {

    /**
     * The payment and edits page of a code: its sections and, as on the code page, the caller's view meter after this
     * view.
     */
    public record EditsPage(String system, String code, List<PaymentSections.Section> sections,
                            @Schema(nullable = true, description = "The caller's code page views after this one; "
                                    + "null when the view grant stated none") ViewMeter views) {
    }

    public record LocalityView(String id, String state, String name, BigDecimal workGpci, BigDecimal peGpci,
                               BigDecimal mpGpci, List<String> counties) {
    }

    @Inject
    PaymentSections sections;

    @Inject
    EditTables tables;

    @Inject
    ObjectMapper json;

    @Context
    UriInfo uri;

    @GET
    @Path("/{system}/{code}")
    @Operation(summary = "Payment, unit limit (MUE) and add-on sections of a CPT or HCPCS code",
            description = "The sections the code page shows to registered users, with the code in display form "
                    + "and, like the code page, the caller's view meter after this view (views). With "
                    + "?locality=MAC-locality (e.g. 01112-54) the payment section also carries the fee at that "
                    + "locality.")
    @APIResponse(responseCode = "200", description = "The sections and the view meter")
    @APIResponse(responseCode = "400", description = "Unknown locality or a system other than cpt/hcpcs")
    @APIResponse(responseCode = "403", description = "Guests see these sections only after registering")
    public EditsPage sections(
            @PathParam("system") String system,
            @PathParam("code") @Pattern(regexp = "^[A-Za-z0-9]{5}$", message = "must be a 5-character CPT/HCPCS code") String code,
            @QueryParam("locality") @Pattern(regexp = "^\\d{5}[-/]?\\d{2}$", message = "must be MAC-locality, e.g. 01112-54") String locality,
            @Parameter(hidden = true) @HeaderParam(ViewGrantFilter.METER_HEADER) String meter) {
        if (!system.equalsIgnoreCase("cpt") && !system.equalsIgnoreCase("hcpcs")) {
            throw ProblemException.invalidField("system", "must be cpt or hcpcs");
        }
        try {
            List<PaymentSections.Section> page = sections.forCode(system, code, locality);
            CodeSystem set = CodeSystem.fromId(system).orElseThrow();
            return new EditsPage(set.id(), set.normalize(code).map(set::display).orElse(code), page,
                    ViewMeter.fromRequest(json, meter));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("locality", "is not a known Medicare payment locality");
        }
    }

    @Revalidated
    @Extension(name = Revalidated.EXTENSION, value = "true")
    @GET
    @Path("/localities")
    @Operation(summary = "Medicare payment localities with their GPCIs (ids for ?locality=)",
            description = "Registered accounts only (403 for a guest token). From the loaded MPFS GPCI file, ordered "
                    + "by state and locality name: id (MAC-locality), state, name, work, practice expense and "
                    + "malpractice GPCIs and the counties; empty when no GPCI file has been imported. limit 1 to 1000 "
                    + "(default 1000: every locality on one page), offset from 0.")
    public ListPage<LocalityView> localities(
            @BeanParam PageQuery page) {
        return ListPage.slice(tables.localities().stream().map(g -> new LocalityView(g.id(), g.state(), g.name(),
                g.work(), g.pe(), g.mp(), g.counties())).toList(), page.paging(1000, 1000), uri);
    }
}
