package com.casecoding.codes.assistant.compose;

import com.casecoding.codes.assistant.data.CodeCatalog;
import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.codes.assistant.data.Crosswalk;
import com.casecoding.codes.assistant.guideline.GuidelineLibrary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers from the CMS GEMs, with every flag explained. */
final class CrosswalkAnswers {

    private final Crosswalk crosswalk;
    private final CodeCatalog catalog;
    private final GuidelineLibrary guidelines;

    CrosswalkAnswers(Crosswalk crosswalk, CodeCatalog catalog, GuidelineLibrary guidelines) {
        this.crosswalk = crosswalk;
        this.catalog = catalog;
        this.guidelines = guidelines;
    }

    void gems(Draft d, CodeRecord r) {
        List<Crosswalk.Mapping> rows = crosswalk.from(r.system(), r.code());
        d.para("**" + CodeAnswers.named(d, r) + "** (" + r.system().label() + ")");
        if (rows.isEmpty()) {
            d.para("The loaded GEMs have **no row** for this code (the GEMs cover ICD-9-CM and ICD-10 codes as of "
                   + "FY2018; codes added later have no GEM).");
            d.citeCode(r);
            return;
        }
        Crosswalk.Mapping first = rows.get(0);
        List<Crosswalk.Mapping> singles = rows.stream().filter(m -> !m.combination() && !m.noMap()).toList();
        List<Crosswalk.Mapping> combos = rows.stream().filter(Crosswalk.Mapping::combination).toList();
        if (first.noMap()) {
            d.para("**No map:** the GEM says there is no plausible " + first.targetSystem().label()
                   + " equivalent. Code from the documentation.");
        }
        if (!singles.isEmpty()) {
            d.para(singles.size() == 1 ? "**Maps to** (" + first.targetSystem().label() + "):"
                    : "**Maps to one of " + singles.size() + " alternatives** (" + first.targetSystem().label() + "):");
            for (Crosswalk.Mapping m : singles) {
                d.bullet(target(d, m) + " " + (m.approximate() ? "(approximate: not an exact equivalent)"
                        : "(exact: identical meaning)"));
            }
            d.blank();
        }
        if (!combos.isEmpty()) {
            Map<Integer, List<Crosswalk.Mapping>> byScenario = new LinkedHashMap<>();
            combos.forEach(m -> byScenario.computeIfAbsent(m.scenario(), k -> new java.util.ArrayList<>()).add(m));
            d.para("**Combination mapping:** " + (singles.isEmpty() ? "" : "or ") + "**more than one** "
                   + first.targetSystem().label() + " code together; pick one code from each choice list of a scenario:");
            byScenario.forEach((scenario, list) -> {
                d.line("Scenario " + scenario + ":");
                Map<Integer, List<Crosswalk.Mapping>> byChoice = new LinkedHashMap<>();
                list.forEach(m -> byChoice.computeIfAbsent(m.choiceList(), k -> new java.util.ArrayList<>()).add(m));
                byChoice.forEach((choice, ms) -> d.bullet("choice list " + choice + ": "
                        + String.join(" or ", ms.stream().map(m -> target(d, m)).toList())));
            });
            d.blank();
        }
        d.para("GEM flags: approximate = not an exact equivalent, no map = no plausible target, combination = several "
               + "target codes together (scenario and choice list say which). A GEM is a starting point; code from "
               + "the documentation in the code set valid on the date of service.");
        d.cite(Draft.release("gem", "GEM " + r.system().label() + " " + r.display() + " to "
                + first.targetSystem().label(), r.system().id(), r.code(), first.release(), null));
        guidelines.byId("gems").ifPresent(d::citeGuideline);
        d.citeCode(r);
        rows.stream().filter(m -> m.target() != null && catalog.exists(m.targetSystem(), m.target())).findFirst()
                .ifPresent(m -> d.followUp("What does " + m.targetSystem().display(m.target()) + " mean?"));
    }

    private String target(Draft d, Crosswalk.Mapping m) {
        if (m.target() == null) {
            return "no target";
        }
        Optional<CodeRecord> t = catalog.lookup(m.targetSystem(), m.target());
        if (t.isEmpty()) {
            return "a code that is no longer in the loaded " + m.targetSystem().label() + " releases";
        }
        CodeRecord rec = t.get();
        return CodeAnswers.named(d, rec) + (rec.billable() ? "" : " _(header in the current release)_")
               + (rec.deleted() ? " _(deleted since)_" : "");
    }
}
