package com.casecoding.codes.search;

import com.casecoding.common.codes.CodeSystem;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.Paging;
import com.casecoding.common.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

@Path("/api/browse")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Browse", description = "Code sets as trees (chapters, blocks, sections, ranges) and any code range as a list")
public class BrowseResource {

    static final int MAX_PAGE = 500;

    public record SystemRoots(String system, String label, List<BrowseTree.Node> children) {
    }

    /** A node (or a range) and one page of the codes under it, in the list convention of every list answer. */
    public record ListingView(BrowseTree.Node node, List<BrowseTree.Node> items, long total, int limit, int offset,
                              @Schema(nullable = true, description = "Path and query of the next page, relative to "
                                      + "the API's origin; null on the last page") String next) {

        static ListingView of(BrowseTree.Listing listing, Paging paging, UriInfo uri) {
            return new ListingView(listing.node(), listing.items(), listing.total(), paging.limit(), paging.offset(),
                    ListPage.next(uri.getRequestUri(), paging, listing.items().size(), listing.total()));
        }
    }

    @Inject
    SearchEngine engine;

    @Context
    UriInfo uri;

    @Revalidated
    @Extension(name = Revalidated.EXTENSION, value = "true")
    @GET
    @Operation(summary = "Every code set with its top level (chapters, sections, letter sections, ranges)",
            description = "Any token, a guest's included. Only code sets present in the loaded data are listed, "
                    + "each with its label and top-level nodes and their child counts. 503 while the search index "
                    + "is first being built. A list answer like every other (all of them on one page unless a "
                    + "limit asks for fewer).")
    public ListPage<SystemRoots> systems(
            @BeanParam PageQuery page) {
        Paging paging = page.paging(CodeSystem.values().length, CodeSystem.values().length);
        return ListPage.slice(engine.withIndex(index -> Arrays.stream(CodeSystem.values())
                .filter(s -> index.browse().knowsSystem(s.id()))
                .map(s -> new SystemRoots(s.id(), s.label(), index.browse().roots(s.id()))).toList()), paging, uri);
    }

    @Revalidated
    @Extension(name = Revalidated.EXTENSION, value = "true")
    @GET
    @Path("/{system}")
    @Operation(summary = "The top level of one code set, or with range= (E11-E13, 36000-37799) every code in the range",
            description = "Any token, a guest's included. A range listing is in code order and paged: limit 1 to "
                    + "500 (default 100), offset from 0, with the total; without range, limit and offset are "
                    + "ignored. The code set id ignores case and hyphens (ICD-10-CM finds icd10cm).")
    @APIResponse(responseCode = "200", description = "Top level or range listing")
    @APIResponse(responseCode = "400", description = "Malformed range, limit or offset")
    @APIResponse(responseCode = "404", description = "Unknown code set")
    public Object top(@PathParam("system") String system,
                      @Parameter(description = "FROM-TO, inclusive; TO includes its children (E13 holds E13.9)")
                      @QueryParam("range") String range,
                      @BeanParam PageQuery page) {
        String sys = system(system);
        if (range == null || range.isBlank()) {
            return new SystemRoots(sys, CodeSystem.fromId(sys).orElseThrow().label(),
                    engine.withIndex(index -> index.browse().roots(sys)));
        }
        String[] ends = range.split("-");
        if (range.length() > 40 || ends.length != 2 || CodeSystem.compact(ends[0]) == null
                || CodeSystem.compact(ends[1]) == null) {
            throw ProblemException.invalidField("range", "must be FROM-TO, e.g. E11-E13 or 36000-37799");
        }
        if (CodeSystem.compact(ends[0]).compareTo(CodeSystem.compact(ends[1])) > 0) {
            throw ProblemException.invalidField("range", "must start at or before its end");
        }
        Paging paging = page.paging(100, MAX_PAGE);
        return ListingView.of(engine.withIndex(index -> index.browse().range(sys, ends[0], ends[1], paging.limit(),
                paging.offset())), paging, uri);
    }

    @Revalidated
    @Extension(name = Revalidated.EXTENSION, value = "true")
    @GET
    @Path("/{system}/{node}")
    @Operation(summary = "One node (a group id such as I00-I99, or a code in any typing) with its children",
            description = "Any token, a guest's included. The children are paged with limit 1 to 500 (default "
                    + "200) and offset from 0, with their total; each has its kind (a group such as a chapter, a "
                    + "header or a billable code) and child count. 400 for a limit or offset out of range.")
    @APIResponse(responseCode = "200", description = "The node and one page of its children")
    @APIResponse(responseCode = "404", description = "Unknown code set or node")
    public ListingView node(@PathParam("system") String system, @PathParam("node") String node,
                            @BeanParam PageQuery page) {
        String sys = system(system);
        if (node.length() > 40) {
            throw ProblemException.notFound("No such node.");
        }
        Paging paging = page.paging(200, MAX_PAGE);
        return ListingView.of(engine.withIndex(index -> index.browse().children(sys, node, paging.limit(),
                        paging.offset()))
                .orElseThrow(() -> ProblemException.notFound("No node '" + node + "' in " + sys + ".")), paging, uri);
    }

    private static String system(String system) {
        return CodeSystem.fromId(system)
                .orElseThrow(() -> ProblemException.notFound("Unknown code system '" + system + "'.")).id();
    }
}
