package com.casecoding.codes.search;

import com.casecoding.common.security.Roles;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import com.casecoding.codes.catalog.CodeCatalog;
import com.casecoding.codes.release.Currency;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.Paging;
import com.casecoding.common.list.QueryValues;
import com.casecoding.common.web.Revalidated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Case2Code: one search box over every code set")
public class SearchResource {

    /** Most suggestions one type-ahead call returns. */
    static final int MAX_SUGGESTIONS = 10;

    /**
     * @param unit      the billing unit of a HCPCS drug or supply code ("per 250 mg"), from its official description
     * @param plainText our own plain-language text of the code, when there is one
     */
    public record Result(String system, String code, String normalizedCode, String title, boolean billable,
                         String status, boolean deleted, String version, String highlight, float score,
                         @Schema(nullable = true) String unit, @Schema(nullable = true) String plainText) {
    }

    /**
     * @param notices for each code set in the results whose loaded releases do not cover today (or only as a
     *                partial list): the sentence saying so, e.g. "The newest loaded ICD-10-CM release is FY2025,
     *                which ended 2025-09-30."
     */
    public record SearchResponse(String query, List<Result> items, long total, int limit, int offset,
                                 @Schema(nullable = true, description = "Path and query of the next page of results, "
                                         + "relative to the API's origin; null on the last page reachable")
                                 String next, String mode, List<SearchPage.Correction> corrections,
                                 List<SearchPage.Expansion> expansions, List<String> notices) {
    }

    public record Suggestion(String system, String code, String title, boolean billable, String status) {
    }

    /** @param terms our lexicon's terms that complete the text (brand names, shorthand, lay terms), shortest first */
    public record SuggestResponse(String query, List<Suggestion> suggestions, List<String> terms) {
    }

    @Inject
    SearchEngine engine;

    @Inject
    Event<SearchPerformed> searched;

    @Inject
    Clock clock;

    @Inject
    CodeCatalog catalog;

    /** Currency notices of the code sets named (release validity from the code catalog, today). */
    private List<String> notices(List<String> systems) {
        return systems.stream().map(s -> CodeSystem.fromId(s).orElse(null)).filter(s -> s != null)
                .map(s -> catalog.currency(s, null)).filter(c -> c.notice() != null).map(Currency::notice)
                .distinct().toList();
    }

    @Inject
    JsonWebToken jwt;

    @Context
    UriInfo uri;

