package com.casecoding.codes.assistant.compose;

import com.casecoding.codes.assistant.Citation;
import com.casecoding.codes.assistant.data.CodeCatalog;
import com.casecoding.codes.assistant.data.CodeHistory;
import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.codes.assistant.data.CodeSearch;
import com.casecoding.codes.assistant.data.EditFacts;
import com.casecoding.codes.assistant.data.PageAccess;
import com.casecoding.codes.assistant.data.ReleaseRef;
import com.casecoding.codes.assistant.understand.Question;
import com.casecoding.common.codes.CodeSystem;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Answers about codes themselves: meaning, billable or not, validity on a date, changes, and search. */
final class CodeAnswers {

    private static final int CHILDREN_SHOWN = 12;
    private static final int HITS_SHOWN = 5;

    private final CodeCatalog catalog;
    private final CodeSearch search;
    private final CodeHistory history;
    private final EditFacts edits;

    CodeAnswers(CodeCatalog catalog, CodeSearch search, CodeHistory history, EditFacts edits) {
        this.catalog = catalog;
        this.search = search;
        this.history = history;
        this.edits = edits;
    }

    static String tick(String code) {
        return "`" + code + "`";
    }

    /** "`E11.9` Type 2 diabetes mellitus without complications" (CPT: the code only). */
    static String named(Draft d, CodeRecord r) {
        if (Plain.isCpt(r) || r.title() == null) {
            return tick(r.display());
        }
        return tick(r.display()) + " " + d.data(r.title());
    }

    void info(Draft d, CodeRecord r) {
        d.para("**" + tick(r.display()) + "**: " + r.system().label() + ", " + releaseText(r.release()) + ".");
        if (Plain.isCpt(r)) {
            d.para("Official descriptor: not shown. CPT descriptors are AMA text and need a CPT licence; "
                   + "see your CPT book or licensed data.");
        } else if (r.title() != null) {
            d.para("**Official title:** " + d.data(r.title()));
        }
        if (r.deleted()) {
            d.para("**Deleted**: this code is not in the newest loaded release. It stays findable for old claims.");
        }
        d.bullet("**What it is:** " + Plain.whatKind(r) + ".");
        billableLine(d, r);
        if (d.shows(PageAccess.Facet.HIERARCHY)) {
            hierarchy(d, r);
        }
        String lay = LayTerms.plain(r);
        if (r.commonLanguage() != null) {
            d.bullet("**In plain language:** " + r.commonLanguage());
        } else if (lay != null) {
            d.bullet("**In plain language:** " + d.data(lay));
        } else if (Plain.isCpt(r)) {
            d.bullet("**In plain language:** no CaseCoding description has been written for this code yet.");
        }
        boolean editsShown = d.shows(PageAccess.Facet.PAYMENT) && d.shows(PageAccess.Facet.UNIT_LIMITS)
                && d.shows(PageAccess.Facet.ADD_ON);
        if ((r.system() == CodeSystem.CPT || r.system() == CodeSystem.HCPCS) && !editsShown) {
            d.bullet("**Medicare payment, unit limits (MUE) and add-on rules:** register to view (locked for guests, "
                     + "as on the code page).");
        }
        if ((r.system() == CodeSystem.CPT || r.system() == CodeSystem.HCPCS) && editsShown) {
            edits.payment(r.code(), Optional.empty()).ifPresent(p -> {
                d.bullet("**Medicare fee schedule:** status " + p.status().value() + " (" + p.status().meaning()
                         + "), global days " + p.globalDays().value() + ".");
                d.cite(Draft.release("rvu", "MPFS RVU row of " + r.display(), r.system().id(), r.code(), p.release(), null));
            });
            edits.mue(r.code()).stream().findFirst().ifPresent(m -> {
                d.bullet("**MUE (" + m.setting() + "):** " + m.units() + " unit" + (m.units() == 1 ? "" : "s")
                         + ", adjudication indicator " + m.adjudicationIndicator() + ".");
                d.cite(Draft.release("mue", "MUE " + r.display() + " (" + m.setting() + ")", r.system().id(), r.code(),
                        m.release(), null));
            });
            if (!edits.addOnPrimaries(r.code()).isEmpty()) {
                d.bullet("**Add-on code:** yes; it is only reported with an eligible primary code.");
            }
        }
        d.blank();
        List<CodeRecord> children = d.shows(PageAccess.Facet.HIERARCHY)
                ? catalog.children(r.system(), r.code(), CHILDREN_SHOWN + 1) : List.of();
        if (!children.isEmpty()) {
            d.para("**Codes under it:**");
            for (CodeRecord c : children.stream().limit(CHILDREN_SHOWN).toList()) {
                d.bullet(named(d, c) + (c.billable() ? "" : " _(header)_"));
            }
            if (children.size() > CHILDREN_SHOWN) {
                d.bullet("... and more: open the code page for the full list.");
            }
            d.blank();
        }
        d.citeCode(r);
        followUpsFor(d, r);
    }

