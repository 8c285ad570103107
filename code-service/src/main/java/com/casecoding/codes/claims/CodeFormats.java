package com.casecoding.codes.claims;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Which code set a code typed on a claim belongs to, by its shape alone. */
public final class CodeFormats {

    /** CPT: 5 digits (99213), or 4 digits + F (category II), T (category III), U or M (laboratory). */
    private static final Pattern CPT = Pattern.compile("\\d{5}|\\d{4}[FTUM]");
    /** HCPCS Level II: a letter A-V and 4 digits (G0008, J1885). */
    private static final Pattern HCPCS = Pattern.compile("[A-V]\\d{4}");
    /** ICD-10-CM: letter, digit, alphanumeric, then up to 4 alphanumerics (dot optional). */
    private static final Pattern ICD10CM = Pattern.compile("[A-TV-Z]\\d[0-9A-Z][0-9A-Z]{0,4}");
    private static final Pattern MODIFIER = Pattern.compile("[0-9A-Z]{2}");

    /** CPT (Level I) modifier numbers; their meaning is AMA text and is not stored here. */
    static final Set<String> CPT_MODIFIERS = Set.of("22", "23", "24", "25", "26", "27", "32", "33", "47", "50", "51",
            "52", "53", "54", "55", "56", "57", "58", "59", "62", "63", "66", "73", "74", "76", "77", "78", "79", "80",
            "81", "82", "90", "91", "92", "93", "95", "96", "97", "99");

    private CodeFormats() {
    }

    public static String normalize(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT).replace(".", "");
    }

    /** {@code cpt} or {@code hcpcs} for a well-formed procedure code; empty when it fits neither. */
    public static Optional<String> procedureSystem(String code) {
        String c = normalize(code);
        if (CPT.matcher(c).matches()) {
            return Optional.of("cpt");
        }
        if (HCPCS.matcher(c).matches()) {
            return Optional.of("hcpcs");
        }
        return Optional.empty();
    }

    public static boolean isIcd10cm(String code) {
        return ICD10CM.matcher(normalize(code)).matches();
    }

    public static boolean isModifier(String modifier) {
        return MODIFIER.matcher(normalize(modifier)).matches();
    }

    public static boolean isCptModifier(String modifier) {
        return CPT_MODIFIERS.contains(normalize(modifier));
    }

    /** ICD-10-CM as printed: a dot after the third character (E119 -> E11.9). */
    public static String icdDisplay(String code) {
        String c = normalize(code);
        return c.length() > 3 ? c.substring(0, 3) + "." + c.substring(3) : c;
    }
}
