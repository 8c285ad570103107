package com.casecoding.codes.plain;

import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.codes.CodeSystem;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editorial file format (FORMAT.md) and the files of the repository. */
class EditorialParserTest {

    private static Map<CodeKey, EditorialParser.Editorial> parse(String file, String text) throws IOException {
        Map<CodeKey, EditorialParser.Editorial> out = new LinkedHashMap<>();
        EditorialParser.parse(file, new BufferedReader(new StringReader(text)), out);
        return out;
    }

    @Test
    void recordsParagraphsAndHeaders() throws IOException {
        Map<CodeKey, EditorialParser.Editorial> out = parse("a.txt", """
                # comment
                #! author: Editor Z
                @icd10cm E11.9
                First line
                joined.

                Second paragraph.
                #! reviewed-by: Reviewer Y
                @hcpcs j1885
                A drug.
                """);
        EditorialParser.Editorial e = out.get(new CodeKey(CodeSystem.ICD10CM, "E119"));
        assertEquals("First line joined.\n\nSecond paragraph.", e.text());
        assertEquals("Editor Z", e.author());
        assertNull(e.reviewedBy());
        assertEquals(3, e.line());
        EditorialParser.Editorial j = out.get(new CodeKey(CodeSystem.HCPCS, "J1885"));
        assertEquals("Reviewer Y", j.reviewedBy());
        assertEquals("A drug.", j.text());
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertMessage("b.txt:2: '1E11' is not a ICD-10-CM code", "#! author: Z\n@icd10cm 1E11\ntext\n");
        assertMessage("b.txt:2: unknown code set 'nope'", "#! author: Z\n@nope 123\ntext\n");
        assertMessage("b.txt:1: text before the first", "stray text\n");
        assertMessage("b.txt:1: no '#! author:' header", "@cpt 99213\ntext\n");
        assertMessage("b.txt:2: the record of cpt 99213 has no text", "#! author: Z\n@cpt 99213\n\n@cpt 99214\nx\n");
        assertMessage("b.txt:4: cpt 99213 already has a text (b.txt:2)", "#! author: Z\n@cpt 99213\nx\n@cpt 99213\ny\n");
        assertMessage("b.txt:2: the text of cpt 99213 has 3001 characters",
                "#! author: Z\n@cpt 99213\n" + "a".repeat(3001) + "\n");
        assertMessage("b.txt:1: unknown header 'editor'", "#! editor: Z\n");
    }

    private static void assertMessage(String expected, String text) {
        EditorialParser.FormatException e = assertThrows(EditorialParser.FormatException.class, () -> parse("b.txt", text));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void aFileMissingFromTheIndexIsAnError() {
        EditorialParser.FormatException e = assertThrows(EditorialParser.FormatException.class, () ->
                EditorialParser.parseAll("index.txt", new BufferedReader(new StringReader("# files\nnone.txt\n")),
                        name -> null));
        assertTrue(e.getMessage().startsWith("index.txt:2: file 'none.txt' not found"), e.getMessage());
    }

    /** Every file of the repository loads; the counts are those of the editors' files (issue 22: >= 600 CPT). */
    @Test
    void theRepositoryFilesLoad() {
        Map<CodeKey, EditorialParser.Editorial> all = EditorialTexts.loadResources();
        Map<CodeSystem, Integer> perSet = new EnumMap<>(CodeSystem.class);
        all.keySet().forEach(k -> perSet.merge(k.system(), 1, Integer::sum));
        assertTrue(perSet.get(CodeSystem.CPT) >= 600, perSet.toString());
        assertTrue(perSet.get(CodeSystem.ICD10CM) >= 300, perSet.toString());
        assertTrue(perSet.get(CodeSystem.HCPCS) >= 300, perSet.toString());
        assertTrue(all.values().stream().allMatch(e -> e.author() != null && !e.text().isBlank()));
    }
}
