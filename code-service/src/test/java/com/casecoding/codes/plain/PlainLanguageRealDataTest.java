package com.casecoding.codes.plain;

import com.casecoding.codes.catalog.CodeCatalog;
import com.casecoding.codes.imports.CodesTestData;
import com.casecoding.codes.imports.ImportRunner;
import com.casecoding.codes.imports.ImportSummary;
import com.casecoding.codes.plain.structure.Readability;
import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22's measure on the real files: ICD-10-CM, ICD-10-PCS, HCPCS Level II and the CPT numbers of the MPFS file
 * are imported, then every code of the catalog is given its text as the page would (no admin texts after the reset,
 * so editorial, else structure). Prints per set the coverage and the median Flesch-Kincaid grade, and the quality
 * set's result. Skips without {@code ../shared/data} (fails under CI=true).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class PlainLanguageRealDataTest {

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Inject
    CodeCatalog catalog;

    @Inject
    PlainLanguage plainLanguage;

    private static final class Tally {
        long codes;
        long withText;
        long editorial;
        final List<Double> grades = new ArrayList<>();

        double coverage() {
            return codes == 0 ? 0 : 100.0 * withText / codes;
        }

        double medianGrade() {
            if (grades.isEmpty()) {
                return 0;
            }
            Collections.sort(grades);
            return grades.get(grades.size() / 2);
        }
    }

    @Test
    void coverageQualityAndReadabilityOnTheFullImport() {
        Path data = CodesTestData.sharedDataOrSkip();
        CodesTestData.reset(dataSource);
        ImportSummary summary = runner.importPaths(List.of(data.resolve("icd10cm"), data.resolve("icd10pcs"),
                data.resolve("hcpcs"), data.resolve("mpfs")), "test");
        assertEquals(0, summary.failed(), () -> summary.files().toString());
        catalog.invalidate();
        assertEquals(0, CodesTestData.count(dataSource, "select count(*) from codes.common_language"));

        Map<CodeSystem, Tally> tallies = new EnumMap<>(CodeSystem.class);
        List<Double> allGrades = new ArrayList<>();
        catalog.scan(null, s -> {
            CodeSystem system = s.status().system();
            String code = s.status().code();
            if (!system.accepts(code)) {
                return; // a hierarchy node (an ICD-10-PCS table), not a code
            }
            Tally t = tallies.computeIfAbsent(system, k -> new Tally());
            t.codes++;
            String title = s.longTitle() != null && !s.longTitle().isBlank() ? s.longTitle() : s.shortTitle();
            Optional<PlainText> text = plainLanguage.withoutAdmin(system, code, title, s.status().header(),
                    s.version());
            if (text.isPresent()) {
                t.withText++;
                if (PlainText.EDITORIAL.equals(text.get().source())) {
                    t.editorial++;
                }
                double grade = Readability.grade(text.get().text());
                t.grades.add(grade);
                allGrades.add(grade);
            }
        });

        List<QualitySet.Case> cases = QualitySet.load();
        Map<CodeSystem, int[]> quality = new EnumMap<>(CodeSystem.class);
        List<String> failures = new ArrayList<>();
        for (QualitySet.Case c : cases) {
            int[] q = quality.computeIfAbsent(c.key().system(), k -> new int[2]);
            q[1]++;
            String text = plainLanguage.text(c.key().system(), c.key().code()).map(PlainText::text).orElse(null);
            List<String> missing = c.missing(text);
            if (missing.isEmpty()) {
                q[0]++;
            } else {
                failures.add(c.key().system().id() + " " + c.key().code() + " misses " + missing
                        + (text == null ? " (no text: code not in the loaded releases?)" : ""));
            }
        }

        StringBuilder table = new StringBuilder("\nPlain-language texts on the full import (issue 22)\n");
        table.append(String.format("%-10s %9s %9s %9s %9s %9s %9s%n", "set", "codes", "with text", "coverage",
                "editorial", "median FK", "quality"));
        for (Map.Entry<CodeSystem, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            int[] q = quality.getOrDefault(e.getKey(), new int[2]);
            table.append(String.format("%-10s %9d %9d %8.2f%% %9d %9.1f %9s%n", e.getKey().id(), t.codes, t.withText,
                    t.coverage(), t.editorial, t.medianGrade(), q[1] == 0 ? "-" : q[0] + "/" + q[1]));
        }
        Collections.sort(allGrades);
        int passed = cases.size() - failures.size();
        double qualityPct = 100.0 * passed / cases.size();
        double median = allGrades.get(allGrades.size() / 2);
        table.append(String.format("all texts: median Flesch-Kincaid grade %.1f; quality set %d/%d = %.1f%%%n",
                median, passed, cases.size(), qualityPct));
        failures.forEach(f -> table.append("  quality miss: ").append(f).append('\n'));
        System.out.println(table);

        assertEquals(100.0, tallies.get(CodeSystem.ICD10CM).coverage(), 0.0001, table::toString);
        assertEquals(100.0, tallies.get(CodeSystem.ICD10PCS).coverage(), 0.0001, table::toString);
        assertTrue(tallies.get(CodeSystem.HCPCS).coverage() >= 95.0, table::toString);
        assertTrue(tallies.get(CodeSystem.CPT).editorial >= 600, table::toString);
        assertTrue(cases.size() >= 150, table::toString);
        assertTrue(qualityPct >= 95.0, table::toString);
        assertTrue(median <= 9.0, table::toString);
        for (CodeSystem s : List.of(CodeSystem.ICD10CM, CodeSystem.ICD10PCS, CodeSystem.HCPCS, CodeSystem.CPT)) {
            assertTrue(quality.containsKey(s), "quality set without " + s);
        }
        // every ICD-10-CM chapter is in the quality set
        long chapters = cases.stream().filter(c -> c.key().system() == CodeSystem.ICD10CM)
                .map(c -> PlainLanguage.chapter(CodeSystem.ICD10CM, c.key().code())).distinct().count();
        assertEquals(22, chapters, table::toString);
        assertTrue(cases.stream().map(QualitySet.Case::key).map(CodeKey::system).distinct().count() >= 5);
    }
}
