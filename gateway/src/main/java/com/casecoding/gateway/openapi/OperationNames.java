package com.casecoding.gateway.openapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract's name of every operation and which document it belongs to, read from {@code openapi/operations.txt}
 * (format in the file). The names are the partner SDKs' method names: they never change once published.
 */
final class OperationNames {

    /** @param operator true when the operation is for operators (admin, internal hooks), not partners */
    record Name(String operationId, boolean operator) {
    }

    private final Map<String, Name> byOperation;

    private OperationNames(Map<String, Name> byOperation) {
        this.byOperation = byOperation;
    }

    static OperationNames load() {
        try (InputStream in = OperationNames.class.getResourceAsStream("/openapi/operations.txt")) {
            if (in == null) {
                throw new IllegalStateException("openapi/operations.txt is missing from the gateway");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OperationNames parse(BufferedReader reader) throws IOException {
        Map<String, Name> names = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] f = text.split("\\s+");
            boolean operator = f.length == 4 && f[3].equals("operator");
            if (f.length < 3 || f.length > 4 || (f.length == 4 && !operator)) {
                throw new IllegalStateException("openapi/operations.txt line " + n
                        + ": expected '<method> <path> <operationId> [operator]', got '" + text + "'");
            }
            if (!ids.add(f[2])) {
                throw new IllegalStateException("openapi/operations.txt line " + n + ": operationId " + f[2]
                        + " is used twice");
            }
            if (names.put(key(f[0], f[1]), new Name(f[2], operator)) != null) {
                throw new IllegalStateException("openapi/operations.txt line " + n + ": " + f[0] + " " + f[1]
                        + " is named twice");
            }
        }
        return new OperationNames(names);
    }

    Optional<Name> of(String method, String path) {
        return Optional.ofNullable(byOperation.get(key(method, path)));
    }

    private static String key(String method, String path) {
        return method.toLowerCase(Locale.ROOT) + " " + path;
    }
}
