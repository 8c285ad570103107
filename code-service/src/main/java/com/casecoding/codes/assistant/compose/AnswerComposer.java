package com.casecoding.codes.assistant.compose;

import com.casecoding.codes.assistant.data.CodeCatalog;
import com.casecoding.codes.assistant.data.CodeHistory;
import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.codes.assistant.data.CodeSearch;
import com.casecoding.codes.assistant.data.Crosswalk;
import com.casecoding.codes.assistant.data.EditFacts;
import com.casecoding.codes.assistant.data.PageAccess;
import com.casecoding.codes.assistant.data.ReferenceFacts;
import com.casecoding.codes.assistant.guideline.GuidelineLibrary;
import com.casecoding.codes.assistant.guideline.GuidelineNote;
import com.casecoding.codes.assistant.understand.CodeMention;
import com.casecoding.codes.assistant.understand.Intent;
import com.casecoding.codes.assistant.understand.Question;
import com.casecoding.common.codes.CodeSystem;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Writes the grounded answer for a classified question from the loaded data and the guideline notes. Every fact in
 * the answer comes from a port call and is cited; when the data does not hold the answer, the answer says so and
 * points to where to look.
 */
public final class AnswerComposer {

    private final CodeCatalog catalog;
    private final CodeResolver resolver;
    private final GuidelineLibrary guidelines;
    private final CodeAnswers codeAnswers;
    private final EditAnswers editAnswers;
    private final CrosswalkAnswers crosswalkAnswers;
    private final ModifierAnswers modifierAnswers;
    private final ReferenceFacts references;
    private final CodeHistory history;
    private final Clock clock;

    public AnswerComposer(CodeCatalog catalog, CodeSearch search, EditFacts edits, CodeHistory history,
                          Crosswalk crosswalk, GuidelineLibrary guidelines, Clock clock) {
        this(catalog, search, edits, history, crosswalk, guidelines, clock, ReferenceFacts.NONE);
    }

