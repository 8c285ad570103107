package com.casecoding.codes.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lay terms and abbreviations mapped to the wording the code sets use ("heart attack" to "myocardial infarction").
 * <p>
 * File format (UTF-8, one entry a line, {@code #} starts a comment):
 * {@code term, other term = clinical wording | other clinical wording}. Every term on the left expands to every
 * wording on the right; matching is on whole words after the {@link SearchAnalyzers#words()} analyzer, longest term
 * first, so "high blood pressure" wins over "blood pressure". Expansions add alternatives: the typed words are
 * always searched too.
 */
public final class SynonymDictionary {

    /** Classpath location of the dictionary shipped with the service. */
    public static final String RESOURCE = "/search/synonyms.txt";

    /** A stretch of the query's words and what it may also mean. */
    public record Match(int start, int end, List<List<String>> expansions) {
    }

    private final Map<List<String>, List<List<String>>> entries;
    private final int longestTerm;

    private SynonymDictionary(Map<List<String>, List<List<String>>> entries) {
        this.entries = entries;
        this.longestTerm = entries.keySet().stream().mapToInt(List::size).max().orElse(0);
    }

    public static SynonymDictionary load() {
        try (InputStream in = SynonymDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Synonym dictionary " + RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SynonymDictionary parse(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        return parse(lines);
    }

    public static SynonymDictionary parse(List<String> lines) {
        Map<List<String>, List<List<String>>> entries = new HashMap<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || eq == line.length() - 1) {
                throw new IllegalArgumentException("Synonym line " + number + " needs 'terms = expansions': " + raw);
            }
            List<List<String>> expansions = new ArrayList<>();
            for (String expansion : line.substring(eq + 1).split("\\|")) {
                List<String> words = SearchAnalyzers.wordsOf(expansion);
                if (!words.isEmpty()) {
                    expansions.add(List.copyOf(words));
                }
            }
            if (expansions.isEmpty()) {
                throw new IllegalArgumentException("Synonym line " + number + " has no expansion: " + raw);
            }
            for (String term : line.substring(0, eq).split(",")) {
                List<String> words = SearchAnalyzers.wordsOf(term);
                if (words.isEmpty()) {
                    continue;
                }
                List<List<String>> merged = entries.computeIfAbsent(List.copyOf(words), k -> new ArrayList<>());
                for (List<String> expansion : expansions) {
                    if (!merged.contains(expansion) && !expansion.equals(words)) {
                        merged.add(expansion);
                    }
                }
            }
        }
        Map<List<String>, List<List<String>>> frozen = new HashMap<>();
        entries.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new SynonymDictionary(Collections.unmodifiableMap(frozen));
    }

    /** Greedy, left to right, longest first: the stretches of {@code words} that have expansions. */
    public List<Match> find(List<String> words) {
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Match found = null;
            for (int len = Math.min(longestTerm, words.size() - i); len >= 1 && found == null; len--) {
                List<List<String>> expansions = entries.get(words.subList(i, i + len));
                if (expansions != null) {
                    found = new Match(i, i + len, expansions);
                }
            }
            if (found != null) {
                matches.add(found);
                i = found.end();
            } else {
                i++;
            }
        }
        return matches;
    }

    public List<List<String>> expansionsOf(String term) {
        return entries.getOrDefault(SearchAnalyzers.wordsOf(term), List.of());
    }

    public int size() {
        return entries.size();
    }
}
