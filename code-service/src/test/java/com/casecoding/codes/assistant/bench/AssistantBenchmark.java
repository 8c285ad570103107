package com.casecoding.codes.assistant.bench;

import com.casecoding.codes.assistant.Answer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The CasePilot benchmark against a running code-service: asks every question of the question set over HTTP
 * ({@code POST /api/assistant/ask}), reports the share answered correctly per kind and the latency percentiles.
 *
 * <pre>
 * java -cp code-service/target/test-classes:$(cat cp.txt) com.casecoding.codes.assistant.bench.AssistantBenchmark \
 *      http://localhost:8081 "$TOKEN" [rounds]
 * </pre>
 * The token must belong to a plan without a daily limit (pro), for instance one issued by the gateway for a pro
 * account. The in-process variant with the real data is {@code AssistantQuestionSetTest}.
 */
public final class AssistantBenchmark {

    private AssistantBenchmark() {
    }

    /** Asks a question of the service at {@code base} with the bearer token, as a client would. */
    public static Function<QuestionSet.Item, Answer> overHttp(String base, String token) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return item -> {
            try {
                ObjectNode body = json.createObjectNode().put("question", item.question());
                if (item.code() != null) {
                    body.putObject("code").put("system", item.code().system()).put("code", item.code().code());
                }
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/assistant/ask"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + res.statusCode() + ": " + res.body());
                }
                return json.readValue(res.body(), Answer.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: AssistantBenchmark <code-service base URL> <bearer token> [rounds]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        String token = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Function<QuestionSet.Item, Answer> ask = overHttp(base, token);
        List<QuestionSet.Item> items = QuestionSet.load();
        QuestionSet.evaluate(items, ask, a -> List.of(), 1);
        QuestionSet.Report report = QuestionSet.evaluate(items, ask, a -> List.<String>of(), rounds);
        System.out.println("CasePilot question set over HTTP (" + items.size() + " questions x " + rounds + " rounds, "
                           + "after one warm-up round)\n");
        System.out.println(report.toMarkdown());
        System.out.println("\n(The no-invented-code check runs inside the service; the in-process test also re-checks every answer.)");
    }
}
