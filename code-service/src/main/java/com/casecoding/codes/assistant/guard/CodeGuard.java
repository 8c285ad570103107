package com.casecoding.codes.assistant.guard;

import com.casecoding.codes.assistant.Answer;
import com.casecoding.codes.assistant.Citation;
import com.casecoding.codes.assistant.data.CodeCatalog;
import com.casecoding.codes.assistant.understand.CodeShapes;
import com.casecoding.common.codes.CodeSystem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enforces "never write a code that does not exist in the loaded data". Every code-like token of an answer is
 * checked against the {@link CodeCatalog}:
 * <ul>
 *   <li>inside backticks every shape counts (also ICD-9 forms such as {@code 250.00} or {@code 81.54});</li>
 *   <li>in running text the unambiguous shapes count (E11.9, J1885, 99213, 0DTJ4ZZ); plain decimals such as fees
 *       and RVUs do not;</li>
 *   <li>verbatim official titles from the loaded data (the draft's data literals) are not edited: "B12" in
 *       "Vitamin B12 deficiency anemia" is part of an official title, not a code suggestion.</li>
 * </ul>
 * Unknown codes are removed from the text, follow-ups naming them are dropped, citations naming them are dropped.
 */
public final class CodeGuard {

    public static final String REMOVED = "[code not in the loaded data removed]";

    private static final Pattern TICKED = Pattern.compile("`([^`\\n]{1,40})`");
    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9.])([A-Za-z0-9]{3,7}(?:\\.[A-Za-z0-9]{1,4})?)(?![A-Za-z0-9]|\\.[A-Za-z0-9])");

    private final CodeCatalog catalog;

    public CodeGuard(CodeCatalog catalog) {
        this.catalog = catalog;
    }

    public record Result(Answer answer, Set<String> removed) {
        public boolean clean() {
            return removed.isEmpty();
        }
    }

    /** A code-like token found in a text and whether the loaded data holds it. */
    public record Token(String text, int start, int end, boolean ticked, boolean known) {
    }

    public Result enforce(Answer answer, Set<String> dataLiterals) {
        Set<String> removed = new LinkedHashSet<>();
        String text = clean(answer.answer(), dataLiterals, removed);
        List<String> followUps = new ArrayList<>();
        for (String f : answer.followUps()) {
            if (tokens(f, Set.of()).stream().allMatch(Token::known)) {
                followUps.add(f);
            } else {
                tokens(f, Set.of()).stream().filter(t -> !t.known()).forEach(t -> removed.add(t.text()));
            }
        }
        List<Citation> citations = new ArrayList<>();
        for (Citation c : answer.citations()) {
            if (c.code() == null || citedCodeExists(c)) {
                citations.add(c);
            } else {
                removed.add(c.code());
            }
        }
        return new Result(new Answer(text, citations, followUps, answer.intent(), answer.polished()), removed);
    }

    /** Every code-like token of the text that the catalog does not hold; empty when the text is clean. */
    public List<Token> unknownCodes(String text, Set<String> dataLiterals) {
        return tokens(text, dataLiterals).stream().filter(t -> !t.known()).toList();
    }

    /** All code-like tokens of a text (the same reading as {@link #enforce}). */
    public List<Token> tokens(String text, Set<String> dataLiterals) {
        List<int[]> trusted = trustedSpans(text, dataLiterals);
        List<Token> out = new ArrayList<>();
        List<int[]> tickedSpans = new ArrayList<>();
        Matcher t = TICKED.matcher(text);
        while (t.find()) {
            tickedSpans.add(new int[]{t.start(), t.end()});
            String inner = t.group(1).trim();
            if (CodeShapes.candidates(inner, true).isEmpty()) {
                continue;
            }
            out.add(new Token(inner, t.start(), t.end(), true, known(inner, true)));
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(1);
            if (inside(s, e, tickedSpans) || inside(s, e, trusted)) {
                continue;
            }
            String tok = m.group(1);
            if (!CodeShapes.strong(tok)) {
                continue;
            }
            out.add(new Token(tok, s, e, false, known(tok, false)));
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private String clean(String text, Set<String> dataLiterals, Set<String> removed) {
        List<Token> bad = unknownCodes(text, dataLiterals);
        if (bad.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text);
        for (int i = bad.size() - 1; i >= 0; i--) {
            Token b = bad.get(i);
            sb.replace(b.start(), b.end(), REMOVED);
            removed.add(b.text());
        }
        return sb.toString();
    }

    private boolean citedCodeExists(Citation c) {
        Optional<CodeSystem> system = CodeSystem.fromId(c.system());
        String code = CodeSystem.compact(c.code());
        return system.map(s -> catalog.exists(s, code)).orElseGet(() -> known(code, true));
    }

    private boolean known(String token, boolean icd9Context) {
        String code = CodeSystem.compact(token);
        for (CodeSystem s : CodeShapes.candidates(token, icd9Context)) {
            if (catalog.exists(s, code)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(int s, int e, List<int[]> spans) {
        for (int[] span : spans) {
            if (s >= span[0] && e <= span[1]) {
                return true;
            }
        }
        return false;
    }

    private static List<int[]> trustedSpans(String text, Set<String> literals) {
        List<int[]> spans = new ArrayList<>();
        for (String lit : literals) {
            if (lit == null || lit.isBlank()) {
                continue;
            }
            int from = 0;
            int at;
            while ((at = text.indexOf(lit, from)) >= 0) {
                spans.add(new int[]{at, at + lit.length()});
                from = at + lit.length();
            }
        }
        return spans;
    }
}
