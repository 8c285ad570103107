package com.casecoding.codes.page.sections;

import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.codes.page.CodeRepository;
import com.casecoding.common.codes.CodeSystem;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The code across the loaded releases: added, revised (old and new title, or billable/header flag), deleted, derived by
 * comparing consecutive releases; for HCPCS also the dates and action code the CMS file carries.
 */
@ApplicationScoped
public class HistorySection implements CodePageSection {

    @Inject
    CodeRepository repository;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(String change, String version, LocalDate effectiveDate, String previousVersion,
                        String description, String oldTitle, String newTitle, String oldShortTitle,
                        String newShortTitle, Boolean oldBillable, Boolean newBillable) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record History(List<String> loadedReleases, String firstLoadedIn, List<Event> events, String note,
                          Map<String, Object> cms) {
    }

    @Override
    public String key() {
        return "history";
    }

    @Override
    public String title() {
        return "History";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public Object content(CodePageContext ctx) {
        List<CodePageContext.ReleaseRef> releases = repository.releases(ctx.release().dataset());
        List<String> loaded = releases.stream().map(r -> r.version() + " (" + r.effectiveDate() + ")").toList();
        List<CodeRepository.Found> found = repository.find(ctx.system(), ctx.code());
        String first = found.isEmpty() ? null : found.get(found.size() - 1).release().version();
        List<Event> events = new ArrayList<>();
        for (CodeRepository.Change c : repository.changes(ctx.system(), ctx.code())) {
            events.add(new Event(c.change(), c.version(), c.effectiveDate(), c.previousVersion(), describe(c),
                    c.oldLongTitle(), c.newLongTitle(), c.oldShortTitle(), c.newShortTitle(),
                    c.oldHeader() == null ? null : !c.oldHeader(), c.newHeader() == null ? null : !c.newHeader()));
        }
        String note = "Derived by comparing the loaded releases; changes before " + (releases.isEmpty() ? "them"
                : releases.get(releases.size() - 1).version()) + " are not known here.";
        if (gaps(releases)) {
            note += " Some yearly releases in between are not loaded: a change is dated by the first loaded release "
                    + "that shows it.";
        }
        Map<String, Object> cms = null;
        if (ctx.system() == CodeSystem.HCPCS || ctx.system() == CodeSystem.MODIFIER) {
            cms = ctx.entry().attrs().entrySet().stream()
                    .filter(e -> List.of("addedDate", "actionEffectiveDate", "terminationDate", "actionCode")
                            .contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            Object action = ctx.entry().attrs().get("actionCode");
            if (action != null) {
                cms.put("action", HcpcsDetailsSection.ACTIONS.getOrDefault(action.toString(), "unknown action code"));
            }
        }
        return new History(loaded, first, events, note, cms);
    }

    private static boolean gaps(List<CodePageContext.ReleaseRef> releases) {
        for (int i = 1; i < releases.size(); i++) {
            if (releases.get(i - 1).effectiveDate().minusYears(1).isAfter(releases.get(i).effectiveDate())) {
                return true;
            }
        }
        return false;
    }

    private static String describe(CodeRepository.Change c) {
        String span = c.previousVersion() + " -> " + c.version();
        return switch (c.change()) {
            case "added" -> "Added in " + c.version() + " (effective " + c.effectiveDate() + ").";
            case "deleted" -> "Deleted in " + c.version() + " (effective " + c.effectiveDate() + ").";
            default -> {
                List<String> what = new ArrayList<>();
                if (c.oldHeader() != null && !c.oldHeader().equals(c.newHeader())) {
                    what.add(Boolean.TRUE.equals(c.newHeader())
                            ? "became a header (no longer billable: more specific codes were added under it)"
                            : "became billable");
                }
                if (c.oldLongTitle() != null && !c.oldLongTitle().equals(c.newLongTitle())) {
                    what.add("title revised");
                } else if (c.oldShortTitle() != null && !c.oldShortTitle().equals(c.newShortTitle())) {
                    what.add("short title revised");
                }
                yield "Revised " + span + ": " + String.join(", ", what) + ".";
            }
        };
    }
}
