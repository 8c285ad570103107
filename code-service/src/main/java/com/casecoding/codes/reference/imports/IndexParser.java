package com.casecoding.codes.reference.imports;

import com.casecoding.common.codes.CodeSystem;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams CDC's ICD-10-CM index XML files (root {@code ICD10CM.index}): the Index to Diseases and Injuries, the
 * External Cause index, the Table of Neoplasms and the Table of Drugs and Chemicals. Schema: {@code version},
 * {@code title}, for the tables an {@code indexHeading} of {@code head} column titles, then {@code letter}s
 * ({@code title} = the letter) of {@code mainTerm}s; a {@code mainTerm} or {@code term} (attribute {@code level}) has a
 * {@code title} (text with {@code nemod}, the nonessential modifiers in parentheses), optionally {@code code},
 * {@code manif} (a manifestation code, printed in brackets), {@code see}, {@code seeAlso}, {@code seecat},
 * {@code subcat}, table {@code cell}s (attribute {@code col}, the column number of the heading; {@code --} = no code)
 * and nested {@code term}s. A code written with a trailing {@code -} is incomplete (more characters are needed).
 */
final class IndexParser {

    /** One code as the index writes it: stored form, and whether a trailing dash said it is incomplete. */
    record IndexCode(String code, boolean incomplete) {
    }

    record Term(int id, Integer parent, int level, String letter, String title, String nemod, String path,
                IndexCode code, IndexCode manif, String see, String seeAlso) {
    }

    interface Sink {
        void version(String version) throws Exception;

        void term(Term term) throws Exception;

        void cell(int term, int col, String heading, IndexCode code) throws Exception;
    }

    private static final int MAX_DEPTH = 16;

    private final XMLStreamReader r;
    private final Sink sink;
    private final Map<Integer, String> headings = new HashMap<>();
    private final Deque<String> paths = new ArrayDeque<>();
    private final Deque<Integer> ids = new ArrayDeque<>();
    private int nextId = 1;
    private String letter;

    private IndexParser(XMLStreamReader r, Sink sink) {
        this.r = r;
        this.sink = sink;
    }

    /** Parses the whole file; returns the number of terms. */
    static int parse(InputStream in, Sink sink) throws Exception {
        XMLStreamReader r = Xml.reader(in);
        try {
            IndexParser p = new IndexParser(r, sink);
            p.root();
            return p.nextId - 1;
        } finally {
            r.close();
        }
    }

    private TabularParser.LayoutException layout(String message) {
        return new TabularParser.LayoutException(r.getLocation() == null ? 0 : r.getLocation().getLineNumber(),
                message);
    }

    private void root() throws Exception {
        Xml.root(r, "ICD10CM.index", "a CDC ICD-10-CM index file");
        int letters = 0;
        while (Xml.nextChild(r)) {
            switch (r.getLocalName()) {
                case "version" -> sink.version(Xml.text(r));
                case "title" -> Xml.text(r);
                case "indexHeading" -> headings();
                case "letter" -> {
                    letter();
                    letters++;
                }
                default -> throw layout("unexpected <" + r.getLocalName() + "> in <ICD10CM.index>");
            }
        }
        if (letters == 0) {
            throw layout("the file holds no <letter>");
        }
    }

    private void headings() throws Exception {
        int position = 0;
        while (Xml.nextChild(r)) {
            if (!r.getLocalName().equals("head")) {
                Xml.skip(r);
                continue;
            }
            position++;
            String col = r.getAttributeValue(null, "col");
            int c = col == null ? position : column(col);
            headings.put(c, Xml.text(r));
        }
    }

    private int column(String col) throws TabularParser.LayoutException {
        String t = col.strip();
        if (t.isEmpty() || t.length() > 2 || !t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw layout("col='" + col + "' is not a column number");
        }
        return Integer.parseInt(t);
    }

    private void letter() throws Exception {
        letter = null;
        while (Xml.nextChild(r)) {
            switch (r.getLocalName()) {
                case "title" -> letter = Xml.text(r);
                case "mainTerm" -> term(0);
                default -> throw layout("unexpected <" + r.getLocalName() + "> in <letter>");
            }
        }
    }

