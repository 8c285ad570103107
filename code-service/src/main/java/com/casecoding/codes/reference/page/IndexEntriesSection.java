package com.casecoding.codes.reference.page;

import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.codes.reference.tabular.IndexEntries;
import com.casecoding.codes.reference.tabular.TabularNotes;
import com.casecoding.common.codes.CodeSystem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** ICD-10-CM pages: the Alphabetic Index terms and table rows (neoplasms, drugs) that lead to the code. */
@ApplicationScoped
public class IndexEntriesSection implements CodePageSection {

    public static final String KEY = "alphabeticIndex";

    @Inject
    IndexEntries index;

    public record Content(boolean loaded, List<IndexEntries.FileEntries> files, String note) {
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String title() {
        return "Alphabetic Index entries";
    }

    @Override
    public int order() {
        return 320;
    }

    @Override
    public boolean appliesTo(CodeSystem system) {
        return system == CodeSystem.ICD10CM;
    }

    @Override
    public Object content(CodePageContext ctx) {
        int fy = TabularNotes.fiscalYear(ctx.release().effectiveDate());
        List<IndexEntries.FileEntries> files = index.entries(ctx.code(), fy);
        if (files.isEmpty()) {
            return new Content(false, List.of(), "Not loaded: no ICD-10-CM Alphabetic Index (CDC XML) of FY" + fy
                    + " is imported.");
        }
        return new Content(true, files, "Index terms are shown as main term > subterms; look a term up in the "
                + "Index first, then confirm the code in the Tabular List.");
    }
}
