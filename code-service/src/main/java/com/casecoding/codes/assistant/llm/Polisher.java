package com.casecoding.codes.assistant.llm;

import com.casecoding.codes.assistant.Answer;
import com.casecoding.codes.assistant.guard.CodeGuard;
import com.casecoding.codes.assistant.understand.CodeShapes;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets the LLM rephrase a grounded answer, and keeps the rephrase only when it passes the code check: every code it
 * writes exists in the loaded data AND was already in the grounded answer (a rephrase adds no code, and no number
 * shaped like a code). Otherwise the grounded answer stands.
 */
public final class Polisher {

    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9.])([A-Za-z0-9]{2,7}(?:\\.[A-Za-z0-9]{1,4})?)(?![A-Za-z0-9]|\\.[A-Za-z0-9])");

    private final LlmClient llm;
    private final CodeGuard guard;

    public Polisher(LlmClient llm, CodeGuard guard) {
        this.llm = llm;
        this.guard = guard;
    }

    public Answer polish(String question, Answer grounded, Set<String> dataLiterals) {
        if (!llm.enabled()) {
            return grounded;
        }
        Optional<String> text = llm.rephrase(question, grounded.answer());
        if (text.isEmpty() || !acceptable(grounded.answer(), text.get(), dataLiterals)) {
            return grounded;
        }
        return new Answer(text.get(), grounded.citations(), grounded.followUps(), grounded.intent(), true);
    }

    boolean acceptable(String grounded, String rephrased, Set<String> dataLiterals) {
        if (!guard.unknownCodes(rephrased, dataLiterals).isEmpty()) {
            return false;
        }
        Set<String> allowed = codeLike(grounded);
        for (String t : codeLike(rephrased)) {
            if (!allowed.contains(t)) {
                return false;
            }
        }
        return true;
    }

    /** Every token of any code shape (ICD-9 and plain-number shapes included), normalized. */
    private static Set<String> codeLike(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = TOKEN.matcher(text.replace("`", " "));
        while (m.find()) {
            String tok = m.group(1);
            if (!CodeShapes.candidates(tok, true).isEmpty()) {
                out.add(tok.toUpperCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }
}
