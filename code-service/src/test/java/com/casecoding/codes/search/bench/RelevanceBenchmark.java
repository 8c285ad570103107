package com.casecoding.codes.search.bench;

import com.casecoding.codes.search.CodeIndex;
import com.casecoding.codes.search.SearchHit;
import com.casecoding.codes.search.SearchPage;
import com.casecoding.codes.search.SearchQuery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recall@5 of the relevance set ({@code src/test/resources/search/relevance-set.tsv}) on an index, per code set and
 * kind of query. {@code RelevanceSetTest} runs it on the index of the real data and prints the report;
 * {@link SearchLatencyBench} and {@link SearchLoadGenerator} take their queries from the set.
 */
public final class RelevanceBenchmark {

    public static final String RESOURCE = "/search/relevance-set.tsv";

    /** One line of the set: kind, query, and the codes a coder would accept (system:code or system:prefix*). */
    public record Case(String kind, String query, List<String> accepted) {
        /** The code set the query counts for: the system of its first accepted code. */
        public String set() {
            String first = accepted.get(0);
            return first.substring(0, Math.max(0, first.indexOf(':')));
        }

        boolean accepts(SearchHit hit) {
            for (String a : accepted) {
                int colon = a.indexOf(':');
                String system = a.substring(0, colon);
                String code = a.substring(colon + 1);
                if (!system.equals(hit.system())) {
                    continue;
                }
                if (code.endsWith("*") ? hit.normalizedCode().startsWith(code.substring(0, code.length() - 1))
                        : hit.normalizedCode().equals(code)) {
                    return true;
                }
            }
            return false;
        }
    }

    public record Result(Map<String, int[]> perKind, Map<String, int[]> perSet, Map<String, int[]> perSetAndKind,
                         List<String> misses, List<String> unknownCodes, int total, int found) {
        public double recall() {
            return total == 0 ? 0 : (double) found / total;
        }

        /** Recall@5 of one code set's queries. */
        public double recall(String set) {
            int[] c = perSet.get(set);
            return c == null || c[1] == 0 ? 0 : (double) c[0] / c[1];
        }
    }

    /**
     * Prints the top ten of each query of {@code probes} ("query|query", empty for none): for looking at a query the
     * set misses.
     */
    public static void probe(CodeIndex index, String probes) {
        for (String q : probes.split("\\|")) {
            if (q.isBlank()) {
                continue;
            }
            SearchPage page = index.search(SearchQuery.of(q.strip(), 10));
            System.out.println("== " + q.strip() + " (" + page.total() + ", " + page.mode() + ") "
                    + page.corrections() + " " + page.expansions());
            page.results().forEach(h -> System.out.printf("  %-8s %-9s %-6s %.3f %s%n", h.system(), h.code(),
                    h.billable(), h.score(), h.title()));
        }
    }

    public static List<Case> load() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = RelevanceBenchmark.class.getResourceAsStream(RESOURCE);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 3) {
                    throw new IllegalStateException("relevance line needs kind<TAB>query<TAB>codes: " + line);
                }
                cases.add(new Case(cols[0].strip(), cols[1].strip(), Arrays.asList(cols[2].strip().split("\\s+"))));
            }
        }
        return cases;
    }

    public static Result evaluate(CodeIndex index, List<Case> cases) {
        Map<String, int[]> perKind = new TreeMap<>();
        Map<String, int[]> perSet = new TreeMap<>();
        Map<String, int[]> perSetAndKind = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        int found = 0;
        for (Case c : cases) {
            for (String a : c.accepted()) {
                if (!exists(index, a)) {
                    unknown.add(c.query() + " -> " + a);
                }
            }
            SearchPage page = index.search(SearchQuery.of(c.query(), 5));
            boolean hit = page.results().stream().anyMatch(c::accepts);
            for (int[] counts : List.of(perKind.computeIfAbsent(c.kind(), k -> new int[2]),
                    perSet.computeIfAbsent(c.set(), k -> new int[2]),
                    perSetAndKind.computeIfAbsent(c.set() + " / " + c.kind(), k -> new int[2]))) {
                counts[1]++;
                counts[0] += hit ? 1 : 0;
            }
            if (hit) {
                found++;
            } else {
                misses.add(c.kind() + " '" + c.query() + "' got " + page.results().stream()
                        .map(h -> h.system() + ":" + h.code()).toList());
            }
        }
        return new Result(perKind, perSet, perSetAndKind, misses, unknown, cases.size(), found);
    }

    private static boolean exists(CodeIndex index, String accepted) {
        int colon = accepted.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String system = accepted.substring(0, colon);
        String code = accepted.substring(colon + 1);
        if (code.endsWith("*")) {
            String prefix = code.substring(0, code.length() - 1);
            return index.documents().stream().anyMatch(d -> d.system().equals(system) && d.code().startsWith(prefix));
        }
        return index.find(system, code).isPresent();
    }

    public static void print(Result result) {
        System.out.println("recall@5 per kind:");
        result.perKind().forEach((kind, c) -> System.out.printf("  %-14s %3d/%3d = %5.1f %%%n", kind, c[0], c[1],
                100.0 * c[0] / c[1]));
        System.out.println("recall@5 per code set (the system of the first accepted code):");
        result.perSet().forEach((set, c) -> System.out.printf("  %-14s %3d/%3d = %5.1f %%%n", set, c[0], c[1],
                100.0 * c[0] / c[1]));
        System.out.println("| set / kind | found | queries | recall@5 |");
        System.out.println("|---|---:|---:|---:|");
        result.perSetAndKind().forEach((key, c) -> System.out.printf("| %s | %d | %d | %.1f %% |%n", key, c[0], c[1],
                100.0 * c[0] / c[1]));
        System.out.printf("  %-14s %3d/%3d = %5.1f %%%n", "overall", result.found(), result.total(),
                100.0 * result.recall());
        result.misses().forEach(m -> System.out.println("  miss: " + m));
        result.unknownCodes().forEach(m -> System.out.println("  NOT IN DATA: " + m));
    }
}
