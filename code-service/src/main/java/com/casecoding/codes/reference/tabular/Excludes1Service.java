package com.casecoding.codes.reference.tabular;

import com.casecoding.codes.reference.RefRelease;
import com.casecoding.common.codes.CodeSystem;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Excludes1 between two diagnoses", for claim checks: an Excludes1 note means the two conditions are never coded
 * together (the excluded code cannot be reported with the code the note is on). A note applies to the code it is
 * printed at and everything below it (category, section, chapter). The Tabular List in effect on the date of service
 * decides; without one loaded the answer says so instead of guessing.
 */
@ApplicationScoped
public class Excludes1Service {

    @Inject
    TabularNotes tabular;

    /** Two diagnoses of a claim that an Excludes1 note forbids together. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conflict(String code, String excludedCode, String noteAt, String noteAtTitle, String note,
                           String message, String fix) {
    }

    /**
     * @param loaded    false when no Tabular List is loaded for the date: nothing can be said
     * @param release   the Tabular List checked against
     * @param conflicts each forbidden pair once (the note's code first)
     * @param message   what the check did, in words
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(boolean loaded, RefRelease release, List<Conflict> conflicts, String message) {
    }

    /**
     * Checks every pair of the claim's ICD-10-CM diagnoses (as typed: with or without the dot; codes that are not
     * ICD-10-CM are ignored here, the claim check reports them). {@code dateOfService} picks the Tabular List.
     */
    public Result check(List<String> diagnoses, LocalDate dateOfService) {
        Optional<TabularNotes.TabularRelease> release = dateOfService == null ? tabular.releases().stream().findFirst()
                : tabular.inEffectOn(dateOfService);
        if (release.isEmpty()) {
            return new Result(false, null, List.of(), "No ICD-10-CM Tabular List is loaded for "
                    + (dateOfService == null ? "any date" : "the date of service " + dateOfService + " (fiscal year "
                    + TabularNotes.fiscalYear(dateOfService) + ")") + ", so Excludes1 notes cannot be checked.");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String d : diagnoses == null ? List.<String>of() : diagnoses) {
            CodeSystem.ICD10CM.normalize(d).ifPresent(codes::add);
        }
        List<String> list = List.copyOf(codes);
        List<Conflict> conflicts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            for (int j = 0; j < list.size(); j++) {
                if (i != j) {
                    between(release.get(), list.get(i), list.get(j)).ifPresent(c -> {
                        boolean reverseFound = conflicts.stream().anyMatch(o -> o.code().equals(c.excludedCode())
                                && o.excludedCode().equals(c.code()));
                        if (!reverseFound) {
                            conflicts.add(c);
                        }
                    });
                }
            }
        }
        return new Result(true, release.get().ref(), List.copyOf(conflicts), conflicts.isEmpty()
                ? "No Excludes1 note of " + release.get().ref().label() + " forbids these diagnoses together."
                : conflicts.size() + " pair(s) of diagnoses are excluded from each other by an Excludes1 note of "
                + release.get().ref().label() + ".");
    }

    /** The Excludes1 note on {@code code}'s chain that names {@code other}, if any. */
    public Optional<Conflict> between(TabularNotes.TabularRelease release, String code, String other) {
        if (code.equals(other)) {
            return Optional.empty();
        }
        Optional<TabularNotes.Chain> chain = tabular.chain(release, code);
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        for (TabularNotes.Node node : chain.get().nodes()) {
            // a note at a node that is itself an ancestor of the other code does not exclude it
            if (node.kind().equals("diag") && other.startsWith(node.name())) {
                continue;
            }
            for (TabularNotes.Note note : node.notes()) {
                if (note.kind() != TabularNoteKind.EXCLUDES1) {
                    continue;
                }
                for (CodeRange range : note.codes()) {
                    if (range.contains(other)) {
                        String a = CodeSystem.ICD10CM.display(code);
                        String b = CodeSystem.ICD10CM.display(other);
                        return Optional.of(new Conflict(a, b, node.display(), node.title(), note.text(),
                                "Excludes1 at " + node.display() + " (" + node.title() + "): \"" + note.text()
                                        + "\" — " + a + " and " + b + " are not coded together.",
                                "Keep the one diagnosis the record supports and remove the other (an Excludes1 "
                                        + "pair may be coded together only when the conditions are unrelated, "
                                        + "as the ICD-10-CM guidelines allow)."));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
