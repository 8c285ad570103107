package com.casecoding.codes.reference.page;

import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.codes.reference.RefRelease;
import com.casecoding.codes.reference.tabular.CodeRange;
import com.casecoding.codes.reference.tabular.TabularNotes;
import com.casecoding.common.codes.CodeSystem;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ICD-10-CM pages: the Tabular List notes that govern the code (its own, and those of its category, section and
 * chapter, each marked with where it is printed) and the 7th-character table that completes it; "not loaded" when no
 * Tabular List of the page's fiscal year is imported.
 */
@ApplicationScoped
public class TabularNotesSection implements CodePageSection {

    public static final String KEY = "tabular";

    @Inject
    TabularNotes tabular;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Note(String kind, String heading, String text, List<String> codes, String at, String atKind,
                       String atTitle, boolean inherited) {
    }

    public record Seventh(String character, String meaning) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SeventhTable(String at, List<Seventh> characters) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Content(boolean loaded, String printedAt, List<Note> notes, SeventhTable seventhCharacters,
                          RefRelease release, String note) {
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String title() {
        return "Tabular List notes";
    }

    @Override
    public int order() {
        return 310;
    }

    @Override
    public boolean appliesTo(CodeSystem system) {
        return system == CodeSystem.ICD10CM;
    }

    @Override
    public Object content(CodePageContext ctx) {
        return content(tabular, ctx.code(), ctx.displayCode(), TabularNotes.fiscalYear(ctx.release().effectiveDate()));
    }

    /** The section for a code in a fiscal year's Tabular List; also what CasePilot's note answers are made of. */
    public static Content content(TabularNotes tabular, String code, String display, int fy) {
        Optional<TabularNotes.TabularRelease> release = tabular.forFiscalYear(fy);
        if (release.isEmpty()) {
            String loaded = tabular.releases().stream().map(r -> r.ref().version()).toList().toString();
            return new Content(false, null, null, null, null, "Not loaded: no ICD-10-CM Tabular List (CDC XML) of FY"
                    + fy + " is imported, so its notes (Includes, Excludes1/2, Code first, Use additional code, Code "
                    + "also, 7th characters) cannot be shown." + (tabular.releases().isEmpty() ? ""
                    : " Loaded: " + loaded + "."));
        }
        Optional<TabularNotes.Chain> chain = tabular.chain(release.get(), code);
        if (chain.isEmpty()) {
            return new Content(true, null, List.of(), null, release.get().ref(), display
                    + " is not in " + release.get().ref().label() + ".");
        }
        List<Note> notes = new ArrayList<>();
        SeventhTable seventh = null;
        boolean first = true;
        for (TabularNotes.Node node : chain.get().nodes()) {
            for (TabularNotes.Note n : node.notes()) {
                notes.add(new Note(n.kind().element(), n.kind().heading(), n.text(),
                        n.codes().stream().map(CodeRange::display).toList(), node.display(), node.kind(),
                        node.title(), !(first && chain.get().exact())));
            }
            if (seventh == null && !node.seventhCharacters().isEmpty()) {
                List<Seventh> chars = new ArrayList<>();
                for (Map.Entry<String, String> e : node.seventhCharacters().entrySet()) {
                    chars.add(new Seventh(e.getKey(), e.getValue()));
                }
                seventh = new SeventhTable(node.display(), List.copyOf(chars));
            }
            first = false;
        }
        TabularNotes.Node printed = chain.get().nodes().get(0);
        return new Content(true, printed.display(), List.copyOf(notes), seventh, release.get().ref(),
                chain.get().exact() ? "Notes at a category, section or chapter apply to every code below it "
                        + "('inherited')." : display + " is not printed in the Tabular List itself; it "
                        + "extends " + printed.display() + ", whose notes and 7th-character table apply.");
    }
}
