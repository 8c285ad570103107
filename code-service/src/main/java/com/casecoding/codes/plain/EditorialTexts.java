package com.casecoding.codes.plain;

import com.casecoding.common.codes.CodeKey;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The editors' texts of {@code src/main/resources/plain-language/editorial}, read once at start. A malformed file or
 * code refuses the start with the file and line ({@link EditorialParser.FormatException}).
 */
@Startup
@ApplicationScoped
public class EditorialTexts {

    static final String FOLDER = "plain-language/editorial/";

    private Map<CodeKey, EditorialParser.Editorial> texts = Map.of();

    @PostConstruct
    void load() {
        texts = loadResources();
    }

    /** Every editorial text of the resources (also used by tests without a container). */
    public static Map<CodeKey, EditorialParser.Editorial> loadResources() {
        ClassLoader cl = EditorialTexts.class.getClassLoader();
        try (BufferedReader index = open(cl, "index.txt")) {
            if (index == null) {
                throw new IllegalStateException(FOLDER + "index.txt is missing");
            }
            return Map.copyOf(EditorialParser.parseAll(FOLDER + "index.txt", index, name -> open(cl, name)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the editorial texts", e);
        }
    }

    private static BufferedReader open(ClassLoader cl, String name) {
        InputStream in = cl.getResourceAsStream(FOLDER + name);
        return in == null ? null : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    public EditorialParser.Editorial get(CodeKey key) {
        return texts.get(key);
    }

    public Map<CodeKey, EditorialParser.Editorial> all() {
        return texts;
    }
}
