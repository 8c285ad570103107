package com.casecoding.codes.assistant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of CasePilot ({@code assistant.*}). */
@ConfigMapping(prefix = "assistant")
public interface AssistantConfig {

    Limits limits();

    Llm llm();

    /** Questions per UTC day per account, by plan; a negative number means unlimited. */
    interface Limits {
        @WithDefault("3")
        int guest();

        @WithDefault("20")
        int free();

        @WithDefault("-1")
        int pro();
    }

    /** The optional LLM that rephrases grounded answers; off unless {@code ASSISTANT_LLM_URL} is set. */
    interface Llm {
        /** Base URL of an OpenAI-compatible API ({@code /v1/chat/completions} is appended). */
        Optional<String> url();

        Optional<String> apiKey();

        @WithDefault("gpt-4o-mini")
        String model();

        @WithDefault("4s")
        Duration timeout();
    }
}
