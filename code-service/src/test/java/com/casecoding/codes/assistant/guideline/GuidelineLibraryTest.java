package com.casecoding.codes.assistant.guideline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuidelineLibraryTest {

    private final GuidelineLibrary library = new GuidelineLibrary();

    @Test
    void everyNoteFileIsListedAndComplete() throws IOException {
        Path dir = Path.of("src/main/resources/guidelines");
        Set<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).collect(Collectors.toSet());
        }
        assertEquals(files.size(), library.all().size(), "index.txt must list every note");
        for (GuidelineNote n : library.all()) {
            assertTrue(files.contains(n.id() + ".md"), "note id matches its file name: " + n.id());
            assertFalse(n.body().isBlank(), n.id());
            assertTrue(n.source() != null && n.source().contains("CaseCoding"), "a note says it is ours: " + n.id());
        }
        assertEquals(library.all().size(), library.all().stream().map(GuidelineNote::id).distinct().count());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Guidelines for E/M services|em-levels",
            "How is the E/M level chosen, MDM or time?|em-levels",
            "modifier 25 vs 59|modifier-25-vs-59",
            "When do I use modifier 25?|modifier-25",
            "What does modifier 59 mean|modifier-59",
            "rules for add-on codes|add-on-codes",
            "What is an Excludes1 note?|icd10cm-excludes",
            "How do 7th characters work?|icd10cm-seventh-character",
            "what does code first mean|icd10cm-conventions",
            "How do I sequence sepsis with pneumonia?|sequencing",
            "What is the global surgical package?|global-surgery",
            "what do the GEM flags mean|gems",
            "What do NCCI modifier indicators mean?|ncci-ptp",
            "What is the MUE adjudication indicator?|mue",
    })
    void questionsFindTheirNote(String question, String note) {
        assertEquals(note, library.match(question).get(0).note().id());
    }

    @Test
    void unrelatedQuestionsMatchNothing() {
        assertEquals(List.of(), library.match("what is the weather like in Paris"));
    }

    @Test
    void aNoteWithoutHeaderIsRefused() {
        assertThrows(IllegalStateException.class, () -> GuidelineLibrary.parse("x.md", "no header"));
        assertThrows(IllegalStateException.class, () -> GuidelineLibrary.parse("x.md", "---\nid: x\n---\nbody"));
    }
}
