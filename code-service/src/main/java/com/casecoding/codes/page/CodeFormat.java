package com.casecoding.codes.page;

import com.casecoding.codes.release.CodeSystem;

import java.util.Locale;

/** Codes as typed (any case, with or without the dot) to stored form, and stored form to display form. */
public final class CodeFormat {

    private CodeFormat() {
    }

    /** {@code " e11.9 "} to {@code E119}; null when what is left is not plausibly a code. */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '.' || c == ' ' || c == '-') {
                continue;
            }
            if (c > 127 || !Character.isLetterOrDigit(c)) {
                return null;
            }
            b.append(Character.toUpperCase(c));
        }
        String code = b.toString().toUpperCase(Locale.ROOT);
        return code.isEmpty() || code.length() > 8 ? null : code;
    }

    /** The code as people write it: the dot after the category for ICD-10-CM and ICD-9-CM. */
    public static String display(CodeSystem system, String code) {
        return switch (system) {
            case ICD10CM -> code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code;
            case ICD9CM -> {
                int cut = code.startsWith("E") ? 4 : 3;
                yield code.length() > cut ? code.substring(0, cut) + "." + code.substring(cut) : code;
            }
            case ICD9PCS -> code.length() > 2 ? code.substring(0, 2) + "." + code.substring(2) : code;
            default -> code;
        };
    }
}
