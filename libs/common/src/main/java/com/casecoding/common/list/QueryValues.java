package com.casecoding.common.list;

import com.casecoding.common.problem.ProblemException;
import java.util.Locale;

/**
 * Reads numeric and boolean query parameters that arrive as strings. JAX-RS answers a query parameter it cannot
 * convert with 404, as if the resource did not exist; a caller who typed {@code limit=abc} should instead get a 400
 * problem+json naming the parameter and the range it takes, which is what these do.
 */
public final class QueryValues {

    /** Longest digit string read (so that parsing can never overflow an int). */
    private static final int MAX_DIGITS = 9;

    private QueryValues() {
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when the parameter is absent or blank. */
    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip();
        boolean digits = !v.isEmpty() && v.length() <= MAX_DIGITS
                && (v.charAt(0) == '-' ? v.length() > 1 && v.substring(1).chars().allMatch(Character::isDigit)
                : v.chars().allMatch(c -> c >= '0' && c <= '9'));
        if (!digits) {
            throw ProblemException.invalidField(name, "must be a whole number between " + min + " and " + max);
        }
        int parsed = Integer.parseInt(v);
        if (parsed < min || parsed > max) {
            throw ProblemException.invalidField(name, "must be between " + min + " and " + max);
        }
        return parsed;
    }

    /** {@code true} or {@code false} in any case; null when the parameter is absent or blank. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalidField(name, "must be true or false");
        };
    }
}
