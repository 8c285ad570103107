package com.casecoding.codes.reference;

import java.util.OptionalInt;

/** MS-DRG numbers: 1 to 999, written with three digits ({@code 470}, {@code 001}); this is their one reader. */
public final class DrgNumbers {

    private DrgNumbers() {
    }

    /** {@code "470"}, {@code "1"}, {@code "001"} and {@code "DRG 470"} give 470, 1, 1, 470; anything else empty. */
    public static OptionalInt parse(String typed) {
        if (typed == null) {
            return OptionalInt.empty();
        }
        String t = typed.strip();
        if (t.regionMatches(true, 0, "drg", 0, 3)) {
            t = t.substring(3).strip();
        }
        if (t.isEmpty() || t.length() > 3) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return OptionalInt.empty();
            }
        }
        int n = Integer.parseInt(t);
        return n < 1 ? OptionalInt.empty() : OptionalInt.of(n);
    }

    public static String display(int drg) {
        return String.format("%03d", drg);
    }
}
