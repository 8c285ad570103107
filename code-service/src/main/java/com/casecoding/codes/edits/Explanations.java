package com.casecoding.codes.edits;

import java.util.Map;

/**
 * Plain-language meanings of the indicator values in the fee schedule and NCCI files, written for coders
 * (our own wording of the CMS definitions).
 */
public final class Explanations {

    private Explanations() {
    }

    private static final Map<String, String> GLOBAL_DAYS = Map.of(
            "000", "0-day global period: an endoscopy or minor procedure; related care on the day of the procedure is included, none afterwards.",
            "010", "10-day global period: a minor procedure; related care on the day of the procedure and for the 10 days after it is included.",
            "090", "90-day global period: a major surgery; the day before, the day of the surgery and the 90 days after it are included.",
            "MMM", "Maternity code: the usual global surgery rules do not apply; the package is defined by the maternity care rules.",
            "XXX", "The global surgery concept does not apply to this code.",
            "YYY", "The Medicare contractor sets the global period (carrier-priced code).",
            "ZZZ", "Add-on code: it has no global period of its own and falls within the global period of the primary service.");

    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("A", "Active: paid under the physician fee schedule."),
            Map.entry("B", "Bundled: payment is included in other services; not paid separately."),
            Map.entry("C", "Carrier priced: the Medicare contractor sets the payment; no national RVUs apply."),
            Map.entry("D", "Deleted code (within the grace period)."),
            Map.entry("E", "Excluded from the fee schedule by regulation."),
            Map.entry("F", "Deleted or discontinued code; no grace period."),
            Map.entry("G", "Not valid for Medicare: another code is used instead."),
            Map.entry("H", "Deleted modifier: this code-modifier pair is no longer valid."),
            Map.entry("I", "Not valid for Medicare purposes: Medicare uses another code for this service."),
            Map.entry("J", "Anesthesia service: paid under the anesthesia fee schedule, not with these RVUs."),
            Map.entry("M", "Measurement code: reported for quality programmes only; no payment."),
            Map.entry("N", "Not covered by Medicare."),
            Map.entry("P", "Bundled or excluded: not paid separately under the fee schedule."),
            Map.entry("R", "Restricted coverage: paid only in special circumstances."),
            Map.entry("T", "Injection-type service: paid only when no other fee-schedule service is billed the same day."),
            Map.entry("X", "Statutory exclusion: not in the fee schedule by law; may be paid under another fee schedule."));

    private static final Map<String, String> PCTC = Map.of(
            "0", "Physician service: no professional/technical split.",
            "1", "Diagnostic test with a professional component (modifier 26) and a technical component (TC).",
            "2", "Professional-component-only code.",
            "3", "Technical-component-only code.",
            "4", "Global test-only code: the components are billed with separate codes.",
            "5", "Incident-to service: not paid when provided to hospital patients.",
            "6", "Laboratory physician interpretation code.",
            "7", "Physical therapy service: not paid when furnished to hospital patients by an independent therapist.",
            "8", "Physician interpretation code.",
            "9", "The professional/technical component concept does not apply.");

    private static final Map<String, String> MULT_PROC = Map.of(
            "0", "No multiple-procedure reduction.",
            "1", "Older standard multiple-procedure rules (no longer used).",
            "2", "Standard reduction: highest-valued procedure at 100%, the others at 50%.",
            "3", "Endoscopy family rules: related endoscopies are reduced against the base endoscopy.",
            "4", "Diagnostic imaging reduction on the technical and professional components.",
            "5", "Reduction of the practice expense of 'always therapy' and some other services.",
            "6", "Diagnostic cardiovascular reduction on the technical component.",
            "7", "Diagnostic ophthalmology reduction on the technical component.",
            "9", "The multiple-procedure concept does not apply.");

    private static final Map<String, String> BILATERAL = Map.of(
            "0", "No bilateral payment adjustment: modifier 50 does not raise payment.",
            "1", "Bilateral surgery paid at 150% when billed with modifier 50 (or RT and LT).",
            "2", "The code already describes a bilateral procedure: no further adjustment.",
            "3", "Each side paid at 100% (e.g. radiology): bilateral billing pays twice the fee.",
            "9", "The bilateral concept does not apply.");

    private static final Map<String, String> ASSISTANT = Map.of(
            "0", "Restricted: an assistant at surgery is not paid unless documentation establishes medical necessity.",
            "1", "Statutory restriction: an assistant at surgery is never paid for this procedure.",
            "2", "Assistant at surgery may be paid.",
            "9", "The assistant-at-surgery concept does not apply.");

    private static final Map<String, String> CO_SURGEON = Map.of(
            "0", "Co-surgeons (modifier 62) not permitted.",
            "1", "Co-surgeons paid with supporting documentation.",
            "2", "Co-surgeons permitted: no documentation required if the two specialties are required.",
            "9", "The co-surgeon concept does not apply.");

    private static final Map<String, String> TEAM = Map.of(
            "0", "Team surgeons (modifier 66) not permitted.",
            "1", "Team surgeons paid with supporting documentation.",
            "2", "Team surgeons permitted; paid by report.",
            "9", "The team-surgeon concept does not apply.");

    public static String globalDays(String value) {
        String known = GLOBAL_DAYS.get(value);
        if (known != null) {
            return known;
        }
        return value.matches("\\d{3}") ? "Global period of " + Integer.parseInt(value) + " days after the procedure."
                : "Global days indicator " + value + ".";
    }

    public static String status(String value) {
        return STATUS.getOrDefault(value, "Status code " + value + ".");
    }

    public static String pctc(String value) {
        return PCTC.getOrDefault(value, "Indicator " + value + ".");
    }

    public static String multipleProcedure(String value) {
        return MULT_PROC.getOrDefault(value, "Indicator " + value + ".");
    }

    public static String bilateral(String value) {
        return BILATERAL.getOrDefault(value, "Indicator " + value + ".");
    }

    public static String assistant(String value) {
        return ASSISTANT.getOrDefault(value, "Indicator " + value + ".");
    }

    public static String coSurgeon(String value) {
        return CO_SURGEON.getOrDefault(value, "Indicator " + value + ".");
    }

    public static String team(String value) {
        return TEAM.getOrDefault(value, "Indicator " + value + ".");
    }

    /** MUE adjudication indicator. */
    public static String mai(int value) {
        return switch (value) {
            case 1 -> "1 Line edit: the limit applies to each claim line; units on separate lines (with modifiers "
                    + "such as 59 or RT/LT) are judged separately.";
            case 2 -> "2 Date of service edit, policy: the limit applies to all units of the code on the date of "
                    + "service; it is an absolute limit based on policy and is not raised on appeal.";
            case 3 -> "3 Date of service edit, clinical: the limit applies to all units of the code on the date of "
                    + "service; units above it may be paid on appeal when the record shows they were medically necessary.";
            default -> "Indicator " + value + ".";
        };
    }

    /** NCCI add-on code edit type. */
    public static String aocType(int type) {
        return switch (type) {
            case 1 -> "Type 1: only the primary codes CMS lists are eligible.";
            case 2 -> "Type 2: CMS lists no primary codes; each Medicare contractor defines the eligible primaries.";
            case 3 -> "Type 3: CMS lists some eligible primary codes; contractors may allow others.";
            default -> "Type " + type + ".";
        };
    }

    /** NCCI PTP modifier indicator. */
    public static String ptpModifier(int value) {
        return switch (value) {
            case 0 -> "0: the two codes are never paid together, whatever the modifier.";
            case 1 -> "1: the two codes may be paid together when a modifier shows a distinct service "
                    + "(59, XE, XS, XP, XU or an anatomic modifier) and the record supports it.";
            case 9 -> "9: the edit does not apply (it was deleted retroactively).";
            default -> "Indicator " + value + ".";
        };
    }
}
