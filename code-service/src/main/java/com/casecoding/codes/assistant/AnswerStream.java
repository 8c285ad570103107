package com.casecoding.codes.assistant;

import java.util.ArrayList;
import java.util.List;

/** Splits a markdown answer into stream chunks at line ends, so that a client can render as the text arrives. */
final class AnswerStream {

    private static final int CHUNK = 160;

    private AnswerStream() {
    }

    /** Chunks that concatenate back to the answer exactly. */
    static List<String> chunks(String markdown) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < markdown.length()) {
            int end = Math.min(markdown.length(), start + CHUNK);
            if (end < markdown.length()) {
                int nl = markdown.lastIndexOf('\n', end);
                int sp = markdown.lastIndexOf(' ', end);
                int cut = nl > start ? nl + 1 : sp > start ? sp + 1 : end;
                end = cut;
            }
            out.add(markdown.substring(start, end));
            start = end;
        }
        return out;
    }
}
