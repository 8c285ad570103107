package com.casecoding.codes.assistant.llm;

import java.util.Optional;

/** A language model that may rephrase a grounded answer. Empty when it is off, failed or timed out. */
public interface LlmClient {

    boolean enabled();

    Optional<String> rephrase(String question, String groundedAnswer);
}
