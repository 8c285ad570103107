package com.casecoding.codes.assistant.compose;

import com.casecoding.codes.assistant.Answer;
import com.casecoding.codes.assistant.Citation;
import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.codes.assistant.data.ReleaseRef;
import com.casecoding.codes.assistant.guideline.GuidelineNote;
import com.casecoding.codes.assistant.understand.Intent;
import com.casecoding.common.codes.CodeSystem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An answer being written: markdown, citations, follow-ups, and the literal texts taken verbatim from loaded data
 * (official titles) that the code check must not edit. Codes are written in backticks so that they are recognised
 * as codes wherever they appear.
 */
public final class Draft {

    private final Intent intent;
    private final StringBuilder md = new StringBuilder();
    private final List<Citation> citations = new ArrayList<>();
    private final Set<String> followUps = new LinkedHashSet<>();
    private final Set<String> dataLiterals = new LinkedHashSet<>();

    private final java.util.function.Predicate<com.casecoding.codes.assistant.data.PageAccess.Facet> shown;

    public Draft(Intent intent) {
        this(intent, f -> true);
    }

    /** {@code shown}: the parts of the code page the asker may see (guests: the page's guest sections). */
    public Draft(Intent intent, java.util.function.Predicate<com.casecoding.codes.assistant.data.PageAccess.Facet> shown) {
        this.intent = intent;
        this.shown = shown;
    }

    /** True when the asker may see the facet (the code page shows them its section). */
    public boolean shows(com.casecoding.codes.assistant.data.PageAccess.Facet facet) {
        return shown.test(facet);
    }

    /** Says that a part of the answer is locked for guests, as on the code page, and what unlocks it. */
    public Draft locked(String what) {
        return para("**" + what + ": register to view.** The code page shows this to registered users only, and "
                    + "CasePilot follows the same rule. A free account unlocks it.");
    }

    public Intent intent() {
        return intent;
    }

    public Draft line(String text) {
        md.append(text).append('\n');
        return this;
    }

    public Draft para(String text) {
        if (md.length() > 0 && !md.toString().endsWith("\n\n")) {
            md.append('\n');
        }
        md.append(text).append("\n\n");
        return this;
    }

    public Draft bullet(String text) {
        md.append("- ").append(text).append('\n');
        return this;
    }

    public Draft blank() {
        if (md.length() > 0 && !md.toString().endsWith("\n\n")) {
            md.append('\n');
        }
        return this;
    }

    /** Text copied from the loaded data (an official title): returned as is and remembered as trusted. */
    public String data(String literal) {
        if (literal != null && !literal.isBlank()) {
            dataLiterals.add(literal);
        }
        return literal;
    }

    public Draft followUp(String question) {
        if (followUps.size() < 4) {
            followUps.add(question);
        }
        return this;
    }

    public Draft cite(Citation citation) {
        if (!citations.contains(citation)) {
            citations.add(citation);
        }
        return this;
    }

    public Draft citeCode(CodeRecord r) {
        String title = r.system() == CodeSystem.CPT ? r.system().label() + " " + r.display()
                : r.system().label() + " " + r.display() + (r.title() == null ? "" : ": " + r.title());
        if (r.title() != null && r.system() != CodeSystem.CPT) {
            data(r.title());
        }
        return cite(release("code", title, r.system().id(), r.code(), r.release(), null));
    }

    public Draft citeGuideline(GuidelineNote note) {
        return cite(new Citation("guideline", note.title(), null, null, null, null, null, "guidelines/" + note.id()));
    }

    /** A citation of a release row; the code (stored form) is shown as people write it, as everywhere. */
    public static Citation release(String kind, String title, String system, String code, ReleaseRef release,
                                   String ref) {
        String shown = code == null ? null : CodeSystem.fromId(system).map(s -> s.display(code)).orElse(code);
        return new Citation(kind, title, system, shown, release == null ? null : release.dataset(),
                release == null ? null : release.version(), release == null ? null : release.effectiveDate(), ref);
    }

    public Set<String> dataLiterals() {
        return dataLiterals;
    }

    public String markdown() {
        return md.toString().trim();
    }

    public Answer toAnswer() {
        return new Answer(markdown(), List.copyOf(citations), List.copyOf(followUps), intent.id(), false);
    }
}
