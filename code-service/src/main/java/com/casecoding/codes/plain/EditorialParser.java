package com.casecoding.codes.plain;

import com.casecoding.common.codes.CodeSystem;
import com.casecoding.common.codes.CodeKey;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the editorial text files (format: {@code plain-language/editorial/FORMAT.md}). Any error names the file and
 * the line, so a bad record refuses the start of the service instead of vanishing from the pages.
 */
public final class EditorialParser {

    /** Longest text of one record (FORMAT.md). */
    public static final int MAX_CHARS = 3000;

    /** One hand-written text. */
    public record Editorial(CodeKey key, String text, String author, String reviewedBy, String file, int line) {
    }

    /** A file or record that breaks the format. */
    public static final class FormatException extends RuntimeException {
        public FormatException(String file, int line, String message) {
            super(file + ":" + line + ": " + message);
        }
    }

    private EditorialParser() {
    }

    /** Parses one file, adding its records to {@code into}; a code seen before (in any file) is an error. */
    public static void parse(String file, BufferedReader in, Map<CodeKey, Editorial> into) throws IOException {
        String author = null;
        String reviewedBy = null;
        CodeKey key = null;
        int start = 0;
        String recordAuthor = null;
        String recordReviewer = null;
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            String stripped = line.strip();
            if (stripped.startsWith("#!")) {
                int colon = stripped.indexOf(':');
                if (colon < 0) {
                    throw new FormatException(file, n, "a header line is '#! key: value'");
                }
                String name = stripped.substring(2, colon).strip();
                String value = stripped.substring(colon + 1).strip();
                if (value.isEmpty()) {
                    throw new FormatException(file, n, "header '" + name + "' has no value");
                }
                switch (name) {
                    case "author" -> author = value;
                    case "reviewed-by" -> reviewedBy = value;
                    default -> throw new FormatException(file, n, "unknown header '" + name
                            + "' (author, reviewed-by)");
                }
            } else if (stripped.startsWith("#")) {
                continue;
            } else if (stripped.startsWith("@")) {
                finish(file, start, key, paragraphs, paragraph, recordAuthor, recordReviewer, into);
                key = key(file, n, stripped);
                start = n;
                recordAuthor = author;
                recordReviewer = reviewedBy;
                paragraphs = new ArrayList<>();
                paragraph = new StringBuilder();
            } else if (stripped.isEmpty()) {
                if (!paragraph.isEmpty()) {
                    paragraphs.add(paragraph.toString());
                    paragraph = new StringBuilder();
                }
            } else {
                if (key == null) {
                    throw new FormatException(file, n, "text before the first '@<system> <code>' line");
                }
                if (!paragraph.isEmpty()) {
                    paragraph.append(' ');
                }
                paragraph.append(stripped);
            }
        }
        finish(file, start, key, paragraphs, paragraph, recordAuthor, recordReviewer, into);
    }

    private static CodeKey key(String file, int n, String line) {
        String[] parts = line.substring(1).strip().split("\\s+");
        if (parts.length != 2) {
            throw new FormatException(file, n, "a record starts with '@<system> <code>', not '" + line + "'");
        }
        CodeSystem system = CodeSystem.fromId(parts[0]).orElseThrow(() ->
                new FormatException(file, n, "unknown code set '" + parts[0] + "'"));
        String code = system.normalize(parts[1]).orElseThrow(() ->
                new FormatException(file, n, "'" + parts[1] + "' is not a " + system.label() + " code"));
        return new CodeKey(system, code);
    }

    private static void finish(String file, int start, CodeKey key, List<String> paragraphs, StringBuilder paragraph,
                               String author, String reviewedBy, Map<CodeKey, Editorial> into) {
        if (key == null) {
            return;
        }
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString());
        }
        String text = String.join("\n\n", paragraphs);
        if (text.isBlank()) {
            throw new FormatException(file, start, "the record of " + key.system().id() + " "
                    + key.code() + " has no text");
        }
        if (text.length() > MAX_CHARS) {
            throw new FormatException(file, start, "the text of " + key.system().id() + " " + key.code()
                    + " has " + text.length() + " characters, at most " + MAX_CHARS);
        }
        if (author == null) {
            // every text names who wrote it; reviewed-by is optional (null: no second reader yet)
            throw new FormatException(file, start, "no '#! author:' header before this record");
        }
        Editorial earlier = into.get(key);
        if (earlier != null) {
            throw new FormatException(file, start, key.system().id() + " " + key.code()
                    + " already has a text (" + earlier.file() + ":" + earlier.line() + ")");
        }
        into.put(key, new Editorial(key, text, author, reviewedBy, file, start));
    }

    /** Every record of the files named in an index (one file name a line, '#' comments). */
    public static Map<CodeKey, Editorial> parseAll(String indexName, BufferedReader index, Opener opener)
            throws IOException {
        Map<CodeKey, Editorial> out = new LinkedHashMap<>();
        String line;
        int n = 0;
        while ((line = index.readLine()) != null) {
            n++;
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            BufferedReader in = opener.open(name);
            if (in == null) {
                throw new FormatException(indexName, n, "file '" + name + "' not found");
            }
            try (in) {
                parse(name, in, out);
            }
        }
        return out;
    }

    /** Opens a file named in the index, or returns null when there is none. */
    public interface Opener {
        BufferedReader open(String name) throws IOException;
    }
}
