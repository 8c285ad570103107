package com.casecoding.codes.page.sections;

import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.codes.page.CodeRepository;
import com.casecoding.codes.release.LoadedRelease;
import com.casecoding.codes.release.ReleaseCatalog;
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

    @Inject
    ReleaseCatalog releases;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(String change, String version, LocalDate effectiveDate, String previousVersion,
                        String description, String oldTitle, String newTitle, String oldShortTitle,
                        String newShortTitle, Boolean oldBillable, Boolean newBillable) {
    }

    /** What the official fields and the releases say about the code's validity (the catalog's view). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Validity(java.time.LocalDate since, String sinceBasis, java.time.LocalDate until,
                           String untilBasis) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record History(List<String> loadedReleases, String firstLoadedIn, List<Event> events, String note,
                          Validity validity, Map<String, Object> cms) {
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
        List<LoadedRelease> releases = new ArrayList<>(this.releases.releases(ctx.release().dataset()));
        java.util.Collections.reverse(releases); // newest first
        List<String> loaded = releases.stream().map(r -> r.version() + " (" + r.period() + (r.complete() ? ""
                : ", " + com.casecoding.codes.release.CodeKinds.describe(r.completeFor())) + ")").toList();
        List<CodeRepository.Found> found = repository.find(ctx.system(), ctx.code()).stream()
                .filter(f -> f.release().dataset().equals(ctx.release().dataset())).toList();
        String first = found.isEmpty() ? null : found.get(found.size() - 1).release().version();
        List<Event> events = new ArrayList<>();
        for (CodeRepository.Change c : repository.changes(ctx.system(), ctx.code())) {
            events.add(new Event(c.change(), c.version(), c.effectiveDate(), c.previousVersion(), describe(c),
                    c.oldLongTitle(), c.newLongTitle(), c.oldShortTitle(), c.newShortTitle(),
                    c.oldHeader() == null ? null : !c.oldHeader(), c.newHeader() == null ? null : !c.newHeader()));
        }
        List<LoadedRelease> whole = releases.stream().filter(LoadedRelease::complete).toList();
        String note = "Derived by comparing the loaded releases that list their whole code set; changes before "
                + (whole.isEmpty() ? "them" : whole.get(whole.size() - 1).version()) + " are not known here.";
        if (whole.size() < releases.size()) {
            note += " Partial lists (such as the CPT numbers the CMS files name) are not compared.";
        }
        if (gaps(whole)) {
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
        Validity validity = ctx.status() == null || ctx.status().since() == null && ctx.status().until() == null
                ? null : new Validity(ctx.status().since(), ctx.status().sinceBasis(), ctx.status().until(),
                ctx.status().untilBasis());
        return new History(loaded, first, events, note, validity, cms);
    }

    /** Releases newest first; true when one ends more than a day before the next (newer) one begins. */
    private static boolean gaps(List<LoadedRelease> newestFirst) {
        for (int i = 1; i < newestFirst.size(); i++) {
            java.time.LocalDate end = newestFirst.get(i).period().to();
            if (end != null && end.plusDays(1).isBefore(newestFirst.get(i - 1).period().from())) {
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
