package com.casecoding.codes.assistant.compose;

import com.casecoding.codes.assistant.data.CodeCatalog;
import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.codes.assistant.guideline.GuidelineLibrary;
import com.casecoding.codes.assistant.guideline.GuidelineNote;
import com.casecoding.codes.assistant.understand.Question;
import com.casecoding.codes.release.CodeKinds;
import com.casecoding.common.codes.CodeSystem;

import java.util.List;
import java.util.Optional;

/**
 * What a modifier means and when it is used: the HCPCS Level II modifier's official title, for a CPT modifier our own
 * explanation (its descriptor is AMA text), and the guideline note about it when we wrote one.
 */
final class ModifierAnswers {

    private final CodeCatalog catalog;
    private final GuidelineLibrary guidelines;

    ModifierAnswers(CodeCatalog catalog, GuidelineLibrary guidelines) {
        this.catalog = catalog;
        this.guidelines = guidelines;
    }

    void modifiers(Draft d, Question q, List<CodeRecord> codes) {
        for (String modifier : q.modifiers()) {
            Optional<CodeRecord> r = catalog.lookup(CodeSystem.MODIFIER, modifier);
            boolean cpt = CodeKinds.isCptModifier(modifier);
            if (r.isEmpty()) {
                d.para("Modifier **" + modifier + "** is not in the loaded modifier lists (CPT modifiers and HCPCS "
                       + "Level II modifiers). Check the spelling: modifiers are two characters (25, 59, RT, GA).");
                continue;
            }
            CodeRecord m = r.get();
            d.para("**Modifier " + modifier + "**: " + (cpt ? "a CPT (Level I) modifier" : "a HCPCS Level II modifier")
                   + ", " + CodeAnswers.releaseText(m.release()) + ".");
            if (cpt) {
                d.para("Official descriptor: not shown. CPT modifier descriptors are AMA text and need a CPT licence.");
            } else if (m.title() != null) {
                d.para("**Official title:** " + d.data(m.title()));
            }
            if (m.commonLanguage() != null) {
                d.para("**In plain language:** " + m.commonLanguage());
            }
            if (m.deleted()) {
                d.para("**Discontinued**: the modifier is not in the newest loaded release.");
            }
            d.cite(Draft.release("code", "Modifier " + modifier, CodeSystem.MODIFIER.id(), modifier, m.release(), null));
        }
        List<GuidelineLibrary.Match> notes = guidelines.match(q.text());
        if (!notes.isEmpty()) {
            GuidelineNote note = notes.get(0).note();
            d.para("**" + note.title() + "**");
            d.para(note.body());
            d.citeGuideline(note);
        }
        for (CodeRecord c : codes) {
            d.para("With " + CodeAnswers.tick(c.display()) + " (" + c.system().label() + "): whether Medicare pays the "
                   + "modifier on this code is in the Modifiers section of its code page (fee schedule indicators).");
            d.citeCode(c);
        }
        q.modifiers().stream().findFirst().ifPresent(m -> d.followUp("When is modifier " + m + " used?"));
        d.followUp("Explain modifier 25 vs 59");
    }
}