    /** A mainTerm (depth 0) or term; the reader is on its start tag. */
    private void term(int depth) throws Exception {
        if (depth > MAX_DEPTH) {
            throw layout("terms nested deeper than " + MAX_DEPTH + " levels");
        }
        int id = nextId++;
        Integer parent = ids.peek();
        String levelAttr = r.getAttributeValue(null, "level");
        int level = levelAttr == null ? depth : column(levelAttr);
        String title = null;
        String nemod = null;
        IndexCode code = null;
        IndexCode manif = null;
        String see = null;
        String seeAlso = null;
        List<Object[]> cells = new ArrayList<>();
        boolean emitted = false;
        while (Xml.nextChild(r)) {
            String child = r.getLocalName();
            switch (child) {
                case "title" -> {
                    String[] t = title();
                    title = t[0];
                    nemod = t[1];
                }
                case "code" -> {
                    IndexCode c = code(Xml.text(r));
                    if (code == null) {
                        code = c;
                    }
                }
                case "manif" -> manif = code(Xml.text(r));
                case "see", "seecat" -> see = join(see, Xml.text(r));
                case "seeAlso", "subcat" -> seeAlso = join(seeAlso, Xml.text(r));
                case "cell" -> {
                    int col = column(r.getAttributeValue(null, "col") == null ? "0"
                            : r.getAttributeValue(null, "col"));
                    String text = Xml.text(r);
                    if (!text.isEmpty() && !text.chars().allMatch(ch -> ch == '-')) {
                        for (Object[] c : cells) {
                            if ((int) c[0] == col) {
                                throw layout("two cells for column " + col + " in one row ('" + title + "')");
                            }
                        }
                        cells.add(new Object[]{col, code(text)});
                    }
                }
                case "term" -> {
                    if (!emitted) {
                        emit(id, parent, level, title, nemod, code, manif, see, seeAlso, cells);
                        emitted = true;
                    }
                    ids.push(id);
                    paths.push(pathOf(title));
                    term(depth + 1);
                    paths.pop();
                    ids.pop();
                }
                default -> throw layout("unexpected <" + child + "> in a <" + (depth == 0 ? "mainTerm" : "term")
                        + ">");
            }
        }
        if (!emitted) {
            emit(id, parent, level, title, nemod, code, manif, see, seeAlso, cells);
        }
    }

    private void emit(int id, Integer parent, int level, String title, String nemod, IndexCode code,
                      IndexCode manif, String see, String seeAlso, List<Object[]> cells) throws Exception {
        if (title == null || title.isEmpty()) {
            throw layout("a term without a <title> (under '" + (paths.isEmpty() ? letter : paths.peek()) + "')");
        }
        sink.term(new Term(id, parent, level, letter, title, nemod, pathOf(title), code, manif, see, seeAlso));
        for (Object[] c : cells) {
            int col = (int) c[0];
            sink.cell(id, col, headings.getOrDefault(col, "Column " + col), (IndexCode) c[1]);
        }
    }

    private String pathOf(String title) {
        String parent = paths.peek();
        String path = parent == null ? title : parent + " > " + title;
        return path.length() > 2000 ? path.substring(0, 2000) : path;
    }

    /** The title's own text and its nonessential modifiers ({@code <nemod>}), both white-space collapsed. */
    private String[] title() throws XMLStreamException {
        StringBuilder own = new StringBuilder();
        StringBuilder nemod = new StringBuilder();
        int depth = 1;
        boolean inNemod = false;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
                inNemod = r.getLocalName().equals("nemod");
                (inNemod ? nemod : own).append(' ');
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
                inNemod = false;
            } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                (inNemod ? nemod : own).append(r.getText());
                if (own.length() + nemod.length() > Xml.MAX_TEXT) {
                    throw new XMLStreamException("a title longer than " + Xml.MAX_TEXT + " characters",
                            r.getLocation());
                }
            }
        }
        String n = Xml.collapse(nemod);
        return new String[]{Xml.collapse(own), n.isEmpty() ? null : n};
    }

    private IndexCode code(String text) throws TabularParser.LayoutException {
        String t = text.strip();
        boolean incomplete = false;
        while (t.endsWith("-") || t.endsWith(".")) {
            incomplete |= t.endsWith("-");
            t = t.substring(0, t.length() - 1);
        }
        String typed = t;
        String code = CodeSystem.ICD10CM.normalize(typed).orElseThrow(() -> layout("'" + text.strip()
                + "' is not an ICD-10-CM code"));
        return new IndexCode(code, incomplete);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }
}
