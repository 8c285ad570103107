package com.casecoding.codes.assistant.data;

import com.casecoding.codes.release.CodeSystem;

import java.util.Locale;

/** Display and storage forms of codes (stored upper case without the dot). */
public final class CodeFormat {

    private CodeFormat() {
    }

    public static String normalize(String typed) {
        return typed == null ? "" : typed.trim().replace(".", "").toUpperCase(Locale.ROOT);
    }

    public static String display(CodeSystem system, String code) {
        if (code == null) {
            return "";
        }
        return switch (system) {
            case ICD10CM -> code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code;
            case ICD9CM -> {
                if (code.startsWith("E")) {
                    yield code.length() > 4 ? code.substring(0, 4) + "." + code.substring(4) : code;
                }
                yield code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code;
            }
            case ICD9PCS -> code.length() > 2 ? code.substring(0, 2) + "." + code.substring(2) : code;
            default -> code;
        };
    }
}
