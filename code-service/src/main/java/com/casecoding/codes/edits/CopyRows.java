package com.casecoding.codes.edits;

import java.time.LocalDate;

/** Builds PostgreSQL COPY text-format input: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyRows {

    private final StringBuilder out = new StringBuilder(1 << 20);
    private boolean first = true;

    CopyRows add(Object value) {
        if (!first) {
            out.append('\t');
        }
        first = false;
        if (value == null) {
            out.append("\\N");
            return this;
        }
        String s = value instanceof LocalDate d ? d.toString() : value.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return this;
    }

    CopyRows end() {
        out.append('\n');
        first = true;
        return this;
    }

    String text() {
        return out.toString();
    }
}
