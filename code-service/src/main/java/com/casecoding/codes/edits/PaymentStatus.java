package com.casecoding.codes.edits;

import java.util.Map;
import java.util.Optional;

/**
 * What the MPFS status code of a code means for a practitioner claim line: the one reading of the status field
 * for claim checks. {@link Explanations#status} says what each value means; this class says how much it matters on
 * a claim ({@code denied}: the line will not be paid by Medicare; otherwise a note or a warning).
 */
public final class PaymentStatus {

    /** How a status code weighs on a claim line. */
    public enum Weight {
        /** The line is not paid by Medicare under this code. */
        DENIED,
        /** Likely not paid (not covered, bundled): check before sending. */
        WARNING,
        /** Paid or priced elsewhere, or reported for quality only: good to know, not a problem. */
        NOTE
    }

    /**
     * @param status    the status code read ({@code I})
     * @param weight    see {@link Weight}
     * @param meaning   what the status means (our wording)
     * @param fix       what to do, when something can be done
     * @param useInstead the code Medicare uses instead, when we know it
     */
    public record Note(String status, Weight weight, String meaning, String fix, String useInstead) {
    }

    /**
     * Medicare's own codes for services whose CPT code has status I (not valid for Medicare). Our list of the
     * replacements CMS announced in the fee schedule rules; extend it as rules add more.
     */
    static final Map<String, String> MEDICARE_CODE = Map.of(
            "99417", "G2212",
            "99418", "G0316");

    /** Liability notice modifiers: an ABN is on file (GA), statutorily excluded (GY), or no ABN (GZ). */
    static final java.util.Set<String> NOTICE = java.util.Set.of("GA", "GY", "GZ");

    private PaymentStatus() {
    }

    /** The note for a code's global fee schedule row; empty for status A (paid under the fee schedule). */
    public static Optional<Note> of(String code, RvuEntry global, java.util.List<String> modifiers) {
        String s = global.status() == null ? "" : global.status().strip();
        String meaning = Explanations.status(s);
        return switch (s) {
            case "A", "" -> Optional.empty();
            case "I", "G" -> {
                if (code.length() == 5 && code.endsWith("F")) {
                    // CPT Category II: quality measure codes, listed as status I; reported for quality programmes
                    yield Optional.of(new Note(s, Weight.NOTE, "CPT Category II code: reported for quality "
                            + "measures only, with no payment. " + meaning, null, null));
                }
                String instead = MEDICARE_CODE.get(code);
                yield Optional.of(new Note(s, Weight.DENIED, meaning, instead != null
                        ? "For Medicare, bill " + instead + " instead of " + code + "; other payers may accept " + code + "."
                        : "For Medicare, bill the HCPCS Level II code Medicare uses for this service; other payers "
                        + "may accept " + code + ".", instead));
            }
            case "D", "F", "H" -> Optional.of(new Note(s, Weight.DENIED, meaning,
                    "Use the code that replaced " + code + ".", null));
            case "N" -> Optional.of(new Note(s, modifiers.stream().anyMatch(NOTICE::contains) ? Weight.NOTE
                    : Weight.WARNING, meaning, "For a Medicare patient, have a signed "
                    + "advance beneficiary notice and add GA (or GY when the service is excluded by statute), or do not "
                    + "bill Medicare.", null));
            case "B", "P" -> Optional.of(new Note(s, Weight.WARNING, meaning, "Do not expect separate payment: "
                    + "Medicare includes it in the payment of the service it goes with; remove the line unless the "
                    + "payer asks for it to be reported.", null));
            default -> Optional.of(new Note(s, Weight.NOTE, meaning, null, null)); // C, E, J, M, R, T, X
        };
    }
}
