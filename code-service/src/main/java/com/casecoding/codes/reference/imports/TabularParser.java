package com.casecoding.codes.reference.imports;

import com.casecoding.codes.reference.tabular.CodeRange;
import com.casecoding.codes.reference.tabular.TabularNoteKind;
import com.casecoding.common.codes.CodeSystem;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Streams CDC's ICD-10-CM Tabular List XML ({@code icd10cm_tabular_YYYY.xml}, root {@code ICD10CM.tabular}) in the
 * published schema: {@code version}, {@code introduction} (skipped), then {@code chapter}s ({@code name}, {@code desc},
 * notes, {@code sectionIndex} (skipped), {@code section}s), each {@code section} ({@code id} attribute, {@code desc},
 * notes, {@code diag}s), each {@code diag} ({@code name} = the code with its dot, {@code desc}, notes,
 * {@code sevenChrNote}, {@code sevenChrDef} with {@code extension char="A"} entries, nested {@code diag}s). Notes are
 * the elements {@code includes}, {@code inclusionTerm}, {@code excludes1}, {@code excludes2}, {@code codeFirst},
 * {@code useAdditionalCode}, {@code codeAlso}, {@code notes}, {@code instruction}, each holding {@code note}
 * elements. Presentation-only elements the schema allows inside a node (such as chapter 7's
 * {@code visualImpairment} table) are skipped; any other structure is refused.
 */
final class TabularParser {

    interface Sink {
        void version(String version) throws Exception;

        void node(int id, Integer parent, String kind, String name, String title) throws Exception;

        void note(int node, int seq, TabularNoteKind kind, String text, List<CodeRange> refs) throws Exception;

        void seventh(int node, String character, String meaning) throws Exception;
    }

    /** A structural problem: the importer refuses the file with the line it gives. */
    static final class LayoutException extends Exception {
        final int line;

        LayoutException(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private static final List<String> SKIPPED = List.of("introduction", "sectionIndex", "visualImpairment", "chapterIndex");

    private final XMLStreamReader r;
    private final Sink sink;
    private int nextNode = 1;
    private int nextSeq = 1;
    private final Deque<Integer> stack = new ArrayDeque<>();

    private TabularParser(XMLStreamReader r, Sink sink) {
        this.r = r;
        this.sink = sink;
    }

    /** Parses the whole file; returns the number of nodes. */
    static int parse(InputStream in, Sink sink) throws Exception {
        XMLStreamReader r = Xml.reader(in);
        try {
            TabularParser p = new TabularParser(r, sink);
            p.root();
            return p.nextNode - 1;
        } finally {
            r.close();
        }
    }

    private int line() {
        return r.getLocation() == null ? 0 : r.getLocation().getLineNumber();
    }

    private LayoutException layout(String message) {
        return new LayoutException(line(), message);
    }

    private void root() throws Exception {
        Xml.root(r, "ICD10CM.tabular", "a CDC ICD-10-CM Tabular List file");
        int chapters = 0;
        while (Xml.nextChild(r)) {
            switch (r.getLocalName()) {
                case "version" -> sink.version(Xml.text(r));
                case "chapter" -> {
                    node("chapter");
                    chapters++;
                }
                default -> {
                    if (SKIPPED.contains(r.getLocalName()) || r.getLocalName().equals("title")) {
                        Xml.skip(r);
                    } else {
                        throw layout("unexpected <" + r.getLocalName() + "> in <ICD10CM.tabular>");
                    }
                }
            }
        }
        if (chapters == 0) {
            throw layout("the file holds no <chapter>");
        }
    }

    /** A chapter, section or diag; the reader is on its start tag and ends on its end tag. */
    private void node(String kind) throws Exception {
        int id = nextNode++;
        Integer parent = stack.peek();
        String name = kind.equals("section") ? r.getAttributeValue(null, "id") : null;
        String title = null;
        stack.push(id);
        while (Xml.nextChild(r)) {
            String child = r.getLocalName();
            Optional<TabularNoteKind> note = TabularNoteKind.ofElement(child);
            if (note.isPresent()) {
                notes(id, note.get());
            } else if (child.equals("name")) {
                name = Xml.text(r);
            } else if (child.equals("desc")) {
                title = Xml.text(r);
            } else if (child.equals("sevenChrDef")) {
                sevenChrDef(id);
            } else if (child.equals("section") && kind.equals("chapter")) {
                node("section");
            } else if (child.equals("diag") && !kind.equals("chapter")) {
                node("diag");
            } else if (SKIPPED.contains(child)) {
                Xml.skip(r);
            } else {
                throw layout("unexpected <" + child + "> in a <" + kind + ">");
            }
        }
        stack.pop();
        if (name == null || name.isBlank()) {
            throw layout("a <" + kind + "> without " + (kind.equals("section") ? "an id attribute" : "a <name>"));
        }
        if (kind.equals("diag")) {
            String typed = name;
            name = CodeSystem.ICD10CM.normalize(typed).orElseThrow(() -> layout("<diag> name '" + typed
                    + "' is not an ICD-10-CM code"));
        } else if (name.length() > 16) {
            throw layout("<" + kind + "> name '" + name + "' is longer than 16 characters");
        }
        sink.node(id, parent, kind, name, title == null ? "" : title);
    }

    private void notes(int node, TabularNoteKind kind) throws Exception {
        while (Xml.nextChild(r)) {
            if (!r.getLocalName().equals("note")) {
                throw layout("unexpected <" + r.getLocalName() + "> in <" + kind.element() + "> (only <note>)");
            }
            String text = Xml.text(r);
            if (!text.isEmpty()) {
                sink.note(node, nextSeq++, kind, text, CodeRange.inNote(text));
            }
        }
    }

    private void sevenChrDef(int node) throws Exception {
        while (Xml.nextChild(r)) {
            switch (r.getLocalName()) {
                case "extension" -> {
                    String c = r.getAttributeValue(null, "char");
                    if (c == null || c.length() != 1 || !(c.charAt(0) >= 'A' && c.charAt(0) <= 'Z'
                            || c.charAt(0) >= '0' && c.charAt(0) <= '9')) {
                        throw layout("<extension> needs a char attribute of one capital letter or digit, found '"
                                + c + "'");
                    }
                    sink.seventh(node, c, Xml.text(r));
                }
                case "note" -> {
                    String text = Xml.text(r);
                    if (!text.isEmpty()) {
                        sink.note(node, nextSeq++, TabularNoteKind.SEVEN_CHR_DEF_NOTE, text, CodeRange.inNote(text));
                    }
                }
                default -> throw layout("unexpected <" + r.getLocalName() + "> in <sevenChrDef>");
            }
        }
    }
}
