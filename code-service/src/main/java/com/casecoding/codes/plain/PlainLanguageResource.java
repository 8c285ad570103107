package com.casecoding.codes.plain;

import com.casecoding.codes.page.Chapters;
import com.casecoding.codes.page.CodePageService;
import com.casecoding.codes.release.DataGeneration;
import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.Paging;
import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.security.Roles;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The editorial workflow of plain-language texts (role admin): what is missing, submit, approve, versions. */
@Path("/api/admin/plain-language")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "jwt")
public class PlainLanguageResource {

    @Inject
    PlainLanguage plainLanguage;

    @Inject
    PlainLanguageRepository repository;

    @Inject
    EditorialTexts editorial;

    @Inject
    CodePageService pages;

    @Inject
    JsonWebToken jwt;

    @Inject
    Clock clock;

    @Inject
    DataGeneration generation;

    public record SubmitRequest(@NotBlank @Size(max = EditorialParser.MAX_CHARS) String text) {
    }

    /** A list page of the codes without text (the envelope of every list), with what the list is of. */
    public record MissingList(String system, @Schema(nullable = true) String chapter, String frequencyBasis,
                              List<PlainLanguageRepository.Missing> items, long total, int limit, int offset,
                              @Schema(nullable = true, description = "Path and query of the next page; null on "
                                      + "the last") String next) {
    }

    public record CodeTexts(String system, String code, PlainText current,
                            List<PlainLanguageRepository.Version> versions,
                            List<PlainLanguageRepository.Submission> submissions) {
    }

    static final String FREQUENCY_BASIS = "favorites + notes + searches for the code itself (code-service's own "
            + "per-code signals; page views are counted by the gateway and not read here)";

    @GET
    @Path("/missing")
    @Operation(summary = "Codes with neither an admin nor an editorial text, most used first (admin)",
            description = "Admin role only. system is required; chapter (an ICD-10-CM chapter number) is for icd10cm "
                    + "only; limit 1 to 1000 (default 100), offset from 0. Use counts favorites, notes and searches "
                    + "for the code itself, not page views; 400 names a missing or invalid parameter. A list page: items, "
                    + "total, limit, offset and next.")
    public MissingList missing(@QueryParam("system") String systemId, @QueryParam("chapter") String chapter,
                               @BeanParam PageQuery page, @Context UriInfo uri) {
        if (systemId == null || systemId.isBlank()) {
            throw ProblemException.invalidField("system", "required: a code set id such as icd10cm");
        }
        CodeSystem system = CodeSystem.fromId(systemId).orElseThrow(() ->
                ProblemException.invalidField("system", "unknown code set '" + systemId + "'"));
        Paging paging = page.paging(100, 1000);
        String[] categories = null;
        if (chapter != null && !chapter.isBlank()) {
            if (system != CodeSystem.ICD10CM) {
                throw ProblemException.invalidField("chapter", "chapters exist for icd10cm only");
            }
            Chapters.Chapter c = Chapters.ICD10CM.stream().filter(ch -> ch.number().equals(chapter.strip()))
                    .findFirst().orElseThrow(() -> ProblemException.invalidField("chapter",
                            "an ICD-10-CM chapter number, 1 to " + Chapters.ICD10CM.size()));
            categories = new String[]{c.first(), c.last()};
        }
        Set<String> written = editorial.all().keySet().stream().filter(k -> k.system() == system)
                .map(CodeKey::code).collect(Collectors.toSet());
        PlainLanguageRepository.MissingPage missing = repository.missing(system, categories, written, paging);
        return new MissingList(system.id(), chapter, FREQUENCY_BASIS, missing.items(), missing.total(),
                paging.limit(), paging.offset(), ListPage.next(uri.getRequestUri(), paging, missing.items().size(),
                        missing.total()));
    }

