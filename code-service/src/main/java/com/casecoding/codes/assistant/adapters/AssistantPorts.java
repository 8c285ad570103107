package com.casecoding.codes.assistant.adapters;

import com.casecoding.codes.assistant.data.CodeCatalog;
import com.casecoding.codes.assistant.data.CodeHistory;
import com.casecoding.codes.assistant.data.CodeSearch;
import com.casecoding.codes.assistant.data.Crosswalk;
import com.casecoding.codes.assistant.data.EditFacts;
import com.casecoding.codes.edits.EditTables;
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

    @Produces
    @ApplicationScoped
    CodeSearch search() {
        return new SearchAdapter(searchEngine);
    }
}
