package com.casecoding.codes.page;

import com.casecoding.common.codes.CodeSystem;
import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.security.Claims;
import com.casecoding.common.web.Revalidated;
import com.casecoding.codes.access.ViewGrantFilter;
import com.casecoding.codes.release.DataGeneration;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

@Path("/api/codes/{system}/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Code pages", description = "One page per code: official and plain-language descriptions, hierarchy, "
        + "crosswalks, history")
public class CodePageResource {

    @Inject
    DataGeneration generation;

    @Inject
    CodePageService service;

    @Inject
    CodeRepository repository;

    @Inject
    JsonWebToken jwt;

    @Inject
    CurrentIdentityAssociation identities;

    public record CommonLanguageRequest(@NotBlank @Size(max = 20000) String text) {
    }

    public record CommonLanguageView(String system, String code, String text, String updatedBy, Instant updatedAt) {
    }

    @GET
    @PermitAll
    @Revalidated
    @Extension(name = Revalidated.EXTENSION, value = "true")
    @Operation(summary = "The code page",
            description = "The code is accepted as typed (any case, with or without the dot). Without a token or "
                    + "with plan 'guest' only the official and common-language sections carry content; the others "
                    + "are locked stubs. Plans free/pro receive every section.")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(schema = @Schema(implementation = CodePage.class)))
    @APIResponse(responseCode = "404", description = "Unknown system, code or release; 'suggestions' lists close "
            + "existing codes")
    public Uni<Response> page(
            @Parameter(description = "icd10cm, icd10pcs, hcpcs, cpt, icd9cm, icd9pcs, modifier", example = "icd10cm")
            @PathParam("system") String system,
            @Parameter(description = "The code as typed", example = "e11.9") @PathParam("code") String code,
            @Parameter(description = "Show the code as in this release (e.g. FY2024)") @QueryParam("version")
            String version,
            @Parameter(description = "Show the code as in the release in effect on this date (YYYY-MM-DD)")
            @QueryParam("date") String date,
            @Parameter(hidden = true) @HeaderParam(ViewGrantFilter.METER_HEADER) String meter) {
        LocalDate asOf = parseDate(date);
        // cached pages are answered on the I/O thread; building one (database) moves to a worker thread
        return identities.getDeferredIdentity().onItem().transformToUni(identity -> {
            boolean registered = registered(identity);
            byte[] cached = service.cachedJson(system, code, version, asOf, registered);
            if (cached != null) {
                return Uni.createFrom().item(answer(withViews(cached, meter)));
            }
            return Uni.createFrom().item(() -> answer(withViews(service.pageJson(system, code, version, asOf,
                            registered), meter)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        });
    }

    @PUT
    @Path("/common-language")
    @RolesAllowed("admin")
    @SecurityRequirement(name = "jwt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write or replace our plain-language description of a code (admin)",
            description = "Records who (the token's subject) and when.")
    @APIResponse(responseCode = "200", description = "The saved text")
    @APIResponse(responseCode = "400", description = "Text missing or too long")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such code in any loaded release")
    public CommonLanguageView putCommonLanguage(@PathParam("system") String system, @PathParam("code") String code,
                                                @Valid CommonLanguageRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body {\"text\": \"...\"} is required.");
        }
        CodeSystem codeSystem = service.system(system);
        String normalized = codeSystem.normalize(code).orElse(null);
        if (normalized == null || !service.exists(codeSystem, normalized)) {
            throw ProblemException.notFound("No " + codeSystem.label() + " code '" + code
                    + "' exists in the loaded releases.");
        }
        CodeRepository.CommonLanguage saved = repository.saveCommonLanguage(codeSystem, normalized,
                request.text().strip(), jwt.getSubject());
        // pages, search and assistant here and on every other replica
        generation.textsChanged("common-language " + codeSystem.id() + " " + normalized);
        return new CommonLanguageView(codeSystem.id(), codeSystem.display(normalized), saved.text(),
                saved.updatedBy(), saved.updatedAt());
    }

    /** Registered = a token whose plan is free or pro; no token or plan guest = guest. */
    static boolean registered(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return false;
        }
        Object plan = token.getClaim(Claims.PLAN);
        String value = plan == null ? "" : plan.toString().replace("\"", "");
        return value.equals("free") || value.equals("pro");
    }

    /**
     * The page with the caller's view meter ({@link ViewGrantFilter#METER_HEADER}, JSON) as its last member
     * {@code views}: the page itself is cached for everyone, the meter is the caller's own.
     */
    static byte[] withViews(byte[] page, String meter) {
        if (meter == null || page.length < 2 || page[page.length - 1] != '}') {
            return page;
        }
        byte[] member = (",\"views\":" + meter + "}").getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(page, page.length - 1 + member.length);
        System.arraycopy(member, 0, out, page.length - 1, member.length);
        return out;
    }

    /**
     * The page's bytes as they are; {@link Revalidated} gives them their ETag and {@code private, no-cache} (the page
     * depends on the caller's plan and meter, so no shared cache keeps it, and a browser revalidates it every time; a
     * view is counted by the gateway either way) and answers 304 when the caller holds them already.
     */
    private static Response answer(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static LocalDate parseDate(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("date", "must be a date YYYY-MM-DD");
        }
    }
}
