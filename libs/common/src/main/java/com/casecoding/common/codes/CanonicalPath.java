package com.casecoding.common.codes;

/**
 * The one rule for what a request path may look like before any component routes, counts or serves it. A path is
 * canonical when it has no empty segment ({@code //}, a trailing {@code /}), no dot segment ({@code .}, {@code ..}),
 * no {@code ;} parameters, no backslash or control character, and no percent-encoding of a character that needs none
 * (letters, digits, {@code -._~}), of a {@code /}, {@code \}, {@code ;}, {@code %} or of a control character. Every
 * other spelling of a path is refused (never normalised and served): the gateway and the services would otherwise
 * have to agree on how to normalise it, and where they disagree a code page is served without a counted view.
 * Quarkus' own endpoints under {@code /q/} may end with a slash (the Swagger UI does).
 */
public final class CanonicalPath {

    private CanonicalPath() {
    }

    /** Null when {@code rawPath} (as received, not decoded) is canonical; otherwise what is wrong, in words. */
    public static String problem(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return "the path must start with '/'";
        }
        int n = rawPath.length();
        int segmentStart = 1;
        for (int i = 1; i <= n; i++) {
            char c = i < n ? rawPath.charAt(i) : '/';
            if (c == '/') {
                int length = i - segmentStart;
                if (length == 0 && !(i == n && n == 1)) {
                    if (i == n && rawPath.startsWith("/q/")) {
                        return null;
                    }
                    return i == n ? "remove the trailing '/'" : "remove the empty segment ('//')";
                }
                if (length == 1 && rawPath.charAt(segmentStart) == '.'
                        || length == 2 && rawPath.startsWith("..", segmentStart)) {
                    return "remove the dot segment ('" + rawPath.substring(segmentStart, i) + "')";
                }
                segmentStart = i + 1;
                continue;
            }
            if (c == ';') {
                return "remove the ';' parameters";
            }
            if (c == '\\') {
                return "use '/' instead of '\\'";
            }
            if (c < 0x20 || c == 0x7f) {
                return "remove the control character";
            }
            if (c == '%') {
                int decoded = i + 2 < n ? hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2)) : -1;
                if (decoded < 0) {
                    return "'%' must start a percent-encoded byte (%XX)";
                }
                if (needsNoEncoding(decoded)) {
                    return "write '" + (char) decoded + "' as it is instead of '" + rawPath.substring(i, i + 3) + "'";
                }
                if (decoded == '/' || decoded == '\\' || decoded == ';' || decoded == '%' || decoded < 0x20
                        || decoded == 0x7f) {
                    return "remove the encoded '" + rawPath.substring(i, i + 3) + "'";
                }
                i += 2;
            }
        }
        return null;
    }

    private static boolean needsNoEncoding(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1000;
    }
}
