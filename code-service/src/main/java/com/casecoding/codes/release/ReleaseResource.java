package com.casecoding.codes.release;

import com.casecoding.common.codes.CodeSystem;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.Paging;
import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.web.Revalidated;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Code sets", description = "Which code sets are served, which official releases are loaded and which "
        + "one is in effect on a date")
public class ReleaseResource {

    @Inject
    ReleaseCatalog releases;

    @Context
    UriInfo uri;

    public record CodeSystemView(String id, String label, String description) {
    }

    /**
     * @param current  this release is the one of its dataset in effect on the date asked (today by default)
     * @param coverage {@code whole} (lists the whole code set), {@code partial} (a code missing from it may still be
     *                 valid), or the kinds of code it lists in full
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReleaseView(String dataset, String label, String version,
                              @Schema(nullable = true) LocalDate effectiveDate,
                              @Schema(nullable = true) LocalDate validFrom, @Schema(nullable = true) LocalDate validTo,
                              @Schema(nullable = true) String calendar, boolean current,
                              @Schema(nullable = true) String coverage, boolean derived,
                              @Schema(nullable = true) String sourceFile, @Schema(nullable = true) String sourceSha256,
                              long rowCount, Instant importedAt, @Schema(nullable = true) String note) {
    }

    @Revalidated
    @Extension(name = Revalidated.EXTENSION, value = "true")
    @GET
    @Path("/code-systems")
    @Operation(summary = "The code sets this platform serves, with the id used in URLs",
            description = "Any token, a guest's included. A fixed list of seven code sets (ICD-10-CM, ICD-10-PCS, "
                    + "HCPCS Level II, CPT, ICD-9-CM diagnoses and procedures, modifiers), each with its label and "
                    + "a line on its code format. It does not depend on the loaded data: GET /api/releases does. limit "
                    + "1 to 20 (default 20: all of them), offset from 0.")
    public ListPage<CodeSystemView> codeSystems(
            @BeanParam PageQuery page) {
        return ListPage.slice(Arrays.stream(CodeSystem.values())
                .map(s -> new CodeSystemView(s.id(), s.label(), s.description())).toList(),
                page.paging(20, 20), uri);
    }

    @Revalidated
    @Extension(name = Revalidated.EXTENSION, value = "true")
    @GET
    @Path("/releases")
    @Operation(summary = "Every loaded release with its validity period, oldest first within each dataset",
            description = "'current' is true for the release of its dataset in effect on the date asked (today by "
                    + "default): a release whose period has ended is never current. GET /api/releases/currency "
                    + "says per dataset whether any loaded release covers the date. limit 1 to 1000 (default 1000), "
                    + "offset from 0.")
    public ListPage<ReleaseView> releases(
            @Parameter(description = "The date 'current' refers to (YYYY-MM-DD); default today")
            @QueryParam("date") String date,
            @BeanParam PageQuery page) {
        LocalDate asOf = date(date);
        Paging paging = page.paging(1000, 1000);
        return ListPage.slice(releases.all().stream().map(r -> view(r, releases.inEffect(r.dataset(), asOf)
                .map(e -> e.id() == r.id()).orElse(false))).toList(), paging, uri);
    }

    @Revalidated
    @Extension(name = Revalidated.EXTENSION, value = "true")
    @GET
    @Path("/releases/currency")
    @Operation(summary = "Per dataset: the release in effect on the date, or why none is (stale, not yet, gap)",
            description = "state 'stale' = every loaded release of the dataset ended before the date: a newer one "
                    + "should be imported. 'notice' is the sentence pages, claim checks and the assistant show. limit "
                    + "1 to 100 (default 100: every dataset), offset from 0.")
    public ListPage<Currency> currency(
            @Parameter(description = "YYYY-MM-DD; default today") @QueryParam("date") String date,
            @BeanParam PageQuery page) {
        LocalDate asOf = date(date);
        Paging paging = page.paging(100, 100);
        return ListPage.slice(releases.datasets().stream().map(d -> releases.currency(d, asOf)).toList(), paging, uri);
    }

    static ReleaseView view(LoadedRelease r, boolean current) {
        String coverage = com.casecoding.codes.release.CodeKinds.describe(r.completeFor());
        return new ReleaseView(r.dataset(), ReleaseCalendar.label(r.dataset()), r.version(), r.effectiveDate(),
                r.period().from(), r.period().to(), ReleaseCalendar.basis(r.dataset()).description(), current,
                coverage, r.derived(), r.sourceFile(), r.sourceSha256(), r.rowCount(), r.importedAt(), r.note());
    }

    private LocalDate date(String date) {
        if (date == null || date.isBlank()) {
            return releases.today();
        }
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("date", "must be a date YYYY-MM-DD, e.g. 2026-04-15");
        }
    }
}
