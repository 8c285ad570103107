package com.casecoding.codes.search;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Consumer;

/** Adds the search fixture to the service's index in @QuarkusTests (the test database holds no code tables). */
@ApplicationScoped
public class FixtureDocumentSource implements SearchDocumentSource {

    @Override
    public String name() {
        return "test-fixture";
    }

    @Override
    public void load(Consumer<SearchDocument> sink) {
        Fixtures.documents().forEach(sink);
    }
}
