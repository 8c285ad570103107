package com.casecoding.gateway.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a code page view, {@code GET /api/codes/{system}/{code}} (or its payment and edit sections alone,
 * {@code GET /api/edits/{system}/{code}}), and gives the key under which it is counted: the same code typed differently
 * (e11.9, E119) is one code.
 */
public record CodePageRequest(String system, String code) {

    private static final Pattern PATH = Pattern.compile("^/api/(?:codes|edits)/([^/]+)/([^/]+)/?$");
    private static final Pattern SYSTEM = Pattern.compile("[a-z0-9-]{2,16}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,10}");

    /** The counting key, also signed into the view grant: {@code icd10cm/E119}. */
    public String key() {
        return system + "/" + code;
    }

    /** Null when the request is not a code page view; throws when it is one with an impossible code. */
    public static CodePageRequest match(String method, String path) {
        if (!"GET".equals(method)) {
            return null;
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return null;
        }
        String system = decode(m.group(1)).trim().toLowerCase(Locale.ROOT);
        String code = normalizeCode(decode(m.group(2)));
        if (!SYSTEM.matcher(system).matches() || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Not a code: use letters and digits (a dot is optional), e.g. /api/codes/icd10cm/E11.9");
        }
        return new CodePageRequest(system, code);
    }

    public static String normalizeCode(String raw) {
        return raw.trim().toUpperCase(Locale.ROOT).replace(".", "").replace(" ", "");
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The code in the path is not validly URL-encoded");
        }
    }
}
