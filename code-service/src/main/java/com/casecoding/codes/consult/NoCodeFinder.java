package com.casecoding.codes.consult;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Used while no code data or search is part of the build: finds nothing, and says so. */
@DefaultBean
@ApplicationScoped
public class NoCodeFinder implements CodeFinder {

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public List<Draft.CodeSuggestion> find(String phrase, int limit) {
        return List.of();
    }

    @Override
    public Optional<Draft.CodeSuggestion> lookup(String code) {
        return Optional.empty();
    }
}
