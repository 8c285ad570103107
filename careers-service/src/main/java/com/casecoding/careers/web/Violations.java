package com.casecoding.careers.web;

import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.problem.ProblemType;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Collects field problems that Bean Validation cannot see (vocabularies, cross-field rules) into one 400. */
public final class Violations {

    private final List<Problem.Violation> list = new ArrayList<>();

    public Violations add(String field, String message) {
        list.add(new Problem.Violation(field, message));
        return this;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public void throwIfAny() {
        if (list.isEmpty()) {
            return;
        }
        String detail = list.stream().map(v -> "'" + v.field() + "' " + v.message())
                .collect(Collectors.joining("; ", "Fix these fields: ", "."));
        throw new ProblemException(ProblemType.VALIDATION, 400, ProblemType.VALIDATION.title(), detail, List.copyOf(list));
    }

    /** An absolute http(s) URL with a host; nothing else (no javascript:, data:, relative paths). */
    public static boolean isWebUrl(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