    public AnswerComposer(CodeCatalog catalog, CodeSearch search, EditFacts edits, CodeHistory history,
                          Crosswalk crosswalk, GuidelineLibrary guidelines, Clock clock, ReferenceFacts references) {
        this.references = references;
        this.catalog = catalog;
        this.resolver = new CodeResolver(catalog);
        this.guidelines = guidelines;
        this.codeAnswers = new CodeAnswers(catalog, search, history, edits);
        this.editAnswers = new EditAnswers(edits, guidelines, clock);
        this.crosswalkAnswers = new CrosswalkAnswers(crosswalk, catalog, guidelines);
        this.modifierAnswers = new ModifierAnswers(catalog, guidelines);
        this.history = history;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    public Draft compose(Question q) {
        return compose(q, f -> true);
    }

    /** {@code shown}: the facets of the code page the asker may see; a locked facet is never answered. */
    public Draft compose(Question q, java.util.function.Predicate<PageAccess.Facet> shown) {
        Draft d = new Draft(q.intent(), shown);
        Optional<PageAccess.Facet> needs = facetOf(q.intent());
        if (needs.isPresent() && !shown.test(needs.get())) {
            return lockedAnswer(d, q);
        }
        List<CodeSystem> preferred = switch (q.intent()) {
            case PTP, MUE, ADD_ON, GLOBAL, FEE, UNITS -> List.of(CodeSystem.HCPCS, CodeSystem.CPT);
            case CROSSWALK -> List.of(CodeSystem.ICD9CM, CodeSystem.ICD9PCS);
            default -> List.of();
        };
        Optional<CodeSystem> hint = q.intent() == Intent.CROSSWALK ? crosswalkHint(q) : q.systemHint();
        CodeResolver.Resolved codes = resolver.resolve(q.mentions(), hint, preferred);
        if (!codes.missing().isEmpty() && codes.found().isEmpty() && q.intent() != Intent.SEARCH
                && q.intent() != Intent.GUIDELINE && q.intent() != Intent.MODIFIER && q.intent() != Intent.RISK) {
            return notInData(d, codes.missing(), q);
        }
        List<CodeRecord> found = codes.found();
        switch (q.intent()) {
            case CODE_INFO -> info(d, q, hint);
            case BILLABLE -> found.forEach(r -> codeAnswers.billable(d, r));
            case VALID_ON -> found.forEach(r -> codeAnswers.validOn(d, r, q.date().orElse(today())));
            case MODIFIER -> modifierAnswers.modifiers(d, q, found);
            case RISK -> risk(d, q, found);
            case UNITS -> found.forEach(r -> editAnswers.units(d, r, q.dose().orElseThrow()));
            case CHANGES -> found.forEach(r -> codeAnswers.changes(d, r, q.fiscalYear()));
            case SEARCH -> codeAnswers.search(d, q);
            case PTP -> editAnswers.ptp(d, found);
            case MUE -> found.forEach(r -> editAnswers.mue(d, r));
            case ADD_ON -> found.forEach(r -> editAnswers.addOn(d, r));
            case GLOBAL -> found.forEach(r -> editAnswers.global(d, r));
            case FEE -> found.forEach(r -> editAnswers.fee(d, r, q.text()));
            case CROSSWALK -> found.forEach(r -> crosswalkAnswers.gems(d, r));
            case GUIDELINE -> guideline(d, q, found);
            case UNKNOWN -> unknown(d);
        }
        if (!codes.missing().isEmpty()) {
            d.para("_Some of the codes in your question are not in the loaded data, so they are not discussed here._");
        }
        return d;
    }

    private static final java.util.regex.Pattern MODEL = java.util.regex.Pattern.compile("(?i)\\bv\\s?(2[0-9])\\b");
    private static final java.util.regex.Pattern SEVERITY_WORDS = java.util.regex.Pattern.compile(
            "(?i)\\bmccs?\\b|\\bccs?\\b|comorbidit|major complication|severity|\\bdrgs?\\b");
    private static final java.util.regex.Pattern HCC_WORDS = java.util.regex.Pattern.compile("(?i)\\bhccs?\\b|risk adjust");

    /** HCC, CC/MCC and MS-DRG answers from the reference tables, locked for guests as on the code page. */
    private void risk(Draft d, Question q, List<CodeRecord> found) {
        String model = java.util.Optional.of(MODEL.matcher(q.text())).filter(java.util.regex.Matcher::find)
                .map(m -> "V" + m.group(1)).orElse(null);
        boolean hcc = HCC_WORDS.matcher(q.text()).find();
        boolean severity = SEVERITY_WORDS.matcher(q.text()).find();
        java.util.regex.Matcher drg = com.casecoding.codes.assistant.understand.IntentClassifier.DRG_NUMBER.matcher(q.text());
        List<CodeRecord> diagnoses = found.stream().filter(r -> r.system() == CodeSystem.ICD10CM).toList();
        PageAccess.Facet facet = hcc ? PageAccess.Facet.RISK_ADJUSTMENT : PageAccess.Facet.INPATIENT_SEVERITY;
        if (!d.shows(facet)) {
            d.locked(hcc ? "Risk adjustment (CMS-HCC)" : "Inpatient severity (MS-DRG CC/MCC)");
            diagnoses.forEach(d::citeCode);
            return;
        }
        if (diagnoses.isEmpty() && drg.find()) {
            fact(d, "drg", "MS-DRG " + drg.group(1), null, references.drg(drg.group(1)));
        } else if (diagnoses.isEmpty() && hcc) {
            String words = q.searchWords().replaceAll("(?i)\\b(hccs?|v\\s?2[0-9]|which|what|does|falls?|in|map|maps|to|model|risk|adjustment|category)\\b", " ")
                    .replaceAll("\\s+", " ").trim();
            if (words.isEmpty()) {
                d.para("Name the condition or the ICD-10-CM code, for example \"Does E11.9 map to an HCC in V28?\".");
            } else {
                fact(d, "hcc", "CMS-HCC for \"" + words + "\"", null, references.hccForCondition(words, model));
            }
        }
        for (CodeRecord r : diagnoses) {
            if (hcc || !severity) {
                fact(d, "hcc", "CMS-HCC of " + r.display(), r, references.hcc(r.display(), model));
            }
            if (severity) {
                fact(d, "severity", "MS-DRG CC/MCC of " + r.display(), r, references.severity(r.display()));
            }
            d.citeCode(r);
        }
        found.stream().filter(r -> r.system() != CodeSystem.ICD10CM).forEach(r -> d.para(CodeAnswers.tick(r.display())
                + " is a " + r.system().label() + " code: HCCs and CC/MCC lists hold ICD-10-CM diagnosis codes only."));
        diagnoses.stream().findFirst().ifPresent(r -> {
            d.followUp("Is " + r.display() + " an MCC?");
            d.followUp("Does " + r.display() + " map to an HCC in V28?");
        });
    }

    private static void fact(Draft d, String kind, String label, CodeRecord r, ReferenceFacts.Fact f) {
        d.para((f.answered() ? "" : "_") + f.sentence() + (f.answered() ? "" : "_"));
        for (com.casecoding.codes.assistant.data.ReleaseRef s : f.sources()) {
            d.cite(Draft.release(kind, label, r == null ? null : r.system().id(), r == null ? null : r.code(), s, null));
        }
    }

    /** The code page section an intent's answer comes from (empty: the guest sections, official and plain text). */
    private static Optional<PageAccess.Facet> facetOf(Intent intent) {
        return Optional.ofNullable(switch (intent) {
            case FEE, GLOBAL -> PageAccess.Facet.PAYMENT;
            case MUE, UNITS -> PageAccess.Facet.UNIT_LIMITS;
            case ADD_ON -> PageAccess.Facet.ADD_ON;
            case CROSSWALK -> PageAccess.Facet.CROSSWALK;
            case CHANGES -> PageAccess.Facet.HISTORY;
            default -> null;
        });
    }

    private Draft lockedAnswer(Draft d, Question q) {
        String what = switch (q.intent()) {
            case FEE, GLOBAL -> "Medicare payment (fees, RVUs, global period)";
            case MUE, UNITS -> "Unit limits (MUE) and units";
            case ADD_ON -> "Add-on code rules";
            case CROSSWALK -> "The ICD-9 / ICD-10 crosswalk";
            default -> "The code history";
        };
        d.locked(what);
        CodeResolver.Resolved codes = resolver.resolve(q.mentions(), q.systemHint(), List.of());
        for (CodeRecord r : codes.found()) {
            d.para("What you can see: " + CodeAnswers.named(d, r) + " (" + r.system().label() + "). Ask \"What is "
                   + r.display() + "?\" for its official text and plain-language description.");
            d.citeCode(r);
        }
        return d;
    }

    /** Meaning of each code; a token that two sets hold (G0439) is shown in both, the likelier first. */
    private void info(Draft d, Question q, Optional<CodeSystem> hint) {
        java.util.Set<String> shown = new java.util.HashSet<>();
        List<CodeRecord> all = new java.util.ArrayList<>();
        for (CodeMention m : q.mentions()) {
            for (CodeRecord r : resolver.resolveAll(m, hint, List.of())) {
                if (shown.add(r.system().id() + ":" + r.code())) {
                    all.add(r);
                }
            }
        }
        for (int i = 0; i < all.size(); i++) {
            CodeRecord r = all.get(i);
            boolean sameToken = i > 0 && all.get(i - 1).code().equals(r.code());
            if (sameToken) {
                d.para("_The same characters are also a " + r.system().label() + " code:_");
            }
            codeAnswers.info(d, r);
        }
        long em = all.stream().filter(r -> r.system() == CodeSystem.CPT && r.code().startsWith("992")).count();
        if (all.size() >= 2 && em >= 2) {
            guidelines.byId("em-levels").ifPresent(n -> {
                d.para("**" + n.title() + "** (how the levels differ):");
                d.para(n.body());
                d.citeGuideline(n);
            });
        }
    }

    private static Optional<CodeSystem> crosswalkHint(Question q) {
        String t = q.text().toLowerCase(java.util.Locale.ROOT);
        boolean fromTen = t.matches("(?s).*icd[- ]?10.*\\b(to|in|into)\\b.*icd[- ]?9.*");
        return Optional.of(fromTen ? CodeSystem.ICD10CM : CodeSystem.ICD9CM);
    }

    private Draft notInData(Draft d, List<CodeMention> missing, Question q) {
        d.para(missing.size() == 1
                ? "The code you asked about is **not in the loaded data**: none of the loaded code sets (ICD-10-CM, "
                  + "ICD-10-PCS, HCPCS Level II, ICD-9-CM) or CMS tables (fee schedule, MUE, add-on edits) has it."
                : "The codes you asked about are **not in the loaded data**.");
        d.para("Check the code for a typo (ICD-10-CM codes start with a letter, CPT codes are 5 characters, "
               + "ICD-10-PCS codes are 7). If it is a CPT code, its official descriptor is in the AMA CPT book; if it "
               + "is a new code, it may belong to a release that is not loaded yet (see the releases list).");
        // the code sets the missing codes could belong to, where the loaded releases do not cover today
        java.util.Map<CodeSystem, String> stale = history.notCovered(today());
        missing.stream().flatMap(m -> m.shapes().stream()).distinct().map(stale::get)
                .filter(java.util.Objects::nonNull).distinct().forEach(n -> d.para("_" + n + "_"));
        String words = q.searchWords().replaceAll("\\b[a-z]*[0-9][0-9a-z.]*\\b", " ").replaceAll("\\s+", " ").trim();
        if (words.length() > 3) {
            d.followUp("Code for " + words);
        }
        d.followUp("Is R10.9 billable?");
        return d;
    }

    private void guideline(Draft d, Question q, List<CodeRecord> found) {
        List<GuidelineLibrary.Match> matches = guidelines.match(q.text());
        if (matches.isEmpty()) {
            unknown(d);
            return;
        }
        GuidelineNote best = matches.get(0).note();
        d.para("**" + best.title() + "**");
        d.para(best.body());
        d.citeGuideline(best);
        if (matches.size() > 1 && matches.get(1).score() == matches.get(0).score()) {
            GuidelineNote second = matches.get(1).note();
            d.para("See also: **" + second.title() + "**.");
            d.citeGuideline(second);
        }
        List<CodeRecord> diagnoses = found.stream().filter(r -> r.system() == CodeSystem.ICD10CM).toList();
        if (best.id().equals("icd10cm-excludes") && diagnoses.size() >= 2) {
            if (d.shows(PageAccess.Facet.TABULAR)) {
                fact(d, "tabular", "Excludes1 check", null, references.excludes1(
                        diagnoses.stream().map(CodeRecord::display).toList(), today()));
            } else {
                d.locked("The Tabular List notes of these codes");
            }
        }
        for (CodeRecord r : found) {
            d.para("About " + "`" + r.display() + "`" + ": " + Plain.whatKind(r) + ".");
            d.citeCode(r);
        }
        d.para("_From CasePilot's guideline notes (our own summary). The official guidelines and payer policy "
               + "govern; check them for edge cases._");
        matches.stream().skip(1).limit(2).forEach(m -> d.followUp("Explain " + m.note().keywords().get(0)));
    }

    private void unknown(Draft d) {
        d.para("I could not tell what you are asking. I answer from the loaded code sets and CMS tables, for example:");
        d.bullet("What is CPT code 99213? / What does E11.9 mean? / Is R10.9 billable?");
        d.bullet("ICD-10 code for type 2 diabetes with neuropathy");
        d.bullet("Can I bill 11042 with 97597? / How many units of J1885 can I bill?");
        d.bullet("Is 37253 an add-on code? / Global period of 27447? / Medicare fee for 99214 in Alabama");
        d.bullet("ICD-9 250.00 in ICD-10? / What changed for I21 in FY2025?");
        d.bullet("Guidelines: E/M levels, modifier 25 vs 59, add-on code rules, Excludes1, 7th characters");
        d.blank();
        d.followUp("What does E11.9 mean?");
        d.followUp("Explain modifier 25 vs 59");
    }
}
