package com.casecoding.codes.consult;

import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.release.ImportCompleted;
import com.casecoding.codes.search.SearchEngine;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consult case set ({@code consult/cases.json}) against the real data of {@code ../shared/data} (skipped when
 * absent): every instant draft's suggestions are judged against the codes a good draft suggests and the ones it must
 * not. Precision = suggestions whose code starts with one of the case's good prefixes / all suggestions; it must be
 * at least 90 %, no suggestion may come from a dose or a number, no must-not code may be suggested, written codes are
 * checked in their own set, and the answers state the facts the case asks for. Writes {@code
 * target/consult-case-set.md}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class ConsultCaseSetTest {

    private static final Pattern NUMBER_OR_DOSE = Pattern.compile(
            "(?i).*(\\d|\\b(mg|mcg|ml|cc|units?|iu)\\b).*");
    private static final Pattern NUMBERED_TYPE = Pattern.compile("(?i)\\b(type|stage|grade|class) \\d{1,2}\\b");

    record Case(String id, String question, String caseText, List<String> consideredCodes, List<String> good,
                List<String> mustNot, List<String> answerContains, Map<String, String> checkedSystems) {
    }

    record CaseFile(String description, List<Case> cases) {
    }

    @Inject
    ImportRunner runner;

    @Inject
    SearchEngine search;

    @Inject
    AssistantDraftWriter writer;

    @Inject
    DataSource dataSource;

    @Inject
    Event<ImportCompleted> imported;

    @AfterEach
    void removeTheRealData() {
        CodesTestData.reset(dataSource);
        imported.fire(new ImportCompleted(List.of()));
    }

    @Test
    void draftsSuggestWhatAGoodCoderWouldAndNothingFromDosesOrNegations() throws Exception {
        Path data = CodesTestData.sharedDataOrSkip();
        runner.importPaths(List.of(data), "consult-case-set");
        search.requestRebuild("consult case set");
        assertTrue(search.awaitIdle(Duration.ofMinutes(3)), "search index built");
        List<Case> cases;
        try (InputStream in = getClass().getResourceAsStream("/consult/cases.json")) {
            cases = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, CaseFile.class).cases();
        }
        assertTrue(cases.size() >= 30, "at least 30 cases");
        int suggested = 0;
        int good = 0;
        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder("| Case | Suggested | Good | Wrong suggestions |\n|---|---|---|---|\n");
        for (Case c : cases) {
            Draft d = writer.write(new DraftWriter.DraftRequest(c.question(), c.caseText(), c.consideredCodes(), "case-set"));
            int caseGood = 0;
            List<String> wrong = new ArrayList<>();
            for (Draft.CodeSuggestion s : d.suggestions()) {
                suggested++;
                if (c.good().stream().anyMatch(p -> s.code().toUpperCase(Locale.ROOT).startsWith(p))) {
                    caseGood++;
                } else {
                    wrong.add(s.code() + " (" + s.phrase() + ")");
                }
                if (c.mustNot().contains(s.code())) {
                    problems.add(c.id() + ": suggested " + s.code() + " which it must not (" + s.phrase() + ")");
                }
                String phrase = NUMBERED_TYPE.matcher(s.phrase()).replaceAll("");
                if (NUMBER_OR_DOSE.matcher(phrase).matches()) {
                    problems.add(c.id() + ": suggestion " + s.code() + " drawn from a number or dose: " + s.phrase());
                }
            }
            good += caseGood;
            c.checkedSystems().forEach((code, system) -> {
                // the draft shows a code found as people write it (E11.9), whatever form the case typed (e119)
                boolean ok = d.checkedCodes().stream().anyMatch(k -> k.code().equals(
                                com.casecoding.common.codes.CodeSystem.fromId(system).map(x -> x.display(
                                        com.casecoding.common.codes.CodeSystem.compact(code))).orElse(code))
                        && Boolean.TRUE.equals(k.exists()) && system.equals(k.system()));
                if (!ok) {
                    problems.add(c.id() + ": " + code + " not checked as an existing " + system + " code: " + d.checkedCodes());
                }
            });
            for (String fact : c.answerContains()) {
                if (!d.answer().contains(fact)) {
                    problems.add(c.id() + ": the answer does not say '" + fact + "'");
                }
            }
            table.append("| ").append(c.id()).append(" | ").append(d.suggestions().size()).append(" | ").append(caseGood)
                    .append(" | ").append(String.join(", ", wrong)).append(" |\n");
        }
        double precision = suggested == 0 ? 0 : good / (double) suggested;
        String md = String.format(Locale.ROOT, "# CaseConsultant case set on the real data%n%n%d cases, %d suggestions, "
                + "%d good: precision %.1f %%%n%n", cases.size(), suggested, good, 100 * precision) + table
                + (problems.isEmpty() ? "" : "\nProblems:\n- " + String.join("\n- ", problems) + "\n");
        System.out.println(md);
        Files.writeString(Path.of("target/consult-case-set.md"), md);
        assertEquals(List.of(), problems, md);
        assertTrue(suggested >= cases.size(), "the drafts suggest codes at all:\n" + md);
        assertTrue(precision >= 0.90, "precision at least 90 %:\n" + md);
    }
}