    @Revalidated
    @Extension(name = Revalidated.EXTENSION, value = "true")
    @GET
    @PermitAll
    @Operation(summary = "Search codes by code (E11.9, e119, E11. for the category, 3725 as a prefix) or by words "
            + "(any order, word forms, typos, lay terms and abbreviations)",
            description = "Exact code first, then the best title matches; billable before headers when equal; "
                    + "deleted codes last and marked. Registered users' searches go to their search history. limit is 1 "
                    + "to 100 (default 20) and offset from 0, with offset + limit at most 500 (narrow the search "
                    + "to go deeper).")
    @APIResponse(responseCode = "200", description = "Results (possibly none)")
    @APIResponse(responseCode = "400", description = "Missing or too long q, unknown system, limit or offset out of range")
    @APIResponse(responseCode = "503", description = "The index is still being built after a start")
    public SearchResponse search(
            @Parameter(description = "What to find, at most 200 characters") @QueryParam("q") String q,
            @Parameter(description = "Code systems, comma-separated: icd10cm, icd10pcs, hcpcs, cpt, icd9cm, icd9pcs, modifier")
            @QueryParam("system") String system,
            @Parameter(description = "true = billable codes only, false = headers only",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("billable") String billable,
            @Parameter(description = "active, deleted or all (default all, deleted last)") @QueryParam("status") String status,
            @Parameter(description = "Release version, e.g. FY2025") @QueryParam("version") String version,
            @BeanParam PageQuery page,
            @Parameter(description = "Reference flags, comma-separated (any of them): hcc (maps to a CMS-HCC in the "
                    + "newest table of any model), hcc-v24, hcc-v28, cc, mcc (MS-DRG), hac") @QueryParam("flag")
            String flag) {
        String text = SearchParams.text(q);
        Set<String> systems = SearchParams.systems(system);
        Paging paging = page.paging(20, SearchQuery.MAX_LIMIT, SearchQuery.MAX_WINDOW);
        SearchQuery query = new SearchQuery(text, systems, QueryValues.bool("billable", billable),
                SearchParams.deleted(status), SearchParams.version(version), paging.limit(), paging.offset(),
                SearchParams.flags(flag));
        SearchPage found = engine.withIndex(index -> index.search(query));
        if (Roles.registered(jwt)) {
            searched.fire(new SearchPerformed(jwt.getSubject(), text, systems, found.total(), clock.instant()));
        }
        List<Result> results = found.results().stream().map(h -> new Result(h.system(), h.code(), h.normalizedCode(),
                h.title(), h.billable(), h.status(), "deleted".equals(h.status()), h.version(), h.highlight(),
                h.score(), h.unit(), h.plainText())).toList();
        return new SearchResponse(text, results, found.total(), paging.limit(), paging.offset(),
                ListPage.next(uri.getRequestUri(), paging, results.size(), found.total()), found.mode(), found.corrections(),
                found.expansions(), notices(results.stream().map(Result::system).distinct().toList()));
    }

    @GET
    @Path("/suggest")
    @PermitAll
    @Operation(summary = "Type-ahead: a few codes for what has been typed so far (last word as a prefix)",
            description = "Any token, a guest's included. Active codes only, limit 1 to 10 (default 8), in the code "
                    + "sets named by system (comma-separated, default all), plus up to 5 lexicon terms that complete "
                    + "the text; q is at most 200 characters. Not written to the search history.")
    @APIResponse(responseCode = "200", description = "Suggestions (possibly none)")
    @APIResponse(responseCode = "400", description = "Missing or too long q, unknown system, limit out of range")
    public SuggestResponse suggest(@QueryParam("q") String q, @QueryParam("system") String system,
                                   @Parameter(description = "1-10, default 8",
                                           schema = @Schema(type = SchemaType.INTEGER))
                                   @QueryParam("limit") String limit) {
        String text = SearchParams.text(q);
        Set<String> systems = SearchParams.systems(system);
        int lim = QueryValues.integer("limit", limit, 8, 1, MAX_SUGGESTIONS);
        SearchQuery query = new SearchQuery(text, systems, null, Boolean.FALSE, null, lim, 0);
        record Both(SearchPage page, List<String> terms) {
        }
        Both both = engine.withIndex(index -> new Both(index.suggest(query), index.suggestTerms(text, 5)));
        return new SuggestResponse(text, both.page().results().stream()
                .map(h -> new Suggestion(h.system(), h.code(), h.title(), h.billable(), h.status())).toList(),
                both.terms());
    }

    @GET
    @Path("/status")
    @PermitAll
    @Operation(summary = "State of the search index: ready, size, build time, sources",
            description = "Any token, a guest's included. Says whether an index is in service and whether a build "
                    + "is running, with the document count, build duration, memory size, when it was built, the "
                    + "sources with their code counts and the last build error, if any.")
    public SearchEngine.Status status() {
        return engine.status();
    }

    @POST
    @Path("/index")
    @RolesAllowed("admin")
    @Operation(summary = "Rebuild the search index now (admins; it is rebuilt after every import anyway)",
            description = "Admin role only. The build runs in the background and the answer is the index status at "
                    + "once; the current index keeps serving until the new one replaces it, and stays if the build "
                    + "fails (lastError says why). A request during a build queues one more build.")
    @APIResponse(responseCode = "202", description = "Rebuild scheduled")
    public Response rebuild() {
        engine.requestRebuild("admin request");
        return Response.accepted(engine.status()).build();
    }
}