    private void billableLine(Draft d, CodeRecord r) {
        switch (r.system()) {
            case ICD10CM, ICD10PCS -> d.bullet(r.billable()
                    ? "**Billable:** yes, a valid code for claims."
                    : "**Billable:** no. This is a **header** (a category with more specific codes below it); a claim "
                      + "needs one of the codes under it.");
            case ICD9CM, ICD9PCS -> d.bullet("**Billable:** not for services since 2015-10-01 (ICD-9-CM is retired); "
                                             + "valid only on older claims.");
            default -> d.bullet("**Billable:** CPT and HCPCS codes have no header concept; whether Medicare pays it "
                                + "depends on its fee schedule status and coverage.");
        }
    }

    private void hierarchy(Draft d, CodeRecord r) {
        List<CodeRecord> up = catalog.ancestors(r.system(), r.code());
        if (up.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("**Hierarchy:** ");
        for (CodeRecord a : up) {
            sb.append(named(d, a)).append(" > ");
        }
        sb.append(tick(r.display()));
        d.bullet(sb.toString());
    }

    private static void followUpsFor(Draft d, CodeRecord r) {
        String c = r.display();
        switch (r.system()) {
            case ICD10CM -> {
                d.followUp("Is " + c + " billable?");
                d.followUp("What changed for " + c + " in FY2025?");
                d.followUp("What is " + c + " in ICD-9?");
            }
            case CPT, HCPCS -> {
                d.followUp("How many units of " + c + " can I bill?");
                d.followUp("Is " + c + " an add-on code?");
                d.followUp("Medicare fee for " + c);
            }
            case ICD9CM, ICD9PCS -> d.followUp("ICD-9 " + c + " in ICD-10?");
            default -> {
            }
        }
    }

    void billable(Draft d, CodeRecord r) {
        switch (r.system()) {
            case ICD10CM, ICD10PCS -> {
                if (r.billable()) {
                    d.para("**Yes.** " + named(d, r) + " is a **billable** (valid) " + r.system().label()
                           + " code in " + releaseText(r.release()) + ".");
                } else {
                    d.para("**No.** " + named(d, r) + " is a **header**, not valid on a claim (" + releaseText(r.release())
                           + "). Use a more specific code below it:");
                    List<CodeRecord> children = catalog.children(r.system(), r.code(), CHILDREN_SHOWN + 1);
                    for (CodeRecord c : children.stream().limit(CHILDREN_SHOWN).toList()) {
                        d.bullet(named(d, c) + (c.billable() ? " (billable)" : " _(header, more codes below)_"));
                    }
                    if (children.size() > CHILDREN_SHOWN) {
                        d.bullet("... and more: open the code page for the full list.");
                    }
                    d.blank();
                }
            }
            case ICD9CM, ICD9PCS -> d.para(named(d, r) + " is an ICD-9-CM code: not billable for services since "
                                          + "2015-10-01, when ICD-10 replaced ICD-9. Ask for its ICD-10 mapping.");
            default -> d.para(tick(r.display()) + " exists in the loaded data (" + r.system().label() + ", "
                              + releaseText(r.release()) + "). CPT and HCPCS codes have no header flag; Medicare "
                              + "payment depends on the fee schedule status.");
        }
        if (r.deleted()) {
            d.para("Note: the code is **deleted** in the newest loaded release.");
        }
        d.citeCode(r);
        d.followUp("What does " + r.display() + " mean?");
    }

    void validOn(Draft d, CodeRecord r, LocalDate date) {
        Optional<CodeHistory.Validity> validity = history.validity(r.system(), r.code(), date);
        if (validity.isPresent()) {
            // the code catalog's answer: release validity periods and the code's official dates
            CodeHistory.Validity v = validity.get();
            d.para((switch (v.state()) {
                case "valid" -> "**Yes.** ";
                case "unverified" -> "**The loaded data cannot say.** ";
                default -> "**No.** ";
            }) + tick(r.display()) + ": " + v.message());
            if (v.release() != null) {
                d.cite(Draft.release("code", r.system().label() + " " + r.display() + " on " + date, r.system().id(),
                        r.code(), v.release(), null));
            }
            if (d.shows(PageAccess.Facet.HISTORY)) {
                history.changes(r.system(), r.code()).stream().filter(c -> c.code().equals(r.code()))
                        .forEach(c -> d.bullet(capital(c.change()) + " in " + releaseText(c.release()) + "."));
            }
            d.blank();
            d.citeCode(r);
            d.followUp("What changed for " + r.display() + "?");
            return;
        }
        List<ReleaseRef> releases = history.releases(r.system());
        Optional<ReleaseRef> inEffect = releases.stream().filter(x -> !x.effectiveDate().isAfter(date))
                .reduce((a, b) -> b);
        if (inEffect.isEmpty()) {
            d.para("The loaded " + r.system().label() + " releases start on "
                   + (releases.isEmpty() ? "no date (none loaded)" : releases.get(0).effectiveDate().toString())
                   + ", after " + date + ", so the loaded data cannot say whether " + tick(r.display())
                   + " was valid then. Check the CMS release in effect on that date.");
            d.citeCode(r);
            return;
        }
        Optional<CodeRecord> then = history.inEffectOn(r.system(), r.code(), date);
        ReleaseRef rel = inEffect.get();
        if (then.isPresent()) {
            CodeRecord t = then.get();
            boolean header = !t.billable() && (r.system() == CodeSystem.ICD10CM || r.system() == CodeSystem.ICD10PCS);
            d.para((header ? "**In the code set, but not billable.**" : "**Yes.**") + " On " + date + " the "
                   + r.system().label() + " release in effect was " + releaseText(rel) + ", and " + named(d, t)
                   + " is in it" + (header ? " as a **header**: a claim needs a more specific code below it." : "."));
            if (!rel.equals(r.release())) {
                d.cite(Draft.release("code", r.system().label() + " " + t.display() + " in " + rel.version(),
                        r.system().id(), t.code(), rel, null));
            }
        } else {
            d.para("**No.** On " + date + " the " + r.system().label() + " release in effect was " + releaseText(rel)
                   + ", and " + tick(r.display()) + " is **not** in it.");
            d.cite(Draft.release("code", r.system().label() + " release in effect on " + date, r.system().id(), null, rel, null));
        }
        List<CodeHistory.Change> changes = !d.shows(PageAccess.Facet.HISTORY) ? List.of()
                : history.changes(r.system(), r.code()).stream().filter(c -> c.code().equals(r.code())).toList();
        for (CodeHistory.Change c : changes) {
            d.bullet(capital(c.change()) + " in " + releaseText(c.release()) + ".");
        }
        d.blank();
        d.citeCode(r);
        d.followUp("What changed for " + r.display() + "?");
    }

    void changes(Draft d, CodeRecord r, Optional<Integer> fiscalYear) {
        List<CodeHistory.Change> all = history.changes(r.system(), r.code());
        List<CodeHistory.Change> picked = fiscalYear
                .map(fy -> all.stream().filter(c -> matchesYear(c.release(), fy)).toList()).orElse(all);
        String scope = tick(r.display()) + (r.billable() ? "" : " and the codes under it");
        String when = fiscalYear.map(fy -> " in FY" + fy).orElse(" across the loaded releases");
        List<ReleaseRef> releases = history.releases(r.system());
        if (fiscalYear.isPresent() && releases.stream().noneMatch(x -> matchesYear(x, fiscalYear.get()))) {
            d.para("The FY" + fiscalYear.get() + " " + r.system().label() + " release is **not loaded**, so I cannot "
                   + "say what changed for " + tick(r.display()) + " then. Loaded releases: "
                   + String.join(", ", releases.stream().map(CodeAnswers::releaseText).toList()) + ".");
            d.citeCode(r);
            return;
        }
        if (picked.isEmpty()) {
            d.para("**No changes** to " + scope + when + ": no code was added, deleted or retitled"
                   + (fiscalYear.isPresent() ? " compared with the previous loaded release." : "."));
        } else {
            d.para("**Changes to " + scope + when + "** (" + picked.size() + "):");
            int shown = 0;
            for (CodeHistory.Change c : picked) {
                if (shown++ == 15) {
                    d.bullet("... and " + (picked.size() - 15) + " more.");
                    break;
                }
                d.bullet(describe(d, c));
            }
            d.blank();
        }
        picked.stream().map(CodeHistory.Change::release).distinct().forEach(rel ->
                d.cite(Draft.release("change", r.system().label() + " changes in " + rel.version(), r.system().id(),
                        r.code(), rel, null)));
        d.citeCode(r);
        d.followUp("What does " + r.display() + " mean?");
    }

    private static String describe(Draft d, CodeHistory.Change c) {
        String code = tick(c.display());
        return switch (c.change()) {
            case "added" -> "**Added** " + code + (c.newTitle() == null ? "" : " " + d.data(c.newTitle()))
                            + " (" + c.release().version() + ")";
            case "deleted" -> "**Deleted** " + code + (c.oldTitle() == null ? "" : " " + d.data(c.oldTitle()))
                              + " (" + c.release().version() + ")";
            default -> "**Revised** " + code + ": " + headerChange(c) + titleChange(d, c) + " (" + c.release().version() + ")";
        };
    }

    private static String headerChange(CodeHistory.Change c) {
        if (c.oldHeader() == null || c.newHeader() == null || c.oldHeader().equals(c.newHeader())) {
            return "";
        }
        return c.newHeader() ? "became a **header** (no longer billable; more specific codes were added below it) "
                : "became **billable** (no longer a header) ";
    }

    private static String titleChange(Draft d, CodeHistory.Change c) {
        if (c.oldTitle() == null || c.newTitle() == null || c.oldTitle().equals(c.newTitle())) {
            boolean headerChanged = c.oldHeader() != null && c.newHeader() != null && !c.oldHeader().equals(c.newHeader());
            return c.newTitle() == null || headerChanged ? "" : d.data(c.newTitle());
        }
        return "title from \"" + d.data(c.oldTitle()) + "\" to \"" + d.data(c.newTitle()) + "\"";
    }

    /** FY2025 = the ICD-10 release effective 2024-10-01; for other data sets the calendar year. */
    static boolean matchesYear(ReleaseRef r, int year) {
        if (r.version() != null && r.version().toUpperCase(Locale.ROOT).contains(String.valueOf(year))) {
            return true;
        }
        LocalDate e = r.effectiveDate();
        return e.getMonthValue() >= 10 ? e.getYear() + 1 == year : e.getYear() == year;
    }

    void search(Draft d, Question q) {
        String words = q.searchWords();
        if (words.isBlank()) {
            d.para("Tell me what the code is for (a condition, a procedure, a supply), for example "
                   + "\"ICD-10 code for type 2 diabetes with neuropathy\".");
            return;
        }
        Optional<CodeSystem> system = q.systemHint();
        if (system.equals(Optional.of(CodeSystem.CPT))) {
            d.para("_CPT descriptors are AMA text and are not searchable here without a licence; these are matches "
                   + "from our plain-language descriptions and the public code sets._");
            system = Optional.empty();
        }
        List<CodeSearch.Hit> hits = List.of();
        if (system.equals(Optional.of(CodeSystem.ICD10CM))) {
            // a diagnosis code for a service is the reason for the encounter ("flu shot" -> encounter for immunization)
            String reason = EncounterWords.of(words);
            if (!reason.equals(words)) {
                hits = search.search(reason, system, HITS_SHOWN);
            }
        }
        if (hits.isEmpty()) {
            hits = search.search(words, system, HITS_SHOWN);
        }
        if (hits.isEmpty() && system.equals(Optional.of(CodeSystem.ICD10PCS))) {
            // PCS titles name the root operation and approach, not the surgical word a coder types
            String pcs = PcsWords.of(words);
            if (!pcs.equals(words)) {
                hits = search.search(pcs, system, HITS_SHOWN);
            }
        }
        if (hits.isEmpty() && system.isPresent()) {
            // the question named the code set: a code of another set would be a wrong answer
            d.para("Nothing in the loaded " + system.get().label() + " data matches \"" + words + "\". Try other "
                   + "words (the clinical term, or a shorter phrase), or browse the " + system.get().label()
                   + " code ranges.");
            d.followUp("Code for " + words);
            return;
        }
        if (hits.isEmpty()) {
            d.para("Nothing in the loaded code sets matches \"" + words + "\". Try other words (the clinical term, "
                   + "or a shorter phrase), or browse the code ranges.");
            d.followUp("Code for " + words.split(" ")[0]);
            return;
        }
        d.para("**Best matches for \"" + words + "\"**" + system.map(s -> " in " + s.label()).orElse("") + ":");
        int i = 1;
        for (CodeSearch.Hit h : hits) {
            String title = h.system() == CodeSystem.CPT || h.title() == null ? "(CPT; official text needs a licence)" : d.data(h.title());
            d.line((i++) + ". " + tick(h.display()) + " " + title + ", " + h.system().label()
                   + (h.billable() ? "" : ", _header: pick a code below it_")
                   + (h.why() == null || h.why().isBlank() ? "" : ". _Why: " + d.data(h.why()) + "_"));
            d.cite(new Citation("search", h.system().label() + " " + h.display(), h.system().id(), h.display(), null,
                    null, null, null));
        }
        d.blank();
        d.para("_Search finds candidates; code from the documentation and check the tabular notes (Excludes, code "
               + "first, 7th characters) before using one._");
        CodeSearch.Hit top = hits.get(0);
        d.followUp("What does " + top.display() + " mean?");
        d.followUp("Is " + top.display() + " billable?");
    }

    static String releaseText(ReleaseRef r) {
        return r == null ? "release unknown" : r.version() + " (effective " + r.effectiveDate() + ")";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