    @GET
    @Path("/{system}/{code}")
    @Operation(summary = "A code's current text (any source), its approved versions and its submissions (admin)",
            description = "Admin role only. The current text is the approved admin text, else the editorial one, "
                    + "else the one built from the code's structure; versions and submissions come newest first. "
                    + "404 for an unknown code set or a code in no loaded release.")
    public CodeTexts code(@PathParam("system") String systemId, @PathParam("code") String typed) {
        CodeKey key = existing(systemId, typed);
        return new CodeTexts(key.system().id(), key.system().display(key.code()),
                plainLanguage.text(key.system(), key.code()).orElse(null),
                repository.versions(key.system(), key.code()), repository.submissions(key.system(), key.code()));
    }

    @GET
    @Path("/{system}/{code}/versions")
    @Operation(summary = "Every approved version of a code's admin text, newest first (admin)",
            description = "Admin role only. Each version with its number, text, author, reviewer and approval time; "
                    + "empty when no admin text was ever approved. 404 for an unknown code set or a code in no "
                    + "loaded release. A list answer: limit (default 100, at most 1000) and offset page it.")
    public ListPage<PlainLanguageRepository.Version> versions(
            @PathParam("system") String systemId, @PathParam("code") String typed,
            @BeanParam PageQuery page, @Context UriInfo uri) {
        Paging paging = page.paging(100, 1000);
        CodeKey key = existing(systemId, typed);
        return ListPage.slice(repository.versions(key.system(), key.code()), paging, uri);
    }

    @POST
    @Path("/{system}/{code}/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a text for a code; it waits for an approval (admin)",
            description = "Admin role only. The text (at most 3000 characters) is stored as a pending submission by "
                    + "the caller and changes nothing users see until approved; 201 with Location naming it. 400 "
                    + "for a missing, blank or too long text; 404 for an unknown code set or code.")
    public Response submit(@PathParam("system") String systemId, @PathParam("code") String typed,
                           @Valid SubmitRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body {\"text\": \"...\"} is required.");
        }
        CodeKey key = existing(systemId, typed);
        PlainLanguageRepository.Submission s = repository.submit(key.system(), key.code(), request.text().strip(),
                jwt.getSubject(), clock.instant());
        return Response.created(uri.getBaseUriBuilder().path("/api/admin/plain-language/submissions/{id}")
                .build(s.id())).entity(s).build();
    }

    @GET
    @Path("/submissions/{id}")
    @Operation(summary = "One submission (admin)",
            description = "Admin role only. The submission's code, text, author and time, its status (pending or "
                    + "approved) and, once approved, the reviewer, review time and version number. 404 when no "
                    + "submission has this id.")
    public PlainLanguageRepository.Submission submission(@PathParam("id") long id) {
        PlainLanguageRepository.Submission s = repository.submission(id);
        if (s == null) {
            throw ProblemException.notFound("No submission " + id + ".");
        }
        return s;
    }

    @POST
    @Path("/submissions/{id}/approve")
    @Operation(summary = "Approve a pending submission: it becomes the current text, the previous one stays a version (admin)",
            description = "Admin role only. The caller is recorded as reviewer and the text gets the next version "
                    + "number; code pages, search and CasePilot pick it up on every replica. 404 when no submission "
                    + "has this id; 409 when it is already approved.")
    public PlainLanguageRepository.Submission approve(@PathParam("id") long id) {
        PlainLanguageRepository.Submission s = submission(id);
        PlainLanguageRepository.Submission approved = repository.approve(id, jwt.getSubject(), clock.instant());
        if (approved == null) {
            throw ProblemException.conflict("Submission " + id + " is already " + s.status()
                    + " (version " + s.version() + ").");
        }
        // texts, pages, search and CasePilot here and on every other replica (release.DataGeneration)
        generation.textsChanged("plain-language " + approved.system() + " " + approved.code() + " version "
                + approved.version());
        return approved;
    }

    private CodeKey existing(String systemId, String typed) {
        CodeSystem system = pages.system(systemId);
        String code = system.normalize(typed).orElse(null);
        if (code == null || !pages.exists(system, code)) {
            throw ProblemException.notFound("No " + system.label() + " code '" + typed
                    + "' exists in the loaded releases.");
        }
        return new CodeKey(system, code);
    }
}
