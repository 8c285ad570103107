package com.casecoding.codes.reference.web;

import com.casecoding.common.problem.ProblemException;

/** Query parameters arrive as strings so that {@code limit=abc} is a 400 naming the parameter, not a routing 404. */
final class Params {

    private Params() {
    }

    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip();
        if (v.length() > 9 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.invalidField(name, "must be a whole number between " + min + " and " + max);
        }
        int parsed = Integer.parseInt(v);
        if (parsed < min || parsed > max) {
            throw ProblemException.invalidField(name, "must be between " + min + " and " + max);
        }
        return parsed;
    }
}
