package com.casecoding.codes.edits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which modifiers a CPT/HCPCS code may carry, as far as the Medicare Physician Fee Schedule tells: the rows the RVU
 * file publishes per modifier (26, TC, 53) and the payment policy indicators (PC/TC, multiple procedure, bilateral,
 * assistant at surgery, co-surgeons, team surgery). The meanings are our own short wording; CPT modifiers are named
 * by number only.
 *
 * @param applies  modifiers the fee schedule pays or recognizes for this code, each with the rule and its source
 * @param notPaid  modifiers the fee schedule does not pay with this code, or pays nothing extra for
 * @param release  the RVU release read
 */
public record ModifierRules(List<Use> applies, List<Use> notPaid, EditRelease release) {

    /**
     * @param modifier the modifier ({@code 26}, {@code TC}, ...)
     * @param level    {@code CPT} (two digits) or {@code HCPCS Level II} (letters)
     * @param meaning  what the modifier says, in our words
     * @param rule     what the fee schedule does with it for this code
     * @param source   the file field that says so ({@code "RVU row with modifier 26"}, {@code "bilateral indicator 1"})
     * @param href     the modifier's own page for Level II modifiers
     */
    public record Use(String modifier, String level, String meaning, String rule, String source, String href) {
    }

    static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("26", "Professional component: the physician's interpretation and report only."),
            Map.entry("TC", "Technical component: equipment, supplies and technician only."),
            Map.entry("53", "Discontinued procedure: stopped after it was started."),
            Map.entry("50", "Bilateral procedure: done on both sides at the same session."),
            Map.entry("RT", "Right side of the body."),
            Map.entry("LT", "Left side of the body."),
            Map.entry("51", "Multiple procedures at the same session."),
            Map.entry("62", "Two surgeons, each doing a distinct part of one procedure."),
            Map.entry("66", "Team surgery: several surgeons working together on a complex procedure."),
            Map.entry("80", "Assistant surgeon."),
            Map.entry("81", "Minimum assistant surgeon."),
            Map.entry("82", "Assistant surgeon when no qualified resident is available."),
            Map.entry("AS", "Assistant at surgery by a physician assistant, nurse practitioner or clinical nurse "
                    + "specialist."));

    /** Reads the rules off the code's fee schedule rows (global row first, then one per modifier). */
    static ModifierRules of(List<RvuEntry> rows) {
        Map<String, Use> applies = new LinkedHashMap<>();
        Map<String, Use> notPaid = new LinkedHashMap<>();
        RvuEntry global = rows.stream().filter(r -> r.modifier() == null || r.modifier().isBlank()).findFirst()
                .orElse(rows.get(0));
        for (RvuEntry row : rows) {
            String mod = row.modifier() == null ? "" : row.modifier().strip();
            if (!mod.isEmpty()) {
                applies.put(mod, use(mod, "Has its own fee schedule row: " + Explanations.status(row.status()),
                        "RVU row with modifier " + mod));
            }
        }
        if ("1".equals(global.pctc())) {
            applies.putIfAbsent("26", use("26", "Bill the interpretation alone with 26.", "PC/TC indicator 1"));
            applies.putIfAbsent("TC", use("TC", "Bill the technical part alone with TC.", "PC/TC indicator 1"));
        }
        switch (global.multipleProcedure()) {
            // 2 and 3 (surgery, endoscopy) are reported with 51; the imaging and therapy reductions (4-7) are applied
            // by the contractor without a modifier
            case "2", "3" -> applies.put("51", use("51",
                    Explanations.multipleProcedure(global.multipleProcedure()),
                    "multiple procedure indicator " + global.multipleProcedure()));
            default -> { }
        }
        switch (global.bilateral()) {
            case "1", "3" -> {
                for (String mod : List.of("50", "RT", "LT")) {
                    applies.put(mod, use(mod, Explanations.bilateral(global.bilateral()),
                            "bilateral indicator " + global.bilateral()));
                }
            }
            case "0", "2" -> notPaid.put("50", use("50", Explanations.bilateral(global.bilateral()),
                    "bilateral indicator " + global.bilateral()));
            default -> { }
        }
        for (String mod : List.of("80", "81", "82", "AS")) {
            switch (global.assistant()) {
                case "0", "2" -> applies.put(mod, use(mod, Explanations.assistant(global.assistant()),
                        "assistant at surgery indicator " + global.assistant()));
                case "1" -> notPaid.put(mod, use(mod, Explanations.assistant(global.assistant()),
                        "assistant at surgery indicator 1"));
                default -> { }
            }
        }
        indicator(applies, notPaid, "62", global.coSurgeon(), Explanations.coSurgeon(global.coSurgeon()),
                "co-surgeon indicator ");
        indicator(applies, notPaid, "66", global.team(), Explanations.team(global.team()), "team surgery indicator ");
        return new ModifierRules(new ArrayList<>(applies.values()), new ArrayList<>(notPaid.values()),
                global.release());
    }

    /** Co-surgeon and team indicators share their values: 1 and 2 paid (2 without documentation), 0 not paid. */
    private static void indicator(Map<String, Use> applies, Map<String, Use> notPaid, String mod, String value,
                                  String explained, String source) {
        switch (value) {
            case "1", "2" -> applies.put(mod, use(mod, explained, source + value));
            case "0" -> notPaid.put(mod, use(mod, explained, source + value));
            default -> { }
        }
    }

    private static Use use(String mod, String rule, String source) {
        boolean levelTwo = Character.isLetter(mod.charAt(0));
        return new Use(mod, levelTwo ? "HCPCS Level II" : "CPT", MEANINGS.getOrDefault(mod, null), rule, source,
                levelTwo ? "/api/codes/modifier/" + mod : null);
    }
}
