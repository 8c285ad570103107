package com.casecoding.codes.assistant.bench;

import com.casecoding.codes.assistant.Answer;
import com.casecoding.codes.assistant.CodeContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The CasePilot question set ({@code assistant/questions.json}) and its evaluator: a question is answered correctly
 * when the answer contains every required fact, one fact of each alternative group, none of the forbidden texts,
 * cites what it must, and names no code missing from the loaded data.
 */
public final class QuestionSet {

    public static final String RESOURCE = "assistant/questions.json";

    public record Item(String id, String kind, String question, CodeContext code, List<String> mustContain,
                       List<List<String>> mustContainAny, List<String> mustNotContain, List<String> citationKinds) {
    }

    record File(String description, List<Item> questions) {
    }

    public record Outcome(Item item, Answer answer, List<String> problems, long nanos) {
        public boolean correct() {
            return problems.isEmpty();
        }
    }

    public record Report(List<Outcome> outcomes) {

        public double share() {
            return outcomes.isEmpty() ? 0 : outcomes.stream().filter(Outcome::correct).count() / (double) outcomes.size();
        }

        public Map<String, double[]> perKind() {
            Map<String, double[]> out = new TreeMap<>();
            for (Outcome o : outcomes) {
                double[] c = out.computeIfAbsent(o.item().kind(), k -> new double[2]);
                c[1]++;
                if (o.correct()) {
                    c[0]++;
                }
            }
            return out;
        }

        public long percentileMicros(double p) {
            List<Long> ns = outcomes.stream().map(Outcome::nanos).sorted().toList();
            if (ns.isEmpty()) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100.0 * ns.size()) - 1;
            return ns.get(Math.max(0, Math.min(ns.size() - 1, i))) / 1000;
        }

        public String toMarkdown() {
            StringBuilder sb = new StringBuilder("| Kind | Correct | Questions | Share |\n|---|---|---|---|\n");
            perKind().forEach((k, c) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f %% |%n", k,
                    (int) c[0], (int) c[1], 100 * c[0] / c[1])));
            long ok = outcomes.stream().filter(Outcome::correct).count();
            sb.append(String.format(Locale.ROOT, "| **all** | %d | %d | **%.1f %%** |%n", ok, outcomes.size(), 100 * share()));
            sb.append(String.format(Locale.ROOT, "%nLatency per answer: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d answers)%n",
                    percentileMicros(50) / 1000.0, percentileMicros(99) / 1000.0, percentileMicros(100) / 1000.0,
                    outcomes.size()));
            Map<String, Long> slowest = new TreeMap<>();
            outcomes.forEach(o -> slowest.merge(o.item().id(), o.nanos(), Math::max));
            sb.append("Slowest questions: ");
            slowest.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                    .forEach(e -> sb.append(String.format(Locale.ROOT, "%s %.1f ms; ", e.getKey(), e.getValue() / 1e6)));
            sb.append('\n');
            java.util.Map<String, Outcome> failed = new java.util.TreeMap<>();
            outcomes.stream().filter(o -> !o.correct()).forEach(o -> failed.putIfAbsent(o.item().id(), o));
            if (!failed.isEmpty()) {
                sb.append("\nNot answered correctly:\n");
            }
            failed.values().forEach(o -> {
                sb.append("\n- ").append(o.item().id()).append(" \"").append(o.item().question())
                        .append("\": ").append(String.join("; ", o.problems()));
                if (o.answer() != null) {
                    String a = o.answer().answer().replace("\n", " / ");
                    sb.append("\n  > ").append(a.length() > 400 ? a.substring(0, 400) + "..." : a);
                }
            });
            return sb.toString();
        }
    }

    private QuestionSet() {
    }

    public static List<Item> load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            return json.readValue(in, File.class).questions().stream().map(QuestionSet::withDefaults).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Item withDefaults(Item i) {
        return new Item(i.id(), i.kind(), i.question(), i.code(), orEmpty(i.mustContain()), orEmpty(i.mustContainAny()),
                orEmpty(i.mustNotContain()), orEmpty(i.citationKinds()));
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    /**
     * Answers every question once ({@code rounds} times for timing) and judges it.
     *
     * @param ask          the assistant under test
     * @param unknownCodes the code-like tokens of an answer that the loaded data does not hold
     */
    public static Report evaluate(List<Item> items, Function<Item, Answer> ask, Function<Answer, List<String>> unknownCodes,
                                  int rounds) {
        List<Outcome> out = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (Item item : items) {
                long start = System.nanoTime();
                Answer a;
                try {
                    a = ask.apply(item);
                } catch (RuntimeException e) {
                    out.add(new Outcome(item, null, List.of("failed: " + e.getMessage()), System.nanoTime() - start));
                    continue;
                }
                long nanos = System.nanoTime() - start;
                out.add(new Outcome(item, a, judge(item, a, unknownCodes.apply(a)), nanos));
            }
        }
        return new Report(out);
    }

    static List<String> judge(Item item, Answer a, List<String> unknown) {
        List<String> problems = new ArrayList<>();
        String text = a.answer().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (String f : item.mustContain()) {
            if (!text.contains(f.toLowerCase(Locale.ROOT))) {
                problems.add("missing '" + f + "'");
            }
        }
        for (List<String> group : item.mustContainAny()) {
            if (group.stream().noneMatch(f -> text.contains(f.toLowerCase(Locale.ROOT)))) {
                problems.add("none of " + group);
            }
        }
        for (String f : item.mustNotContain()) {
            if (text.contains(f.toLowerCase(Locale.ROOT))) {
                problems.add("must not contain '" + f + "'");
            }
        }
        for (String kind : item.citationKinds()) {
            if (a.citations().stream().noneMatch(c -> kind.equals(c.kind()))) {
                problems.add("no '" + kind + "' citation");
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("names codes missing from the loaded data: " + unknown);
        }
        return problems;
    }
}
