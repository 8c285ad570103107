package com.casecoding.codes.plain;

import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.codes.CodeSystem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code plain-language/quality-set.tsv}: codes and the lay concepts their text must contain. */
public final class QualitySet {

    /** One code; each concept is a list of words that say the same idea, one of which the text must hold. */
    public record Case(CodeKey key, List<List<String>> concepts) {

        /** The concepts the text misses (all of them when there is no text). */
        public List<String> missing(String text) {
            String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
            List<String> out = new ArrayList<>();
            for (List<String> concept : concepts) {
                if (concept.stream().noneMatch(w -> t.contains(w.toLowerCase(Locale.ROOT)))) {
                    out.add(String.join(" / ", concept));
                }
            }
            return out;
        }
    }

    private QualitySet() {
    }

    public static List<Case> load() {
        InputStream in = QualitySet.class.getClassLoader().getResourceAsStream("plain-language/quality-set.tsv");
        if (in == null) {
            throw new IllegalStateException("plain-language/quality-set.tsv is missing");
        }
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                int lineNo = n;
                CodeSystem system = CodeSystem.fromId(cols[0]).orElseThrow(() ->
                        new IllegalStateException("quality-set.tsv:" + lineNo + ": unknown set " + cols[0]));
                String code = system.normalize(cols[1]).orElseThrow(() ->
                        new IllegalStateException("quality-set.tsv:" + lineNo + ": bad code " + cols[1]));
                if (cols.length < 3) {
                    throw new IllegalStateException("quality-set.tsv:" + lineNo + ": no concept");
                }
                List<List<String>> concepts = new ArrayList<>();
                for (String c : Arrays.copyOfRange(cols, 2, cols.length)) {
                    concepts.add(Arrays.stream(c.split(" / ")).map(String::strip).filter(s -> !s.isEmpty()).toList());
                }
                out.add(new Case(new CodeKey(system, code), concepts));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
