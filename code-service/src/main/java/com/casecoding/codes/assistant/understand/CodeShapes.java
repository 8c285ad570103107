package com.casecoding.codes.assistant.understand;

import com.casecoding.codes.release.CodeSystem;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which code systems a token could belong to by its shape alone. Shapes are deliberately generous (the catalog has
 * the last word) except for plain numbers, which only count as ICD-9 codes when written with the dot or when the
 * context says ICD-9: otherwise every "090" or "2024" in a sentence would be a code.
 */
public final class CodeShapes {

    private static final Pattern ICD10CM_DOT = Pattern.compile("[A-Z][0-9][0-9AB]\\.[0-9A-Z]{1,4}");
    private static final Pattern ICD10CM = Pattern.compile("[A-Z][0-9][0-9AB][0-9A-Z]{0,4}");
    private static final Pattern PCS = Pattern.compile("[0-9A-HJ-NP-Z]{7}");
    private static final Pattern HCPCS = Pattern.compile("[A-V][0-9]{4}");
    private static final Pattern CPT = Pattern.compile("[0-9]{4}[0-9FTUM]");
    private static final Pattern ICD9_DX_DOT = Pattern.compile("[0-9]{3}\\.[0-9]{1,2}|V[0-9]{2}\\.[0-9]{1,2}|E[0-9]{3}\\.[0-9]");
    private static final Pattern ICD9_DX = Pattern.compile("[0-9]{3,5}|V[0-9]{2,4}|E[0-9]{3,4}");
    private static final Pattern ICD9_PROC_DOT = Pattern.compile("[0-9]{2}\\.[0-9]{1,2}");
    private static final Pattern ICD9_PROC = Pattern.compile("[0-9]{2,4}");

    private CodeShapes() {
    }

    /** Systems the token may belong to. {@code icd9Context}: the surrounding text names ICD-9 (or a GEM). */
    public static Set<CodeSystem> candidates(String token, boolean icd9Context) {
        String t = token.toUpperCase(Locale.ROOT);
        Set<CodeSystem> out = EnumSet.noneOf(CodeSystem.class);
        boolean dotted = t.indexOf('.') >= 0;
        if (dotted) {
            if (ICD10CM_DOT.matcher(t).matches()) {
                out.add(CodeSystem.ICD10CM);
            }
            if (ICD9_DX_DOT.matcher(t).matches()) {
                out.add(CodeSystem.ICD9CM);
            }
            if (ICD9_PROC_DOT.matcher(t).matches()) {
                out.add(CodeSystem.ICD9PCS);
            }
            return out;
        }
        if (ICD10CM.matcher(t).matches()) {
            out.add(CodeSystem.ICD10CM);
        }
        if (PCS.matcher(t).matches() && hasDigit(t)) {
            out.add(CodeSystem.ICD10PCS);
        }
        if (HCPCS.matcher(t).matches()) {
            out.add(CodeSystem.HCPCS);
        }
        if (CPT.matcher(t).matches()) {
            out.add(CodeSystem.CPT);
        }
        if (ICD9_DX.matcher(t).matches() && (icd9Context || t.charAt(0) == 'V' || t.charAt(0) == 'E')) {
            out.add(CodeSystem.ICD9CM);
        }
        if (icd9Context && ICD9_PROC.matcher(t).matches()) {
            out.add(CodeSystem.ICD9PCS);
        }
        return out;
    }

    /** A shape that is a code and nothing else in running text (letters in code positions, 5-digit or 7-character forms). */
    public static boolean strong(String token) {
        String t = token.toUpperCase(Locale.ROOT);
        if (t.indexOf('.') >= 0) {
            return ICD10CM_DOT.matcher(t).matches() || t.matches("V[0-9]{2}\\.[0-9]{1,2}|E[0-9]{3}\\.[0-9]");
        }
        return ICD10CM.matcher(t).matches() || (PCS.matcher(t).matches() && hasDigit(t))
                || HCPCS.matcher(t).matches() || CPT.matcher(t).matches();
    }

    private static boolean hasDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isDigit(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
