package com.casecoding.codes.search;

import com.casecoding.codes.catalog.CodeCatalog;
import com.casecoding.codes.catalog.CodeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Consumer;

/**
 * Every code of the imported code sets, once, from the newest release that holds it, with its status today as
 * {@link CodeCatalog} decides it: deleted when a later release no longer lists it or its official termination date
 * has passed (a HCPCS code terminated last quarter, an ICD-10-CM code deleted by the addenda). A code that only a
 * stale or partial release lists stays active: the data does not say it was deleted. CPT numbers the CMS files
 * name are found by their number (they have no descriptor without an AMA licence).
 */
@ApplicationScoped
public class DatabaseDocumentSource implements SearchDocumentSource {

    @Inject
    CodeCatalog catalog;

    @Override
    public String name() {
        return "database";
    }

    @Override
    public void load(Consumer<SearchDocument> sink) {
        catalog.scan(null, s -> {
            String title = s.longTitle() != null && !s.longTitle().isBlank() ? s.longTitle() : s.shortTitle();
            sink.accept(new SearchDocument(s.status().system().id(), s.status().code(), title,
                    !s.status().header(), s.status().state() == CodeStatus.State.TERMINATED, s.version()));
        });
    }
}
