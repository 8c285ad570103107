package com.casecoding.codes.consult;

import com.casecoding.codes.assistant.compose.CodeResolver;
import com.casecoding.codes.assistant.understand.CodeMention;
import com.casecoding.codes.assistant.understand.MentionExtractor;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.codes.search.SearchDocument;
import com.casecoding.codes.search.SearchEngine;
import com.casecoding.codes.search.SearchHit;
import com.casecoding.codes.search.SearchQuery;
import com.casecoding.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds codes for the instant draft in the live Lucene index of the loaded code sets ({@link SearchEngine}): only
 * active codes are returned, so every suggestion exists. Billable codes are asked for first, headers only when no
 * billable code matches. While the first index build runs it is not {@link #available()}.
 */
@ApplicationScoped
public class SearchCodeFinder implements CodeFinder {

    /** The order a typed code is looked up in when the system is not said. */
    private static final List<CodeSystem> LOOKUP_ORDER = List.of(CodeSystem.ICD10CM, CodeSystem.CPT, CodeSystem.HCPCS,
            CodeSystem.ICD10PCS, CodeSystem.MODIFIER, CodeSystem.ICD9CM, CodeSystem.ICD9PCS);

    @Inject
    SearchEngine engine;

    @Override
    public boolean available() {
        try {
            return engine.ready() && engine.withIndex(index -> index.size() > 0);
        } catch (ProblemException notReady) {
            return false;
        }
    }

    @Override
    public List<Draft.CodeSuggestion> find(String phrase, int limit) {
        String text = phrase.length() > SearchQuery.MAX_TEXT ? phrase.substring(0, SearchQuery.MAX_TEXT) : phrase;
        try {
            List<SearchHit> hits = search(text, true, limit);
            if (hits.isEmpty()) {
                hits = search(text, null, limit);
            }
            return hits.stream()
                    .map(h -> new Draft.CodeSuggestion(h.system(), h.code(), blankToNull(h.title()), h.billable(), phrase))
                    .toList();
        } catch (ProblemException notReady) {
            return List.of();
        }
    }

    @Override
    public List<Draft.CodeSuggestion> findDiagnoses(String phrase, int limit) {
        String text = phrase.length() > SearchQuery.MAX_TEXT ? phrase.substring(0, SearchQuery.MAX_TEXT) : phrase;
        try {
            return search(text, Set.of(CodeSystem.ICD10CM.id()), true, limit).stream()
                    .map(h -> new Draft.CodeSuggestion(h.system(), h.code(), blankToNull(h.title()), h.billable(), phrase))
                    .toList();
        } catch (ProblemException notReady) {
            return List.of();
        }
    }

    private List<SearchHit> search(String text, Boolean billable, int limit) {
        return search(text, Set.of(), billable, limit);
    }

    private List<SearchHit> search(String text, Set<String> systems, Boolean billable, int limit) {
        SearchQuery query = new SearchQuery(text, systems, billable, false, null, limit, 0);
        return engine.withIndex(index -> index.search(query)).results().stream()
                .filter(h -> !"deleted".equals(h.status()))
                .toList();
    }

    @Override
    public Optional<Draft.CodeSuggestion> lookup(String code) {
        // a code is read in the sets its written shape belongs to ("20610" is CPT, never ICD-9 206.10), the
        // likeliest first; only a token the code grammar cannot place (a modifier) is tried in every set
        List<CodeMention> mentions = MentionExtractor.extract(code);
        List<CodeSystem> order = mentions.size() == 1 ? CodeResolver.likelySystems(mentions.get(0)) : LOOKUP_ORDER;
        try {
            for (CodeSystem system : order) {
                Optional<SearchDocument> doc = engine.find(system.id(), code);
                if (doc.isPresent() && !doc.get().deleted()) {
                    SearchDocument d = doc.get();
                    return Optional.of(new Draft.CodeSuggestion(d.system(), d.displayCode(), blankToNull(d.title()),
                            d.billable(), code));
                }
            }
        } catch (ProblemException notReady) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
