package com.casecoding.codes.assistant.llm;

import com.casecoding.codes.assistant.Answer;
import com.casecoding.codes.assistant.AssistantService;
import com.casecoding.codes.assistant.FakeData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LLM client against a stub OpenAI-compatible server: a faithful rephrase is used, anything else falls back. */
class LlmPolishTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final AtomicReference<Function<JsonNode, String>> reply = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<Long> delayMillis = new AtomicReference<>(0L);
    private final AtomicReference<JsonNode> lastRequest = new AtomicReference<>();
    private final AtomicReference<String> lastAuth = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            lastRequest.set(body);
            lastAuth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            try {
                Thread.sleep(delayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String content = reply.get().apply(body);
            byte[] out = JSON.writeValueAsBytes(JSON.createObjectNode().set("choices", JSON.createArrayNode()
                    .add(JSON.createObjectNode().set("message", JSON.createObjectNode()
                            .put("role", "assistant").put("content", content)))));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private AssistantService assistant() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return new FakeData().service(new OpenAiCompatibleClient(Optional.of(url), Optional.of("test-key"),
                "stub-model", Duration.ofMillis(800)));
    }

    private Answer grounded() {
        return new FakeData().service(FakeData.noLlm()).answer("What does E11.9 mean?", null, null);
    }

    @Test
    void aFaithfulRephraseIsUsed() {
        reply.set(body -> "In short: `E11.9` means Type 2 diabetes mellitus without complications. It is billable, "
                          + "under `E11` (FY2025).");
        Answer a = assistant().answer("What does E11.9 mean?", null, null);
        assertTrue(a.polished());
        assertTrue(a.answer().startsWith("In short:"));
        assertEquals(grounded().citations(), a.citations());
        assertEquals("stub-model", lastRequest.get().path("model").asText());
        assertEquals("Bearer test-key", lastAuth.get());
        String prompt = lastRequest.get().path("messages").get(1).path("content").asText();
        assertTrue(prompt.contains("Type 2 diabetes mellitus without complications"), "the grounded answer is sent");
    }

    @Test
    void aRephraseThatInventsACodeFallsBack() {
        reply.set(body -> "`E11.9` means diabetes; also consider `E11.99` and E11.65.");
        Answer a = assistant().answer("What does E11.9 mean?", null, null);
        assertFalse(a.polished());
        assertEquals(grounded().answer(), a.answer());
        assertFalse(a.answer().contains("E11.99"));
    }

    @Test
    void aRephraseThatAddsAnExistingCodeNotInTheGroundedAnswerFallsBack() {
        reply.set(body -> "`E11.9` is type 2 diabetes; for neuropathy use `E11.40`.");
        Answer a = assistant().answer("What does E11.9 mean?", null, null);
        assertFalse(a.polished());
        assertEquals(grounded().answer(), a.answer());
    }

    @Test
    void anErrorFallsBack() {
        status.set(500);
        reply.set(body -> "whatever");
        Answer a = assistant().answer("What does E11.9 mean?", null, null);
        assertFalse(a.polished());
        assertEquals(grounded().answer(), a.answer());
    }

    @Test
    void aTimeoutFallsBack() {
        delayMillis.set(2_000L);
        reply.set(body -> "`E11.9` is type 2 diabetes.");
        long start = System.nanoTime();
        Answer a = assistant().answer("What does E11.9 mean?", null, null);
        assertFalse(a.polished());
        assertEquals(grounded().answer(), a.answer());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1_900, "the client gives up at its timeout");
    }

    @Test
    void offWithoutAUrl() {
        assertFalse(new OpenAiCompatibleClient(Optional.empty(), Optional.empty(), "m", Duration.ofSeconds(1)).enabled());
        assertFalse(new OpenAiCompatibleClient(Optional.of(" "), Optional.empty(), "m", Duration.ofSeconds(1)).enabled());
    }
}
