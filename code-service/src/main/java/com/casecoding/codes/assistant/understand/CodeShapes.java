package com.casecoding.codes.assistant.understand;

import com.casecoding.common.codes.CodeSystem;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which code systems a token of running text could belong to. The grammar of each system is {@link CodeSystem}'s;
 * this class adds only what running text needs: a dotted token belongs to the systems that put the dot where it
 * stands, and plain numbers count as ICD-9 codes only when written with the dot or when the context says ICD-9
 * (otherwise every "090" or "2024" in a sentence would be a code), and an undotted token with letters in both the
 * second and third position is a word. Modifiers are never read from bare tokens.
 */
public final class CodeShapes {

    private static final Pattern YEAR = Pattern.compile("[FC]Y[0-9]{2}|[FC]Y[0-9]{4}");

    private CodeShapes() {
    }

    /** Systems the token may belong to. {@code icd9Context}: the surrounding text names ICD-9 (or a GEM). */
    public static Set<CodeSystem> candidates(String token, boolean icd9Context) {
        String typed = token.strip().toUpperCase(Locale.ROOT);
        Set<CodeSystem> out = EnumSet.noneOf(CodeSystem.class);
        String code = CodeSystem.compact(typed);
        if (code == null || !hasDigit(code)) {
            return out;
        }
        boolean dotted = typed.indexOf('.') >= 0;
        for (CodeSystem system : CodeSystem.shapesOf(code)) {
            if (system == CodeSystem.MODIFIER) {
                continue;
            }
            if (dotted) {
                // only the systems that write a dot, and only where they write it
                if (system.display(code).equals(typed)) {
                    out.add(system);
                }
                continue;
            }
            if (system == CodeSystem.ICD10CM && Character.isLetter(code.charAt(1))
                    && (Character.isLetter(code.charAt(2)) || YEAR.matcher(code).matches())) {
                // the grammar allows a letter in the second and in the third position, but no category has both:
                // undotted, such a token is a word (COVID19), and FY2025 / CY2025 are years
                continue;
            }
            boolean number = code.chars().allMatch(Character::isDigit);
            if (system == CodeSystem.ICD9PCS && !icd9Context) {
                continue;
            }
            if (system == CodeSystem.ICD9CM && number && !icd9Context) {
                continue;
            }
            out.add(system);
        }
        return out;
    }

    /**
     * A token that is a code and nothing else in running text: an ICD-10-CM code with its dot, or an undotted
     * ICD-10-CM, ICD-10-PCS, HCPCS or CPT shape (letters in code positions, 5-digit or 7-character forms), or an ICD-9
     * V or E code with its dot.
     */
    public static boolean strong(String token) {
        Set<CodeSystem> shapes = candidates(token, false);
        if (token.indexOf('.') >= 0) {
            return shapes.contains(CodeSystem.ICD10CM) || shapes.contains(CodeSystem.ICD9CM)
                    && !Character.isDigit(token.strip().charAt(0));
        }
        // undotted, an ICD-10-CM shape with a letter second (QA01) is weak: answers print ICD-10-CM codes with the dot
        boolean icd10cm = shapes.contains(CodeSystem.ICD10CM) && Character.isDigit(token.strip().charAt(1));
        return icd10cm || shapes.contains(CodeSystem.ICD10PCS) || shapes.contains(CodeSystem.HCPCS)
                || shapes.contains(CodeSystem.CPT);
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
