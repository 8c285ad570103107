package com.casecoding.codes.assistant.adapters;

import com.casecoding.codes.assistant.data.CodeSearch;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.codes.search.SearchEngine;
import com.casecoding.codes.search.SearchHit;
import com.casecoding.codes.search.SearchPage;
import com.casecoding.codes.search.SearchQuery;
import com.casecoding.common.problem.ProblemException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link CodeSearch} over the Lucene search engine of {@code com.casecoding.codes.search}. */
public class SearchAdapter implements CodeSearch {

    private static final Logger LOG = Logger.getLogger(SearchAdapter.class);
    private static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>");

    private final SearchEngine engine;

    public SearchAdapter(SearchEngine engine) {
        this.engine = engine;
    }

    @Override
    public List<Hit> search(String words, Optional<CodeSystem> system, int limit) {
        String text = words.length() > SearchQuery.MAX_TEXT ? words.substring(0, SearchQuery.MAX_TEXT) : words;
        SearchQuery query = new SearchQuery(text, system.map(s -> Set.of(s.id())).orElse(Set.of()), null, false, null,
                Math.min(limit, SearchQuery.MAX_LIMIT), 0);
        SearchPage page;
        try {
            page = engine.withIndex(index -> index.search(query));
        } catch (ProblemException notReady) {
            LOG.warn("search index not ready; the assistant answers without search results");
            return List.of();
        }
        List<Hit> out = new ArrayList<>();
        for (SearchHit h : page.results()) {
            Optional<CodeSystem> s = CodeSystem.fromId(h.system());
            if (s.isEmpty()) {
                continue;
            }
            out.add(new Hit(s.get(), h.normalizedCode(), s.get() == CodeSystem.CPT ? null : h.title(), h.billable(),
                    why(h, page, s.get())));
        }
        return out;
    }

    private static String why(SearchHit h, SearchPage page, CodeSystem system) {
        List<String> parts = new ArrayList<>();
        if (system != CodeSystem.CPT && h.highlight() != null) {
            Set<String> marked = new LinkedHashSet<>();
            Matcher m = MARK.matcher(h.highlight());
            while (m.find()) {
                marked.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
            }
            if (!marked.isEmpty()) {
                parts.add("matches " + String.join(", ", marked));
            }
        }
        page.expansions().forEach(e -> parts.add("\"" + e.typed() + "\" read as " + String.join(" / ", e.searched())));
        page.corrections().forEach(c -> parts.add("\"" + c.typed() + "\" spelled " + String.join(" / ", c.searched())));
        return String.join("; ", parts);
    }
}
