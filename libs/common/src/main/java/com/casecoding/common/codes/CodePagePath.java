package com.casecoding.common.codes;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Decides whether a request is a code page view, and of which code: {@code GET} or {@code HEAD} of
 * {@code /api/codes/{system}/{code}} (the page) or {@code /api/edits/{system}/{code}} (the same page's payment and
 * edit sections). The gateway counts the view under {@link CodeKey#key()} and code-service serves only what the
 * gateway's view grant names; both decide with this class, on a path that {@link CanonicalPath} has accepted, so
 * there is no spelling of a page that one counts and the other serves.
 */
public final class CodePagePath {

    /**
     * What a request is: not a code page; a code page of {@code key}; or a code page path with no valid code, to be
     * refused with {@code status} (404 for an unknown code system, 400 for a code the system cannot have) and the
     * reason {@code invalid}.
     */
    public record Match(CodeKey key, String invalid, int status) {
        static final Match NONE = new Match(null, null, 0);

        public boolean isPage() {
            return key != null;
        }

        public boolean isInvalid() {
            return invalid != null;
        }
    }

    private static final String[] ROOTS = {"/api/codes/", "/api/edits/"};

    private CodePagePath() {
    }

    /** {@code path} is the raw request path, already accepted by {@link CanonicalPath#problem}. */
    public static Match match(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return Match.NONE;
        }
        String rest = null;
        for (String root : ROOTS) {
            if (path.startsWith(root)) {
                rest = path.substring(root.length());
                break;
            }
        }
        if (rest == null) {
            return Match.NONE;
        }
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1 || rest.indexOf('/', slash + 1) >= 0) {
            // /api/codes/{system}, /api/codes/{system}/ and deeper paths (.../common-language) are not pages
            return Match.NONE;
        }
        String systemId = rest.substring(0, slash);
        String typed = rest.substring(slash + 1);
        CodeSystem system = CodeSystem.fromId(systemId).orElse(null);
        if (system == null) {
            return new Match(null, "Unknown code system '" + systemId + "'. Supported: "
                    + Arrays.stream(CodeSystem.values()).map(CodeSystem::id).collect(Collectors.joining(", ")) + ".",
                    404);
        }
        if (typed.indexOf('%') >= 0) {
            return new Match(null, "Write the code with letters and digits only (a dot is optional), without "
                    + "percent-encoding, e.g. /api/codes/" + system.id() + "/" + system.example() + ".", 400);
        }
        return system.normalize(typed).map(code -> new Match(new CodeKey(system, code), null, 0))
                .orElseGet(() -> new Match(null, "'" + typed + "' is not a " + system.label() + " code. "
                        + system.description() + ".", 400));
    }
}
