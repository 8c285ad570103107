package com.casecoding.codes.assistant.bench;

import com.casecoding.codes.assistant.AssistantService;
import com.casecoding.codes.assistant.compose.CodeResolver;
import com.casecoding.codes.assistant.guard.CodeGuard;
import com.casecoding.codes.assistant.guideline.GuidelineLibrary;
import com.casecoding.codes.assistant.guideline.GuidelineNote;
import com.casecoding.codes.assistant.understand.CodeMention;
import com.casecoding.codes.assistant.understand.MentionExtractor;
import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.release.ImportCompleted;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.search.SearchEngine;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The question set against the real data of {@code ../shared/data} (skipped when absent): every code the set names
 * exists, every code our guideline notes name exists, no answer names a code missing from the data, and at least
 * 90 % of the questions are answered correctly. Writes the per-kind report to
 * {@code target/assistant-benchmark.md}; the latency figures there are measurements, not assertions.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class AssistantQuestionSetTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    ImportRunner runner;

    @Inject
    SearchEngine search;

    @Inject
    AssistantService assistant;

    @Inject
    GuidelineLibrary guidelines;

    @Inject
    DataSource dataSource;

    @Inject
    Event<ImportCompleted> imported;

    /** Tests share one database per JVM: leave it empty for the fixture-based tests that follow. */
    @AfterEach
    void removeTheRealData() {
        CodesTestData.reset(dataSource);
        imported.fire(new ImportCompleted(List.of()));
    }

    @Test
    void theQuestionSetIsAnsweredFromTheRealData() throws Exception {
        Path data = CodesTestData.sharedDataOrSkip();
        runner.importPaths(List.of(data), "assistant-question-set");
        search.requestRebuild("assistant question set");
        assertTrue(search.awaitIdle(Duration.ofMinutes(3)), "search index built");
        CodeGuard guard = assistant.guard();

        List<QuestionSet.Item> items = QuestionSet.load();
        assertTrue(items.size() >= 200, "at least 200 questions");
        CodeResolver resolver = new CodeResolver(assistant.catalog());
        List<String> missing = new ArrayList<>();
        for (QuestionSet.Item item : items) {
            if (item.kind().equals("no-data")) {
                continue;
            }
            for (CodeMention m : MentionExtractor.extract(item.question())) {
                if (resolver.resolve(m, Optional.empty(), List.of()).isEmpty()) {
                    missing.add(item.id() + ": " + m.typed());
                }
            }
        }
        assertEquals(List.of(), missing, "the question set names only codes that exist in the data");
        for (GuidelineNote note : guidelines.all()) {
            assertEquals(List.of(), guard.unknownCodes(note.body(), Set.of()), "codes in guideline note " + note.id());
        }

        QuestionSet.evaluate(items, this::ask, a -> List.of(), 1);
        QuestionSet.Report report = QuestionSet.evaluate(items, this::ask,
                a -> guard.unknownCodes(a.answer(), Set.of()).stream().map(CodeGuard.Token::text).toList(), 5);
        var overHttp = AssistantBenchmark.overHttp(base.toString().replaceAll("/$", ""),
                TestTokens.pro(UUID.randomUUID().toString()));
        QuestionSet.evaluate(items, overHttp, a -> List.of(), 1);
        QuestionSet.Report http = QuestionSet.evaluate(items, overHttp, a -> List.of(), 2);
        String md = "# CasePilot question set on the real data\n\n" + items.size() + " questions x 5 rounds, "
                    + "in process (AssistantService.answer, no LLM), after one warm-up round.\n\n" + report.toMarkdown()
                    + "\n\n## Over HTTP (POST /api/assistant/ask with a pro token, 2 rounds after a warm-up round)\n\n" + http.toMarkdown() + "\n";
        System.out.println(md);
        Files.writeString(Path.of("target/assistant-benchmark.md"), md);
        StringBuilder answers = new StringBuilder("# CasePilot answers on the real data\n");
        report.outcomes().stream().limit(items.size()).forEach(o -> answers.append("\n## ").append(o.item().id())
                .append(": ").append(o.item().question()).append("\n\n").append(o.answer() == null ? "(failed)" : o.answer().answer())
                .append("\n\nCitations: ").append(o.answer() == null ? "" : o.answer().citations())
                .append("\n\nFollow-ups: ").append(o.answer() == null ? "" : o.answer().followUps()).append('\n'));
        Files.writeString(Path.of("target/assistant-answers.md"), answers.toString());
        assertTrue(report.share() >= 0.95, "at least 95 % correct:\n" + md);
        assertTrue(http.share() >= 0.95, "at least 95 % correct over HTTP:\n" + md);
        report.perKind().forEach((kind, c) -> assertTrue(c[0] / c[1] >= 0.85, "kind " + kind + " at least 85 %:\n" + md));
        assertTrue(report.outcomes().stream().noneMatch(o -> o.problems().stream().anyMatch(p -> p.startsWith("names codes"))),
                "no answer names a code missing from the data:\n" + md);
    }

    private com.casecoding.codes.assistant.Answer ask(QuestionSet.Item item) {
        return assistant.answer(item.question(), item.code(), null);
    }
}
