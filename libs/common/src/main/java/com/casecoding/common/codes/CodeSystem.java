package com.casecoding.common.codes;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The code sets the platform serves, and the one place that knows how each one's codes are written: the grammar its
 * publisher documents, the stored (normal) form and the display form. Every component that reads a code from a
 * person, a path or a file goes through {@link #normalize}; nothing else strips dots or upper-cases codes.
 * <p>
 * Grammars follow the publishers' specifications, not the shapes seen in one year's file:
 * <ul>
 * <li>ICD-10-CM (CDC): 3 to 7 characters, the first a letter, the others letters or digits (the second and third may
 * be letters: C4A, D3A, M1A, Z3A, and categories such as QA0 in releases after FY2025); the dot follows the third.</li>
 * <li>ICD-10-PCS (CMS): exactly 7 characters from 0-9 and A-Z without O and I.</li>
 * <li>HCPCS Level II (CMS): a letter and 4 digits.</li>
 * <li>CPT (AMA): 5 digits (Category I), 4 digits + F (Category II), + T (Category III), + U (PLA) or + M
 * (administrative MAAA codes, as the CMS edit files list them).</li>
 * <li>ICD-9-CM volumes 1-2: 3 to 5 digits, V + 2 to 4 digits, E + 3 or 4 digits; volume 3: 2 to 4 digits.</li>
 * <li>Modifiers: 2 characters: CPT (Level I) modifiers are 2 digits (25, 59), HCPCS Level II modifiers 2 letters or
 * a letter and a digit (RT, XU, E1).</li>
 * </ul>
 * Whether a code exists, and whether it is billable, is for the loaded release to say; the grammar only decides what
 * can be a code of the set at all.
 */
public enum CodeSystem {
    ICD10CM("icd10cm", "ICD-10-CM", "Diagnoses (CDC/CMS), 3-7 characters shown with a dot after the third: E11.9",
            "[A-Z][0-9A-Z]{2}[0-9A-Z]{0,4}", 3, "E11.9"),
    ICD10PCS("icd10pcs", "ICD-10-PCS", "Inpatient procedures (CMS), exactly 7 characters: 0DTJ4ZZ",
            "[0-9A-HJ-NP-Z]{7}", 0, "0DTJ4ZZ"),
    HCPCS("hcpcs", "HCPCS Level II", "Supplies, drugs and services (CMS), a letter and 4 digits: J1885",
            "[A-Z][0-9]{4}", 0, "J1885"),
    CPT("cpt", "CPT (HCPCS Level I)", "Procedures (AMA), 5 characters: 99213; official text needs an AMA licence",
            "[0-9]{5}|[0-9]{4}[FTUM]", 0, "99213"),
    ICD9CM("icd9cm", "ICD-9-CM diagnoses", "Legacy diagnoses (v32, frozen 2014): 250.00",
            "[0-9]{3,5}|V[0-9]{2,4}|E[0-9]{3,4}", 3, "250.00"),
    ICD9PCS("icd9pcs", "ICD-9-CM procedures", "Legacy volume 3 procedures (v32, frozen 2014): 81.54",
            "[0-9]{2,4}", 2, "81.54"),
    MODIFIER("modifier", "Modifiers", "Two-character modifiers: CPT (25, 59) and HCPCS Level II (RT, LT, GA)",
            "[0-9A-Z]{2}", 0, "RT");

    /** The longest code of any system (ICD-10-CM and ICD-10-PCS: 7). */
    public static final int MAX_LENGTH = 7;

    private final String id;
    private final String label;
    private final String description;
    private final String example;
    private final Pattern grammar;
    /** Where the dot goes in the display form (0 = no dot); ICD-9-CM E codes take it after the fourth. */
    private final int dotAfter;

    CodeSystem(String id, String label, String description, String grammar, int dotAfter, String example) {
        this.example = example;
        this.id = id;
        this.label = label;
        this.description = description;
        this.grammar = Pattern.compile(grammar);
        this.dotAfter = dotAfter;
    }

    /** The id used in URLs and stored with every code ({@code icd10cm}). */
    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** A code of the set as people write it, for messages ({@code E11.9}). */
    public String example() {
        return example;
    }

    /** The system with this URL id; case and hyphens do not matter ({@code ICD-10-CM} finds {@code icd10cm}). */
    public static Optional<CodeSystem> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace("-", "");
        for (CodeSystem system : values()) {
            if (system.id.equals(wanted)) {
                return Optional.of(system);
            }
        }
        return Optional.empty();
    }

    /**
     * The stored form of a code as a person typed it: surrounding white space and dots removed, letters upper case.
     * Empty when what is left cannot be a code of this system (wrong length or characters).
     * {@code " e11.9 "} and {@code "E119"} both give {@code E119}.
     */
    public Optional<String> normalize(String typed) {
        String code = compact(typed);
        return code != null && grammar.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    /** True when a code already in stored form fits this system's grammar. */
    public boolean accepts(String stored) {
        return stored != null && grammar.matcher(stored).matches();
    }

    /**
     * True when a stored code fits this system as a node of its hierarchy: a code, or for ICD-10-PCS also the start
     * of one (the order file lists the 3-character tables, such as {@code 0DT}, as non-billable headers). ICD-10-CM
     * headers (categories, subcategories) are codes of the grammar already.
     */
    public boolean acceptsNode(String stored) {
        if (this == ICD10PCS && stored != null && !stored.isEmpty() && stored.length() < 7) {
            return grammar.matcher(stored + "0".repeat(7 - stored.length())).matches();
        }
        return accepts(stored);
    }

    /** The code as people write it: ICD-10-CM and ICD-9-CM with the dot after the category, ICD-9 procedures after two. */
    public String display(String stored) {
        if (stored == null) {
            return null;
        }
        int cut = this == ICD9CM && stored.startsWith("E") ? 4 : dotAfter;
        return cut > 0 && stored.length() > cut ? stored.substring(0, cut) + '.' + stored.substring(cut) : stored;
    }

    /** The systems whose grammar a typed token fits (an {@code E1165} fits ICD-10-CM; {@code 99213} CPT and ICD-9-CM). */
    public static Set<CodeSystem> shapesOf(String typed) {
        String code = compact(typed);
        Set<CodeSystem> out = EnumSet.noneOf(CodeSystem.class);
        if (code == null) {
            return out;
        }
        for (CodeSystem system : values()) {
            if (system.grammar.matcher(code).matches()) {
                out.add(system);
            }
        }
        return out;
    }

    /**
     * A code or the start of one as typed, in stored form whatever the system: upper case without its dot and
     * surrounding white space; null when anything but ASCII letters and digits (and one dot) is left, or when it is
     * empty or longer than any code. Search uses it for code prefixes ({@code "e11."} gives {@code E11}); a whole code of a known
     * system is read with {@link #normalize}.
     */
    public static String compact(String typed) {
        if (typed == null) {
            return null;
        }
        int from = 0;
        int to = typed.length();
        while (from < to && Character.isWhitespace(typed.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(typed.charAt(to - 1))) {
            to--;
        }
        StringBuilder b = new StringBuilder(to - from);
        boolean dot = false;
        for (int i = from; i < to; i++) {
            char c = typed.charAt(i);
            if (c == '.') {
                if (dot) {
                    return null;
                }
                dot = true;
                continue;
            }
            if (c >= 'a' && c <= 'z') {
                b.append((char) (c - 32));
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(c);
            } else {
                return null;
            }
            if (b.length() > MAX_LENGTH) {
                return null;
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    @Override
    public String toString() {
        return id;
    }
}
