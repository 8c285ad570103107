package com.casecoding.codes.search;

import java.util.Locale;
import java.util.regex.Pattern;

/** How codes are typed and shown: normalized form (no dot, upper case) for matching, display form for people. */
public final class CodeFormat {

    /** Something a person types when they mean a code or a code prefix: letters/digits/dots with at least one digit. */
    private static final Pattern CODE_LIKE = Pattern.compile("(?=.*[0-9])[A-Z0-9]{1,3}(\\.[A-Z0-9]{0,4}|[A-Z0-9]{0,5})");

    private CodeFormat() {
    }

    /** E11.9, e119, " E11.9 " all become E119. */
    public static String normalize(String code) {
        if (code == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    /** True when the trimmed text looks like a code or the start of one (it holds a digit, no spaces). */
    public static boolean looksLikeCode(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        return t.length() <= 8 && CODE_LIKE.matcher(t).matches();
    }

    /** Display form: ICD-10-CM and ICD-9-CM diagnoses get a dot after the 3rd character, ICD-9 procedures after the 2nd. */
    public static String display(String system, String code) {
        return switch (system) {
            case "icd10cm" -> dotAfter(code, 3);
            case "icd9cm" -> code.startsWith("E") ? dotAfter(code, 4) : dotAfter(code, 3);
            case "icd9pcs" -> dotAfter(code, 2);
            default -> code;
        };
    }

    private static String dotAfter(String code, int position) {
        return code.length() > position ? code.substring(0, position) + '.' + code.substring(position) : code;
    }
}
