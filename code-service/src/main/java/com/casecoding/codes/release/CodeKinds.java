package com.casecoding.codes.release;

import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.codes.CodeSystem;

/**
 * Which releases hold a code, and which part of its code set it belongs to. A release may list only some kinds of
 * code in full: the Medicare fee schedule names every CPT Category I, II and III code but no PLA or MAAA code (those
 * are paid under the laboratory fee schedule), so a PLA code missing from it says nothing.
 */
public final class CodeKinds {

    public static final String CPT_CATEGORY_1 = "cpt-category-1";
    public static final String CPT_CATEGORY_2 = "cpt-category-2";
    public static final String CPT_CATEGORY_3 = "cpt-category-3";
    public static final String CPT_PLA = "cpt-pla";
    public static final String CPT_MAAA = "cpt-maaa";
    public static final String MODIFIER = "modifier";

    private CodeKinds() {
    }

    /**
     * The dataset whose releases hold the code: its code system, except modifiers: CPT (Level I) modifiers, two
     * digits, come with the CPT releases; HCPCS Level II modifiers (a letter in them) with the HCPCS file.
     */
    public static String dataset(CodeKey key) {
        return dataset(key.system(), key.code());
    }

    /** {@link #dataset(CodeKey)} for a stored code or hierarchy node (an ICD-10-PCS table such as {@code 0DT}). */
    public static String dataset(CodeSystem system, String code) {
        if (system == CodeSystem.MODIFIER) {
            return isCptModifier(code) ? CodeSystem.CPT.id() : CodeSystem.HCPCS.id();
        }
        return system.id();
    }

    /** {@code code_release.complete_for} in words: what a release lists in full. */
    public static String describe(String completeFor) {
        if (completeFor == null) {
            return "the whole code set";
        }
        if (completeFor.isEmpty()) {
            return "a partial list";
        }
        return java.util.Arrays.stream(completeFor.split(",")).map(k -> switch (k) {
            case CPT_CATEGORY_1 -> "CPT Category I";
            case CPT_CATEGORY_2 -> "Category II";
            case CPT_CATEGORY_3 -> "Category III";
            case CPT_PLA -> "PLA codes";
            case CPT_MAAA -> "MAAA codes";
            case MODIFIER -> "modifiers";
            default -> k;
        }).collect(java.util.stream.Collectors.joining(", ")) + " in full, other codes partly";
    }

    /** A stored modifier (two characters, {@link CodeSystem#MODIFIER}) of CPT: both characters are digits. */
    public static boolean isCptModifier(String stored) {
        return stored.length() == 2 && Character.isDigit(stored.charAt(0)) && Character.isDigit(stored.charAt(1));
    }

    /**
     * The kind of a code, as {@code code_release.complete_for} names it: CPT codes by category (the last character
     * of a stored CPT code: a digit for Category I, F, T, U for PLA, M for MAAA), modifiers, else the code system.
     */
    public static String kind(CodeSystem system, String code) {
        if (system == CodeSystem.CPT) {
            return switch (code.charAt(code.length() - 1)) {
                case 'F' -> CPT_CATEGORY_2;
                case 'T' -> CPT_CATEGORY_3;
                case 'U' -> CPT_PLA;
                case 'M' -> CPT_MAAA;
                default -> CPT_CATEGORY_1;
            };
        }
        return system == CodeSystem.MODIFIER ? MODIFIER : system.id();
    }
}
