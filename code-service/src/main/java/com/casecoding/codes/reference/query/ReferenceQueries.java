package com.casecoding.codes.reference.query;

import com.casecoding.codes.page.CodeRepository;
import com.casecoding.codes.reference.DrgNumbers;
import com.casecoding.codes.reference.DrgService;
import com.casecoding.codes.reference.HccLabels;
import com.casecoding.codes.reference.RefRelease;
import com.casecoding.codes.reference.ReferenceTables;
import com.casecoding.codes.reference.page.InpatientSeveritySection;
import com.casecoding.codes.reference.page.RiskAdjustmentSection;
import com.casecoding.codes.reference.page.TabularNotesSection;
import com.casecoding.codes.reference.tabular.Excludes1Service;
import com.casecoding.codes.reference.tabular.TabularNotes;
import com.casecoding.codes.search.SearchEngine;
import com.casecoding.codes.search.SearchHit;
import com.casecoding.codes.search.SearchPage;
import com.casecoding.codes.search.SearchQuery;
import com.casecoding.common.codes.CodeSystem;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Data-backed answers for CasePilot's risk-adjustment and inpatient questions, each with the sentence to show and the
 * releases it rests on: "Does E11.9 map to an HCC in V28?" ({@link #hcc}), "Is J96.01 an MCC?" ({@link #severity}),
 * "Which HCC does CHF fall in?" ({@link #hccForCondition}), "What is DRG 470?" ({@link #drg}), the Tabular List notes
 * of a code ({@link #tabularNotes}) and Excludes1 between diagnoses ({@link #excludes1}). Every code an answer
 * names exists in the loaded ICD-10-CM release; when the data cannot answer, {@code answered} is false and the
 * sentence says why.
 */
@ApplicationScoped
public class ReferenceQueries {

    @Inject
    ReferenceTables tables;

    @Inject
    CodeRepository codes;

    @Inject
    DrgService drgs;

    @Inject
    SearchEngine search;

    @Inject
    TabularNotes tabular;

    @Inject
    Excludes1Service excludes1;

    /** The answer to one question: whether the data answered it, the sentence, the facts and their releases. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer<T>(boolean answered, String sentence, T facts, List<RefRelease> sources) {
    }

    /** A code's HCCs per loaded model (newest payment year of each, or the one model asked for). */
    public Answer<List<RiskAdjustmentSection.ModelMapping>> hcc(String typedCode, String typedModel) {
        String model = model(typedModel);
        Optional<String> code = existing(typedCode);
        if (code.isEmpty()) {
            return new Answer<>(false, unknown(typedCode), null, List.of());
        }
        String display = CodeSystem.ICD10CM.display(code.get());
        boolean header = header(code.get());
        List<RiskAdjustmentSection.ModelMapping> out = new ArrayList<>();
        for (ReferenceTables.HccTable t : tables.hccModels().values().stream().map(l -> l.get(0)).toList()) {
            if (model == null || t.model().equals(model)) {
                out.add(RiskAdjustmentSection.content(tables, code.get(), display, header).models().stream()
                        .filter(m -> m.model().equals(t.model()) && m.newestOfModel()).findFirst().orElseThrow());
            }
        }
        if (out.isEmpty()) {
            String loaded = String.join(", ", tables.hccModels().keySet());
            return new Answer<>(false, model == null ? "No CMS-HCC mapping is loaded."
                    : "No CMS-HCC " + model + " table is loaded" + (loaded.isEmpty() ? "." : "; loaded: " + loaded
                    + "."), null, List.of());
        }
        return new Answer<>(true, String.join(" ", out.stream().map(RiskAdjustmentSection.ModelMapping::statement)
                .toList()), List.copyOf(out), out.stream().map(RiskAdjustmentSection.ModelMapping::release).toList());
    }

    /** CC / MCC / neither under the loaded MS-DRG version, with the discharged-alive nuance and HAC membership. */
    public Answer<InpatientSeveritySection.Content> severity(String typedCode) {
        Optional<String> code = existing(typedCode);
        if (code.isEmpty()) {
            return new Answer<>(false, unknown(typedCode), null, List.of());
        }
        InpatientSeveritySection.Content c = InpatientSeveritySection.content(tables, CodeSystem.ICD10CM, code.get(),
                CodeSystem.ICD10CM.display(code.get()), header(code.get()), 0);
        if (c.release() == null) {
            return new Answer<>(false, c.statement(), c, List.of());
        }
        return new Answer<>(!"not-loaded".equals(c.status()), c.statement(), c, List.of(c.release()));
    }

    /** An HCC of one model with the loaded codes (found for the words) that map to it. */
    public record ConditionHcc(String model, int hcc, String label, List<String> codes) {
    }

    /**
     * The HCC(s) a condition in words falls in ("CHF", "heart failure", "type 2 diabetes"): Case2Code search over
     * the billable ICD-10-CM codes that map to an HCC in the model (lay terms and abbreviations expanded as search
     * expands them), the HCCs of the best matches ranked by how many top matches they hold.
     */
    public Answer<List<ConditionHcc>> hccForCondition(String words, String typedModel) {
        String model = model(typedModel);
        // without a model: the newest model version loaded
        Optional<ReferenceTables.HccTable> table = model == null
                ? tables.hccModels().keySet().stream().reduce((a, b) -> b).flatMap(tables::hcc)
                : tables.hcc(model);
        if (table.isEmpty()) {
            return new Answer<>(false, model == null ? "No CMS-HCC mapping is loaded."
                    : "No CMS-HCC " + model + " table is loaded.", null, List.of());
        }
        ReferenceTables.HccTable t = table.get();
        String flag = "hcc-" + t.model().toLowerCase(Locale.ROOT);
        SearchPage page;
        try {
            page = search.withIndex(i -> i.search(new SearchQuery(words, Set.of(CodeSystem.ICD10CM.id()), true,
                    false, null, 10, 0, Set.of(flag))));
        } catch (RuntimeException e) {
            return new Answer<>(false, "Search is not ready yet, so the condition cannot be looked up.", null,
                    List.of());
        }
        Map<Integer, List<String>> byHcc = new LinkedHashMap<>();
        for (SearchHit hit : page.results()) {
            for (int h : t.hccs(hit.normalizedCode())) {
                byHcc.computeIfAbsent(h, k -> new ArrayList<>()).add(hit.code());
            }
        }
        if (byHcc.isEmpty()) {
            return new Answer<>(false, "No billable ICD-10-CM code matching \"" + words + "\" maps to an HCC in "
                    + t.release().label() + ".", List.of(), List.of(t.release()));
        }
        List<ConditionHcc> ranked = byHcc.entrySet().stream()
                .sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .map(e -> new ConditionHcc(t.model(), e.getKey(), HccLabels.label(t.model(), e.getKey()).orElse(null),
                        List.copyOf(e.getValue()))).toList();
        ConditionHcc top = ranked.get(0);
        String sentence = "\"" + words + "\" falls in HCC " + top.hcc() + (top.label() == null ? ""
                : " (" + top.label() + ")") + " in " + t.release().label() + ": " + String.join(", ", top.codes())
                + (top.codes().size() == 1 ? " maps" : " map") + " to it."
                + (ranked.size() > 1 ? " Other matching codes fall in " + String.join(", ", ranked.subList(1,
                Math.min(ranked.size(), 4)).stream().map(c -> "HCC " + c.hcc()).toList()) + "." : "");
        return new Answer<>(true, sentence, ranked, List.of(t.release()));
    }

    /**
     * The Tabular List notes governing a code (its own and inherited ones, the 7th-character table) in the release
     * of the fiscal year of {@code date} (the newest loaded one when null); "not loaded" otherwise.
     */
    public Answer<TabularNotesSection.Content> tabularNotes(String typedCode, LocalDate date) {
        Optional<String> code = existing(typedCode);
        if (code.isEmpty()) {
            return new Answer<>(false, unknown(typedCode), null, List.of());
        }
        Optional<TabularNotes.TabularRelease> newest = tabular.releases().stream().findFirst();
        int fy = date != null ? TabularNotes.fiscalYear(date) : newest.map(TabularNotes.TabularRelease::fiscalYear)
                .orElse(0);
        String display = CodeSystem.ICD10CM.display(code.get());
        TabularNotesSection.Content c = TabularNotesSection.content(tabular, code.get(), display, fy);
        if (!c.loaded()) {
            return new Answer<>(false, c.note(), c, List.of());
        }
        String sentence = c.notes().isEmpty() ? "The Tabular List (" + c.release().label() + ") prints no note for "
                + display + " or above it." : c.notes().size() + " Tabular List note(s) govern " + display + " in "
                + c.release().label() + ": " + String.join("; ", c.notes().stream().map(n -> n.heading() + " (at "
                + n.at() + "): " + n.text()).toList()) + ".";
        return new Answer<>(true, sentence, c, List.of(c.release()));
    }

    /** "Can these diagnoses be coded together?" as far as Excludes1 notes go, on a date of service (null: newest). */
    public Answer<Excludes1Service.Result> excludes1(List<String> diagnoses, LocalDate date) {
        Excludes1Service.Result r = excludes1.check(diagnoses, date);
        String sentence = r.conflicts().isEmpty() ? r.message() : r.message() + " " + String.join(" ",
                r.conflicts().stream().map(Excludes1Service.Conflict::message).toList());
        return new Answer<>(r.loaded(), sentence, r, r.release() == null ? List.of() : List.of(r.release()));
    }

    /** One MS-DRG of the loaded definitions. */
    public Answer<DrgService.DrgPage> drg(String typed) {
        OptionalInt n = DrgNumbers.parse(typed);
        if (n.isEmpty()) {
            return new Answer<>(false, "'" + typed + "' is not an MS-DRG number (1-999).", null, List.of());
        }
        Optional<ReferenceTables.MsDrg> loaded = tables.msdrg();
        if (loaded.isEmpty()) {
            return new Answer<>(false, "No MS-DRG definitions are loaded.", null, List.of());
        }
        if (!loaded.get().drgs().containsKey(n.getAsInt())) {
            return new Answer<>(false, "MS-DRG " + DrgNumbers.display(n.getAsInt()) + " is not in "
                    + loaded.get().release().label() + ".", null, List.of(loaded.get().release()));
        }
        DrgService.DrgPage page = drgs.page(typed);
        return new Answer<>(true, page.statement(), page, List.of(page.release()));
    }

    /** {@code V28}, {@code v28} and {@code 28} name model V28; null or blank: every model. */
    static String model(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip().toUpperCase(Locale.ROOT);
        return t.startsWith("V") ? t : "V" + t;
    }

    private Optional<String> existing(String typed) {
        return CodeSystem.ICD10CM.normalize(typed).filter(c -> !codes.find(CodeSystem.ICD10CM, c).isEmpty());
    }

    private boolean header(String code) {
        List<CodeRepository.Found> found = codes.find(CodeSystem.ICD10CM, code);
        return !found.isEmpty() && found.get(0).entry().header();
    }

    private static String unknown(String typed) {
        return CodeSystem.ICD10CM.normalize(typed).map(c -> "No ICD-10-CM code " + CodeSystem.ICD10CM.display(c)
                + " exists in the loaded releases.").orElse("'" + typed + "' is not an ICD-10-CM code.");
    }
}
