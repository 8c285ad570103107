package com.casecoding.codes.assistant.guideline;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The guideline notes we write ourselves, read once from the classpath ({@code guidelines/index.txt} lists the
 * files). A note matches a question through its keywords: every keyword phrase found in the question adds its word
 * count to the score, so "modifier 25" outweighs "modifier".
 */
@ApplicationScoped
public class GuidelineLibrary {

    public record Match(GuidelineNote note, int score) {
    }

    private final List<GuidelineNote> notes;

    public GuidelineLibrary() {
        this(load());
    }

    public GuidelineLibrary(List<GuidelineNote> notes) {
        this.notes = List.copyOf(notes);
    }

    public List<GuidelineNote> all() {
        return notes;
    }

    public Optional<GuidelineNote> byId(String id) {
        return notes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** Notes whose keywords occur in the question, best first; ties keep file order. */
    public List<Match> match(String question) {
        String q = " " + normalize(question) + " ";
        List<Match> out = new ArrayList<>();
        for (GuidelineNote note : notes) {
            int score = 0;
            for (String k : note.keywords()) {
                String key = " " + normalize(k) + " ";
                if (q.contains(key)) {
                    score += key.trim().split(" ").length;
                }
            }
            if (score > 0) {
                out.add(new Match(note, score));
            }
        }
        out.sort(Comparator.comparingInt(Match::score).reversed());
        return out;
    }

    /** Lower case, punctuation to spaces, and a plural "s" dropped so "modifiers" matches "modifier". */
    static String normalize(String text) {
        StringBuilder sb = new StringBuilder();
        for (String w : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9/]+", " ").trim().split(" ")) {
            if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
                w = w.substring(0, w.length() - 1);
            }
            sb.append(sb.length() == 0 ? "" : " ").append(w);
        }
        return sb.toString();
    }

    static List<GuidelineNote> load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        String index = read(cl, "guidelines/index.txt");
        List<GuidelineNote> out = new ArrayList<>();
        for (String line : index.split("\n")) {
            String file = line.trim();
            if (!file.isEmpty() && !file.startsWith("#")) {
                out.add(parse(file, read(cl, "guidelines/" + file)));
            }
        }
        return out;
    }

    /** A note: a header block of {@code key: value} lines between {@code ---} lines, then the markdown body. */
    static GuidelineNote parse(String file, String text) {
        String t = text.replace("\r\n", "\n");
        if (!t.startsWith("---\n")) {
            throw new IllegalStateException("guideline note " + file + " has no header block");
        }
        int end = t.indexOf("\n---\n", 4);
        String id = null;
        String title = null;
        String source = null;
        List<String> keywords = List.of();
        for (String line : t.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "id" -> id = value;
                case "title" -> title = value;
                case "source" -> source = value;
                case "keywords" -> keywords = Arrays.stream(value.split(","))
                        .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
                default -> throw new IllegalStateException("guideline note " + file + ": unknown header " + key);
            }
        }
        if (id == null || title == null || keywords.isEmpty()) {
            throw new IllegalStateException("guideline note " + file + " needs id, title and keywords");
        }
        return new GuidelineNote(id, title, keywords, t.substring(end + 5).trim(), source);
    }

    private static String read(ClassLoader cl, String resource) {
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
