package com.casecoding.codes.assistant;

import java.util.List;

/**
 * The assistant's answer: markdown text, the citations it rests on and suggested follow-up questions.
 * {@code intent} says how the question was understood; {@code polished} is true when an LLM rephrased the grounded
 * answer (and the rephrase passed the code check).
 */
public record Answer(String answer, List<Citation> citations, List<String> followUps, String intent,
                     boolean polished) {
}
