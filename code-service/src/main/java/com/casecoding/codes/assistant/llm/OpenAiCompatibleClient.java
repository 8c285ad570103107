package com.casecoding.codes.assistant.llm;

import com.casecoding.codes.assistant.AssistantConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Chat completions against any OpenAI-compatible endpoint ({@code ${ASSISTANT_LLM_URL}/v1/chat/completions}), with
 * {@code ASSISTANT_LLM_API_KEY} and {@code ASSISTANT_LLM_MODEL}. Off unless the URL is set. Any failure (status,
 * timeout, malformed body) gives an empty result: the grounded answer is then used as is.
 */
@ApplicationScoped
public class OpenAiCompatibleClient implements LlmClient {

    private static final Logger LOG = Logger.getLogger(OpenAiCompatibleClient.class);

    static final String SYSTEM_PROMPT = """
            You rephrase answers of a medical coding assistant so they read well. Rules:
            1. Use ONLY the facts in the grounded answer. Add no fact, number, code, date or advice of your own.
            2. Keep every code exactly as written, in backticks. Never write a code that is not in the grounded answer.
            3. Keep markdown. Keep it about as long as the grounded answer or shorter.
            Reply with the rephrased answer only.""";

    private final Optional<URI> endpoint;
    private final Optional<String> apiKey;
    private final String model;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public OpenAiCompatibleClient(AssistantConfig config) {
        this(config.llm().url(), config.llm().apiKey(), config.llm().model(), config.llm().timeout());
    }

    public OpenAiCompatibleClient(Optional<String> baseUrl, Optional<String> apiKey, String model, Duration timeout) {
        this.endpoint = baseUrl.filter(u -> !u.isBlank())
                .map(u -> URI.create(u.replaceAll("/+$", "") + "/v1/chat/completions"));
        this.apiKey = apiKey.filter(k -> !k.isBlank());
        this.model = model;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public boolean enabled() {
        return endpoint.isPresent();
    }

    @Override
    public Optional<String> rephrase(String question, String groundedAnswer) {
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        try {
            ObjectNode body = json.createObjectNode().put("model", model).put("temperature", 0);
            ArrayNode messages = body.putArray("messages");
            messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
            messages.addObject().put("role", "user").put("content",
                    "Question: " + question + "\n\nGrounded answer:\n" + groundedAnswer);
            HttpRequest.Builder req = HttpRequest.newBuilder(endpoint.get()).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            apiKey.ifPresent(k -> req.header("Authorization", "Bearer " + k));
            HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 != 2) {
                LOG.warnf("LLM answered HTTP %d; using the grounded answer", res.statusCode());
                return Optional.empty();
            }
            JsonNode content = json.readTree(res.body()).path("choices").path(0).path("message").path("content");
            return content.isTextual() && !content.asText().isBlank() ? Optional.of(content.asText().trim()) : Optional.empty();
        } catch (IOException e) {
            LOG.warnf("LLM call failed (%s); using the grounded answer", e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
