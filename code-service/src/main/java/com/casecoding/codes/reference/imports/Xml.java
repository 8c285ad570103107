package com.casecoding.codes.reference.imports;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;

/** StAX reading of the CDC XML files: no DTDs, no external entities (a file can never make us fetch or expand one). */
final class Xml {

    /** Longest text of one element we keep: a note or title longer than this is not the CDC layout. */
    static final int MAX_TEXT = 20_000;

    private Xml() {
    }

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f.createXMLStreamReader(in);
    }

    /** The text of the current element and everything inside it, white space collapsed; the reader ends on its end tag. */
    static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA
                    || e == XMLStreamConstants.SPACE) {
                b.append(r.getText());
                if (b.length() > MAX_TEXT) {
                    throw new XMLStreamException("an element's text is longer than " + MAX_TEXT + " characters",
                            r.getLocation());
                }
            }
        }
        return collapse(b);
    }

    /** Moves to the next child start element of the current element; false at the current element's end tag. */
    static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (e == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    /** Moves to the root element and checks its name; the message names the file kind expected. */
    static void root(XMLStreamReader r, String name, String what) throws XMLStreamException,
            TabularParser.LayoutException {
        while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog, comments
        }
        if (!r.isStartElement() || !r.getLocalName().equals(name)) {
            throw new TabularParser.LayoutException(line(r), "the root element is " + (r.isStartElement()
                    ? "<" + r.getLocalName() + ">" : "missing") + ", not <" + name + ">: not " + what);
        }
    }

    static int line(XMLStreamReader r) {
        return r.getLocation() == null ? 0 : r.getLocation().getLineNumber();
    }

    /** Skips the current element with everything inside it. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    static String collapse(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }
}
