package com.casecoding.codes.reference;

import com.casecoding.common.list.ListPage;
import com.casecoding.common.list.Paging;
import java.net.URI;
import com.casecoding.common.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** MS-DRGs of the loaded definitions (Appendix A): lists, filters and one DRG with its severity family. */
@ApplicationScoped
public class DrgService {

    public static final int MAX_LIMIT = 200;

    @Inject
    ReferenceTables tables;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrgView(String drg, @Schema(nullable = true) String mdc, @Schema(nullable = true) String mdcLabel,
                          @Schema(nullable = true) String type, String title,
                          @Schema(nullable = true) String severityLevel, String href) {
    }

    /** A page of DRGs in the list convention, with the release they come from. */
    public record DrgList(List<DrgView> items, long total, int limit, int offset,
                          @Schema(nullable = true, description = "Path and query of the next page, relative to the "
                                  + "API's origin; null on the last page") String next,
                          @Schema(nullable = true) RefRelease release) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrgPage(String drg, @Schema(nullable = true) String mdc, @Schema(nullable = true) String mdcLabel,
                          @Schema(nullable = true) String type, String title,
                          @Schema(nullable = true) String severityLevel, @Schema(nullable = true) String preMdc,
                          List<DrgView> family, @Schema(nullable = true) String statement,
                          @Schema(nullable = true) RefRelease release) {
    }

    /** The loaded definitions or a 404 saying none are. */
    private ReferenceTables.MsDrg loaded() {
        return tables.msdrg().orElseThrow(() -> ProblemException.notFound(
                "No MS-DRG definitions are loaded: import the MS-DRG Definitions Manual appendices (appendix_A.txt "
                        + "with its companions) to list DRGs."));
    }

    /** Validates the list parameters (400 naming the parameter) and lists the DRGs in number order. */
    /** The DRGs matching the filters, the page {@code paging} asks for; {@code request} is where the next page is. */
    public DrgList list(String mdc, String type, Paging paging, URI request) {
        String wantedMdc = mdc(mdc);
        Character wantedType = type(type);
        ReferenceTables.MsDrg drg = loaded();
        List<ReferenceTables.Drg> matching = new ArrayList<>();
        for (ReferenceTables.Drg d : drg.drgs().values()) {
            boolean mdcOk = wantedMdc == null || (wantedMdc.equals("pre") ? d.mdc() == null
                    : wantedMdc.equals(d.mdc()));
            if (mdcOk && (wantedType == null || wantedType.equals(d.type()))) {
                matching.add(d);
            }
        }
        List<DrgView> page = paging.slice(matching).stream().map(DrgService::view).toList();
        return new DrgList(page, matching.size(), paging.limit(), paging.offset(),
                ListPage.next(request, paging, page.size(), matching.size()), drg.release());
    }

    public DrgPage page(String typed) {
        OptionalInt number = DrgNumbers.parse(typed);
        if (number.isEmpty()) {
            throw ProblemException.invalidField("drg", "'" + typed + "' is not an MS-DRG number: 1 to 999, e.g. 470");
        }
        ReferenceTables.MsDrg drg = loaded();
        ReferenceTables.Drg d = drg.drgs().get(number.getAsInt());
        if (d == null) {
            throw ProblemException.notFound("MS-DRG " + DrgNumbers.display(number.getAsInt()) + " is not in "
                    + drg.release().label() + ": the number is unused or retired in that version.");
        }
        String base = base(d.title());
        List<DrgView> family = drg.drgs().values().stream()
                .filter(o -> o.number() != d.number() && base.equals(base(o.title()))
                        && java.util.Objects.equals(o.mdc(), d.mdc()) && Math.abs(o.number() - d.number()) <= 3)
                .map(DrgService::view).toList();
        String statement = "MS-DRG " + d.display() + " (" + d.title() + ") is a "
                + (d.type() == null ? "DRG outside the medical/surgical split" : d.typeLabel() + " DRG")
                + (d.mdc() == null ? " assigned before the MDC (pre-MDC)" : " of MDC " + d.mdc()
                + MdcLabels.label(d.mdc()).map(l -> " (" + l + ")").orElse(""))
                + " in " + drg.release().label() + ".";
        return new DrgPage(d.display(), d.mdc(), MdcLabels.label(d.mdc()).orElse(null), d.typeLabel(), d.title(),
                severityLevel(d.title()), d.mdc() == null ? "pre-MDC" : null, family, statement, drg.release());
    }

    public Optional<ReferenceTables.Drg> find(int number) {
        return tables.msdrg().map(m -> m.drgs().get(number));
    }

    static DrgView view(ReferenceTables.Drg d) {
        return new DrgView(d.display(), d.mdc(), MdcLabels.label(d.mdc()).orElse(null), d.typeLabel(), d.title(),
                severityLevel(d.title()), "/api/drgs/" + d.display());
    }

    private static final String[][] LEVELS = {
            {" WITHOUT CC/MCC", "without CC/MCC"}, {" WITHOUT MCC", "without MCC"},
            {" WITH CC/MCC", "with CC/MCC"}, {" WITH MCC", "with MCC"}, {" WITH CC", "with CC"}};

    /** The severity split a title ends with ("... WITH MCC" -> "with MCC"); null when it has none. */
    static String severityLevel(String title) {
        String t = title.toUpperCase(Locale.ROOT);
        for (String[] level : LEVELS) {
            if (t.endsWith(level[0])) {
                return level[1];
            }
        }
        return null;
    }

    /** The title without its severity split: the DRGs of one family share it. */
    static String base(String title) {
        String t = title.toUpperCase(Locale.ROOT);
        for (String[] level : LEVELS) {
            if (t.endsWith(level[0])) {
                return t.substring(0, t.length() - level[0].length());
            }
        }
        return t;
    }

    private static String mdc(String mdc) {
        if (mdc == null || mdc.isBlank()) {
            return null;
        }
        String m = mdc.strip().toLowerCase(Locale.ROOT);
        if (m.equals("pre") || m.equals("pre-mdc")) {
            return "pre";
        }
        if (m.length() <= 2 && m.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int n = Integer.parseInt(m);
            if (n >= 1 && n <= 25) {
                return String.format("%02d", n);
            }
        }
        throw ProblemException.invalidField("mdc", "must be an MDC number 01-25 or 'pre' for pre-MDC DRGs");
    }

    private static Character type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "medical", "m" -> 'M';
            case "surgical", "p", "s" -> 'P';
            default -> throw ProblemException.invalidField("type", "must be medical or surgical");
        };
    }
}
