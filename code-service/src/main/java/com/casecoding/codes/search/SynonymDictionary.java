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
import java.util.HashSet;
import java.util.Set;
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

    /**
     * All files of the shipped dictionary, read as one: lay terms and abbreviations, our drug lexicon (brand and
     * generic names, misspellings, routes to the wording of the HCPCS descriptions) and our procedure, device and
     * supply shorthand (PCS root operations and body parts, HCPCS and CPT words).
     */
    public static final List<String> RESOURCES = List.of(RESOURCE, "/search/drugs.txt", "/search/procedures.txt");

    /** A stretch of the query's words and what it may also mean. */
    public record Match(int start, int end, List<List<String>> expansions, boolean selfListed) {
        public Match(int start, int end, List<List<String>> expansions) {
            this(start, end, expansions, false);
        }
    }

    private final Map<List<String>, List<List<String>>> entries;
    /** Terms that list themselves among their wordings ("dizziness = dizziness | vertigo"): the typed words count in full. */
    private final Set<List<String>> selfListed;
    private final int longestTerm;
    /** Every word of every term (the left-hand sides): words we know, never to be spelling-corrected. */
    private final Set<String> termWords;
    /** Every term as typed words joined by one space, sorted: type-ahead completes them. */
    private final String[] sortedTerms;
    /** The longer term words by length, for spelling correction towards our lexicon. */
    private final Map<Integer, List<String>> correctable;

    private SynonymDictionary(Map<List<String>, List<List<String>>> entries, Set<List<String>> selfListed) {
        this.entries = entries;
        this.selfListed = selfListed;
        this.longestTerm = entries.keySet().stream().mapToInt(List::size).max().orElse(0);
        Set<String> words = new HashSet<>();
        entries.keySet().forEach(words::addAll);
        this.termWords = Set.copyOf(words);
        this.sortedTerms = entries.keySet().stream().map(k -> String.join(" ", k)).sorted().toArray(String[]::new);
        Map<Integer, List<String>> byLength = new HashMap<>();
        words.stream().filter(w -> w.length() >= MIN_CORRECTABLE && w.chars().allMatch(Character::isLetter)).sorted()
                .forEach(w -> byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w));
        byLength.replaceAll((k, v) -> List.copyOf(v));
        this.correctable = Map.copyOf(byLength);
    }

    private static final int MIN_CORRECTABLE = 5;

    /** The shipped dictionary: every file of {@link #RESOURCES}. */
    public static SynonymDictionary load() {
        List<String> lines = new ArrayList<>();
        for (String resource : RESOURCES) {
            try (InputStream in = SynonymDictionary.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Synonym dictionary " + resource + " is missing from the classpath");
                }
                lines.addAll(readLines(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parse(lines);
    }

    public static SynonymDictionary parse(InputStream in) throws IOException {
        return parse(readLines(in));
    }

    private static List<String> readLines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    public static SynonymDictionary parse(List<String> lines) {
        Map<List<String>, List<List<String>>> entries = new HashMap<>();
        Set<List<String>> self = new HashSet<>();
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
                    if (expansion.equals(words)) {
                        self.add(List.copyOf(words));
                    }
                    if (!merged.contains(expansion) && !expansion.equals(words)) {
                        merged.add(expansion);
                    }
                }
            }
        }
        Map<List<String>, List<List<String>>> frozen = new HashMap<>();
        entries.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new SynonymDictionary(Collections.unmodifiableMap(frozen), Set.copyOf(self));
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
                    found = new Match(i, i + len, expansions, selfListed.contains(words.subList(i, i + len)));
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

    /**
     * Our terms that start with what has been typed so far (its words as analyzed, the last one a prefix), shortest
     * first: "roce" gives "rocephin", "lap ch" gives "lap chole".
     */
    public List<String> termsStartingWith(String typed, int limit) {
        List<String> words = SearchAnalyzers.wordsOf(typed);
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        String prefix = String.join(" ", words);
        int at = java.util.Arrays.binarySearch(sortedTerms, prefix);
        if (at < 0) {
            at = -at - 1;
        }
        List<String> out = new ArrayList<>();
        for (int i = at; i < sortedTerms.length && sortedTerms[i].startsWith(prefix) && out.size() < 50; i++) {
            out.add(sortedTerms[i]);
        }
        out.sort(java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder()));
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    /** True when the word (as {@link SearchAnalyzers#words()} gives it) is part of one of our terms. */
    public boolean knows(String word) {
        return termWords.contains(word);
    }

    /**
     * The term word of our lexicon closest to an unknown word ("rocefin" to "rocephin", "toradal" to "toradol"):
     * one edit for words up to 6 letters, two for longer ones; the first letter must agree. Null when none is close.
     */
    public String closestTerm(String word) {
        if (word.length() < MIN_CORRECTABLE || termWords.contains(word)) {
            return null;
        }
        int allowed = word.length() <= 6 ? 1 : 2;
        String best = null;
        int bestDistance = allowed + 1;
        for (int len = word.length() - allowed; len <= word.length() + allowed; len++) {
            for (String candidate : correctable.getOrDefault(len, List.of())) {
                if (candidate.charAt(0) != word.charAt(0)) {
                    continue;
                }
                int d = distance(word, candidate, bestDistance - 1);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = candidate;
                }
            }
        }
        return best;
    }

    /** Edit distance (insert, delete, substitute, swap of neighbours), or more than {@code max} when beyond it. */
    static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
