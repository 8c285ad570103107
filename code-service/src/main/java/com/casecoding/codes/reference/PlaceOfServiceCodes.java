package com.casecoding.codes.reference;

import java.util.Optional;

/**
 * Place of service codes are two digits, 01 to 99, with the leading zero (CMS POS code set). They are not a code set
 * with code pages, so they are not in {@code CodeSystem}; this is their one reader.
 */
public final class PlaceOfServiceCodes {

    private PlaceOfServiceCodes() {
    }

    /** {@code "11"}, {@code " 02 "} and {@code "2"} give {@code 11}, {@code 02}, {@code 02}; anything else empty. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.strip();
        if (t.isEmpty() || t.length() > 2) {
            return Optional.empty();
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        String code = t.length() == 1 ? "0" + t : t;
        return code.equals("00") ? Optional.empty() : Optional.of(code);
    }
}
