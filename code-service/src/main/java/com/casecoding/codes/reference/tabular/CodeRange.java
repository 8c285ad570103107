package com.casecoding.codes.reference.tabular;

import com.casecoding.common.codes.CodeSystem;

import java.util.ArrayList;
import java.util.List;

/**
 * A range of ICD-10-CM codes as the Tabular List's notes name them, in stored form: {@code E10.-} is E10 and every
 * code under it ({@code E10..E10}); {@code A00-A09} the categories A00 to A09 with their codes; {@code K35.80} that
 * code and any code under it. A code falls in the range when its prefix of the bound's length lies between the bounds.
 */
public record CodeRange(String first, String last) {

    public boolean contains(String code) {
        return prefix(code, first.length()).compareTo(first) >= 0 && prefix(code, last.length()).compareTo(last) <= 0;
    }

    private static String prefix(String code, int length) {
        return code.length() <= length ? code : code.substring(0, length);
    }

    /** As the Tabular List writes it ({@code E10.-}, {@code A00-A09}). */
    public String display() {
        String a = CodeSystem.ICD10CM.display(first);
        return first.equals(last) ? a : a + "-" + CodeSystem.ICD10CM.display(last);
    }

    /**
     * The codes a note names in parentheses ("type 1 diabetes mellitus (E10.-)", "(A00-A09)", "(O24.4-, O24.8-)").
     * Words in parentheses are not codes: a part counts only when it reads as an ICD-10-CM code holding a digit.
     */
    public static List<CodeRange> inNote(String text) {
        List<CodeRange> out = new ArrayList<>();
        int open = text.indexOf('(');
        while (open >= 0) {
            int close = text.indexOf(')', open + 1);
            if (close < 0) {
                break;
            }
            for (String part : text.substring(open + 1, close).split("[,;]")) {
                CodeRange r = parse(part);
                if (r != null) {
                    out.add(r);
                }
            }
            open = text.indexOf('(', close + 1);
        }
        return out;
    }

    /** One part: {@code E10.-}, {@code A00-A09}, {@code K35.80}, or null when it is not a code or range. */
    static CodeRange parse(String part) {
        String token = part.strip();
        int space = token.indexOf(' ');
        if (space >= 0) {
            token = token.substring(0, space);
        }
        while (token.endsWith("-") || token.endsWith(".")) {
            token = token.substring(0, token.length() - 1);
        }
        int dash = token.indexOf('-');
        String lo = dash < 0 ? token : token.substring(0, dash);
        String hi = dash < 0 ? token : token.substring(dash + 1);
        while (hi.endsWith(".")) {
            hi = hi.substring(0, hi.length() - 1);
        }
        String a = code(lo);
        String b = code(hi);
        if (a == null || b == null || a.compareTo(b) > 0) {
            return null;
        }
        return new CodeRange(a, b);
    }

    private static String code(String typed) {
        String c = CodeSystem.ICD10CM.normalize(typed).orElse(null);
        if (c == null) {
            return null;
        }
        for (int i = 0; i < c.length(); i++) {
            if (c.charAt(i) >= '0' && c.charAt(i) <= '9') {
                return c;
            }
        }
        return null;
    }
}
