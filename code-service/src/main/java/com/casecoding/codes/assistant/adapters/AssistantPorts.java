package com.casecoding.codes.assistant.adapters;

import com.casecoding.codes.assistant.data.CodeCatalog;
import com.casecoding.codes.assistant.data.CodeHistory;
import com.casecoding.codes.assistant.data.CodeSearch;
import com.casecoding.codes.assistant.data.Crosswalk;
import com.casecoding.codes.assistant.data.EditFacts;
import com.casecoding.codes.edits.EditTables;
import com.casecoding.codes.edits.PaymentSections;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.codes.assistant.data.PageAccess;
import com.casecoding.codes.release.ImportCompleted;
import com.casecoding.codes.search.SearchEngine;
import com.casecoding.codes.release.CodeTextsChanged;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Wires the assistant's ports to the platform's real services: the imported code tables, the edit and fee tables,
 * the search engine. Cached code records are dropped after every import.
 */
@ApplicationScoped
public class AssistantPorts {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EditTables editTables;

    @Inject
    SearchEngine searchEngine;

    @Inject
    com.casecoding.codes.catalog.CodeCatalog codeCatalog;

    @Inject
    com.casecoding.codes.release.ReleaseCatalog releaseCatalog;

    @Inject
    Clock clock;

    @Inject
    com.casecoding.codes.plain.PlainLanguage plainLanguage;

    private DbCodeData codes;
    private EditFactsAdapter edits;

    synchronized DbCodeData codes() {
        if (codes == null) {
            codes = new DbCodeData(dataSource, codeCatalog, releaseCatalog, plainLanguage);
        }
        return codes;
    }

    synchronized EditFactsAdapter edits() {
        if (edits == null) {
            edits = new EditFactsAdapter(editTables, clock);
        }
        return edits;
    }

    void onImport(@Observes ImportCompleted event) {
        codes().invalidate();
    }

    void onTexts(@Observes CodeTextsChanged event) {
        codes().invalidate();
    }

    @Produces
    @ApplicationScoped
    CodeCatalog catalog() {
        return new CatalogAdapter(codes());
    }

    @Produces
    @ApplicationScoped
    CodeHistory history() {
        return codes();
    }

    @Produces
    @ApplicationScoped
    Crosswalk crosswalk() {
        return codes();
    }

    @Produces
    @ApplicationScoped
    EditFacts editFacts() {
        return edits();
    }

    @Inject
    jakarta.enterprise.inject.Instance<CodePageSection> pageSections;

    @Inject
    com.casecoding.codes.reference.query.ReferenceQueries referenceQueries;

    @Produces
    @ApplicationScoped
    com.casecoding.codes.assistant.data.ReferenceFacts referenceFacts() {
        return new ReferenceFactsAdapter(referenceQueries);
    }

    /** A facet is open to guests when the code page shows every section it comes from to guests. */
    @Produces
    @ApplicationScoped
    PageAccess pageAccess() {
        java.util.Map<String, CodePageSection.Access> byKey = new java.util.HashMap<>();
        pageSections.forEach(s -> byKey.put(s.key(), s.access()));
        return facet -> {
            String key = switch (facet) {
                case HIERARCHY -> "hierarchy";
                case PAYMENT -> PaymentSections.PAYMENT;
                case UNIT_LIMITS -> PaymentSections.UNIT_LIMITS;
                case ADD_ON -> PaymentSections.ADD_ON;
                case CROSSWALK -> "crosswalk";
                case HISTORY -> "history";
                case RISK_ADJUSTMENT -> com.casecoding.codes.reference.page.RiskAdjustmentSection.KEY;
                case INPATIENT_SEVERITY -> com.casecoding.codes.reference.page.InpatientSeveritySection.KEY;
                case TABULAR -> com.casecoding.codes.reference.page.TabularNotesSection.KEY;
            };
            // a section the page does not have is treated as the page's default: for registered users
            return byKey.getOrDefault(key, CodePageSection.Access.REGISTERED) == CodePageSection.Access.GUEST;
        };
    }

    @Produces
    @ApplicationScoped
    CodeSearch search() {
        return new SearchAdapter(searchEngine);
    }
}
