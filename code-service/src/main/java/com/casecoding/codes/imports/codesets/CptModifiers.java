package com.casecoding.codes.imports.codesets;

import com.casecoding.codes.release.CodeKinds;
import com.casecoding.common.codes.CodeSystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPT (Level I) modifier numbers, from {@code src/main/resources/cpt/modifiers.txt}: numbers only, with the
 * first CPT year of the recent ones. A malformed line stops the start with the line number.
 */
public final class CptModifiers {

    private static final String FILE = "cpt/modifiers.txt";
    private static final Map<String, Integer> SINCE = load();

    private CptModifiers() {
    }

    /** The modifiers in CPT of {@code year}, in file order. */
    public static List<String> inYear(int year) {
        return SINCE.entrySet().stream().filter(e -> e.getValue() <= year).map(Map.Entry::getKey).toList();
    }

    private static Map<String, Integer> load() {
        ClassLoader loader = CptModifiers.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the classpath");
            }
            Map<String, Integer> out = new LinkedHashMap<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\s+");
                String code = CodeSystem.MODIFIER.normalize(f[0]).orElse(null);
                boolean ok = code != null && CodeKinds.isCptModifier(code)
                        && (f.length == 1 || f.length == 3 && f[1].equals("since") && f[2].matches("(19|20)\\d\\d"));
                if (!ok || out.containsKey(code)) {
                    throw new IllegalStateException(FILE + " line " + (i + 1) + ": expected a two-digit CPT modifier "
                            + "once, optionally followed by 'since YYYY': " + line);
                }
                out.put(code, f.length == 3 ? Integer.parseInt(f[2]) : 0);
            }
            return java.util.Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
