package com.casecoding.codes.search;

import com.casecoding.common.codes.CodeSystem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Our own short names for particular codes, the names coders say aloud ("TKA", "lap chole", "PICC line"), indexed as
 * our own words of the code (below its official title, like the plain-language texts). Mostly for CPT numbers, which
 * have no title without an AMA licence: an alias is a common name of the procedure, never the descriptor's wording.
 * <p>
 * File format (UTF-8, {@code #} comments): {@code system:code, system:code = name | other name}.
 */
public final class CodeAliases {

    public static final String RESOURCE = "/search/code-aliases.txt";

    private static volatile CodeAliases shipped;

    private final Map<String, Map<String, String>> bySystem;

    private CodeAliases(Map<String, Map<String, String>> bySystem) {
        this.bySystem = bySystem;
    }

    public static CodeAliases none() {
        return new CodeAliases(Map.of());
    }

    /** The aliases shipped with the service (read once). */
    public static CodeAliases load() {
        CodeAliases a = shipped;
        if (a == null) {
            try (InputStream in = CodeAliases.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                List<String> lines = new ArrayList<>();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                }
                a = parse(lines);
                shipped = a;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return a;
    }

    public static CodeAliases parse(List<String> lines) {
        Map<String, Map<String, List<String>>> out = new HashMap<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || eq == line.length() - 1) {
                throw new IllegalArgumentException("Alias line " + number + " needs 'system:code = names': " + raw);
            }
            List<String> names = new ArrayList<>();
            for (String name : line.substring(eq + 1).split("\\|")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
            for (String key : line.substring(0, eq).split(",")) {
                int colon = key.indexOf(':');
                CodeSystem system = colon < 0 ? null : CodeSystem.fromId(key.substring(0, colon).strip()).orElse(null);
                String code = system == null ? null : system.normalize(key.substring(colon + 1)).orElse(null);
                if (code == null) {
                    throw new IllegalArgumentException("Alias line " + number + ": '" + key.strip()
                            + "' is not system:code of a known code set");
                }
                out.computeIfAbsent(system.id(), s -> new HashMap<>()).computeIfAbsent(code, c -> new ArrayList<>())
                        .addAll(names);
            }
        }
        Map<String, Map<String, String>> frozen = new HashMap<>();
        out.forEach((system, codes) -> {
            Map<String, String> joined = new HashMap<>();
            codes.forEach((code, names) -> joined.put(code, String.join(" \n ", names)));
            frozen.put(system, Map.copyOf(joined));
        });
        return new CodeAliases(Map.copyOf(frozen));
    }

    /** The aliases of a code joined into one text, or null. */
    public String of(String system, String code) {
        Map<String, String> codes = bySystem.get(system);
        return codes == null ? null : codes.get(code);
    }

    public int size() {
        return bySystem.values().stream().mapToInt(Map::size).sum();
    }
}
