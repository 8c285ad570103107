package com.casecoding.codes.edits;

import com.casecoding.codes.release.CodeKinds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modifiers coders reach for with a CPT/HCPCS code, and what the Medicare Physician Fee Schedule says about each
 * for this code: the rows the RVU file publishes per modifier (26, TC, 53), the payment policy indicators (PC/TC,
 * multiple procedure, bilateral, assistant at surgery, co-surgeons, team surgery), the global period (the global
 * surgery modifiers 24, 25, 57, 58, 78, 79 and split care 54, 55, 56) and the kind of service (an E/M visit takes
 * 25, 24 and 57 but never 59 or the X modifiers; surgical team modifiers only concern procedures with a global
 * period). Every rule is our wording of the CMS policy and names the field and value it was read from. CPT modifiers
 * are named by number only: what each one means is on its own page ({@code /api/codes/modifier/25}).
 *
 * @param service       what kind of service the code is, as far as these rules go
 * @param applies       modifiers that may be used with this code, each with when and how it is paid
 * @param notPaid       modifiers the fee schedule does not pay with this code, or pays nothing extra for
 * @param notForThisCode modifiers coders look for that do not belong on this kind of code
 * @param release       the RVU release read
 */
public record ModifierRules(String service, List<Use> applies, List<Use> notPaid, List<Use> notForThisCode,
                            EditRelease release) {

    /**
     * @param modifier the modifier ({@code 26}, {@code TC}, ...)
     * @param level    {@code CPT} (two digits) or {@code HCPCS Level II}
     * @param meaning  what a Level II modifier says, in our words (CPT modifiers: see {@code href})
     * @param rule     what the fee schedule does with it for this code
     * @param source   the file field that says so ({@code "RVU row with modifier 26"}, {@code "bilateral indicator 1"})
     * @param href     the modifier's own page
     */
    public record Use(String modifier, String level, String meaning, String rule, String source, String href) {
    }

    /** CPT Evaluation and Management services: 99202-99499 (numbers only; the range is public). */
    static boolean evaluationAndManagement(String code) {
        return code.length() == 5 && code.chars().allMatch(Character::isDigit) && code.compareTo("99202") >= 0
                && code.compareTo("99499") <= 0;
    }

    static final Map<String, String> LEVEL_TWO_MEANINGS = Map.of(
            "TC", "Technical component: the equipment, supplies and technician's part of a test.",
            "RT", "Right side of the body.",
            "LT", "Left side of the body.",
            "AS", "A physician assistant, nurse practitioner or clinical nurse specialist assisted at surgery.",
            "XE", "Distinct because it took place at a separate encounter.",
            "XS", "Distinct because it was on a separate organ or structure.",
            "XP", "Distinct because a different practitioner performed it.",
            "XU", "Distinct because it does not overlap the usual parts of the main service.");

    /**
     * A modifier on a claim line that the fee schedule does not pay with this code, or that does not belong on it.
     *
     * @param rule      stable rule id of the indicator family ({@code modifier-pctc}, {@code modifier-bilateral},
     *                  {@code modifier-assistant}, {@code modifier-co-surgeon}, {@code modifier-team},
     *                  {@code modifier-multiple-procedure}, {@code modifier-scope})
     * @param denied    true when the line is denied or the modifier rejected; false when it is likely a problem
     *                  (paid only with documentation, or no effect on payment)
     * @param indicator the file field and value read ({@code "PC/TC indicator 4"}, {@code "E/M service ..."})
     * @param message   what is wrong, in our words
     * @param fix       what to do instead
     */
    public record Misuse(String modifier, String rule, boolean denied, String indicator, String message, String fix) {
    }

    /** What is wrong with {@code modifier} on this code, if anything (the page's "not paid" and "not for" lists). */
    public Optional<Misuse> misuse(String modifier) {
        for (Use u : notPaid) {
            if (u.modifier().equals(modifier)) {
                String rule = ruleOf(u.source());
                boolean denied = !(rule.equals("modifier-multiple-procedure") || u.source().equals("assistant at surgery indicator 0"));
                return Optional.of(new Misuse(modifier, rule, denied, u.source(), "Modifier " + modifier
                        + " is not paid with this code (" + u.source() + "): " + u.rule(), fixOf(modifier, rule, denied)));
            }
        }
        for (Use u : notForThisCode) {
            if (u.modifier().equals(modifier)) {
                String rule = ruleOf(u.source());
                return Optional.of(new Misuse(modifier, rule, true, u.source(), "Modifier " + modifier
                        + " does not belong on this code (" + u.source() + "): " + u.rule(), fixOf(modifier, rule, true)));
            }
        }
        return Optional.empty();
    }

    /** Rule id of the indicator family a {@link Use#source()} names (one place that maps field to rule). */
    private static String ruleOf(String source) {
        if (source.startsWith("PC/TC indicator")) {
            return "modifier-pctc";
        }
        if (source.startsWith("bilateral indicator")) {
            return "modifier-bilateral";
        }
        if (source.startsWith("multiple procedure indicator")) {
            return "modifier-multiple-procedure";
        }
        if (source.startsWith("assistant at surgery indicator")) {
            return "modifier-assistant";
        }
        if (source.startsWith("co-surgeon indicator")) {
            return "modifier-co-surgeon";
        }
        if (source.startsWith("team surgery indicator")) {
            return "modifier-team";
        }
        return "modifier-scope";
    }

    private static String fixOf(String modifier, String rule, boolean denied) {
        return switch (rule) {
            case "modifier-pctc" -> switch (modifier) {
                case "26" -> "Remove 26: bill the code that is the interpretation and report alone (or the global "
                        + "code when you did both parts).";
                default -> "Remove TC: bill the code that is the technical part alone (or the global code when you "
                        + "did both parts).";
            };
            case "modifier-bilateral" -> "Remove 50: report the code once per session (or with RT/LT on separate "
                    + "lines when each side is a distinct service); 50 adds no payment here.";
            case "modifier-assistant" -> denied ? "Remove the assistant line: an assistant at surgery is never paid "
                    + "for this procedure." : "Send the records that establish medical necessity for an assistant, "
                    + "or remove the assistant line.";
            case "modifier-co-surgeon" -> "Remove 62: co-surgeons are not paid for this procedure; bill it once "
                    + "(the primary surgeon) or with 80/82 where an assistant is payable.";
            case "modifier-team" -> "Remove 66: team surgery is not paid for this procedure.";
            case "modifier-multiple-procedure" -> "Remove 51: the multiple-procedure rule for this code does not "
                    + "use it.";
            default -> switch (modifier) {
                case "25" -> "Move 25 to the E/M visit billed the same day, or remove it.";
                case "59", "XE", "XS", "XP", "XU" -> "Remove " + modifier + " from the visit: a visit that is distinct work beyond "
                        + "the usual care of a same-day procedure takes 25.";
                case "RT", "LT" -> "Remove " + modifier + " from the visit; put it on the procedure line it describes.";
                default -> "Remove " + modifier + ": it does not apply to this kind of service.";
            };
        };
    }

    /**
     * Modifier 57 on an E/M visit says the visit decided a major surgery (090-day global). When the claim's
     * procedures are all minor (000 or 010 days), 57 is the wrong modifier: the visit takes 25. Empty when 57 fits
     * or when no procedure with a global period is on the claim (the surgery may be billed on another claim).
     *
     * @param procedures the fee schedule rows of the other codes on the claim (global row first)
     */
    public Optional<Misuse> decisionForSurgery(List<String> modifiers, List<List<RvuEntry>> procedures) {
        if (!modifiers.contains("57") || applies.stream().noneMatch(u -> u.modifier().equals("57"))) {
            return Optional.empty();
        }
        List<String> globals = procedures.stream().filter(rows -> !rows.isEmpty())
                .map(rows -> globalRow(rows).globalDays()).filter(g -> List.of("000", "010", "090").contains(g))
                .toList();
        if (globals.isEmpty() || globals.contains("090")) {
            return Optional.empty();
        }
        String read = "global days " + String.join("/", new java.util.TreeSet<>(globals)) + " on the claim's procedures";
        return Optional.of(new Misuse("57", "modifier-scope", false, read, "Modifier 57 marks the visit at which a "
                + "major surgery (090-day global) was decided, but the procedures on this claim are minor (" + read
                + "): the visit is not separately paid with 57.", "Use 25 on the visit when it was distinct work "
                + "beyond the usual care before and after the minor procedure."));
    }

    private static RvuEntry globalRow(List<RvuEntry> rows) {
        return rows.stream().filter(r -> r.modifier() == null || r.modifier().isBlank()).findFirst().orElse(rows.get(0));
    }

    /** Reads the rules off the code's fee schedule rows (global row first, then one per modifier). */
    public static ModifierRules of(String code, List<RvuEntry> rows) {
        Map<String, Use> applies = new LinkedHashMap<>();
        Map<String, Use> notPaid = new LinkedHashMap<>();
        Map<String, Use> notFor = new LinkedHashMap<>();
        RvuEntry global = globalRow(rows);
        String glob = global.globalDays();
        boolean em = evaluationAndManagement(code);
        boolean surgical = List.of("000", "010", "090", "YYY", "ZZZ").contains(glob);
        String service = em ? "evaluation and management visit (CPT 99202-99499)"
                : switch (glob) {
                    case "090" -> "major procedure (090-day global period)";
                    case "010", "000" -> "minor procedure or endoscopy (" + glob + "-day global period)";
                    case "ZZZ" -> "add-on service within the global period of its primary procedure";
                    case "YYY" -> "procedure whose global period the contractor sets";
                    case "MMM" -> "maternity service";
                    default -> "service without a global surgery period (XXX)";
                };

        if (em) {
            applies.put("25", use("25", "Add to this visit when the same clinician also performs a procedure or another "
                    + "service the same day and the visit is a distinct piece of work beyond the usual care before "
                    + "and after that procedure; the record must show it.", "E/M service (CPT 99202-99499)"));
            applies.put("24", use("24", "Add when the visit, by the surgeon, is unrelated to a surgery whose "
                    + "postoperative (global) period is still running; without it the visit is bundled into the "
                    + "surgery.", "E/M service (CPT 99202-99499)"));
            applies.put("57", use("57", "Add when the visit led to the decision to perform a major surgery (090-day "
                    + "global) that day or the next; without it the visit is bundled into the surgery.",
                    "E/M service (CPT 99202-99499)"));
            for (String m : List.of("59", "XE", "XS", "XP", "XU")) {
                notFor.put(m, use(m, "Not used on an E/M visit: a separate visit on the day of a procedure takes 25.",
                        "E/M service (CPT 99202-99499)"));
            }
            for (String m : List.of("RT", "LT")) {
                notFor.put(m, use(m, "Not used on an E/M visit: a visit has no body side; side modifiers belong on "
                        + "the procedure lines.", "E/M service (CPT 99202-99499)"));
            }
        } else {
            notFor.put("25", use("25", "Only for E/M visits: it goes on the visit billed with this service, not on "
                    + "this code.", "not an E/M service"));
            notFor.put("24", use("24", "Only for E/M visits in a postoperative period: it goes on the visit, not on "
                    + "this code.", "not an E/M service"));
            notFor.put("57", use("57", "Only for the E/M visit at which a major surgery was decided: it goes on the "
                    + "visit, not on this code.", "not an E/M service"));
        }
        if (!List.of("000", "010", "090").contains(glob)) {
            for (String m : List.of("58", "78", "79")) {
                notFor.putIfAbsent(m, use(m, "Only for procedures with a global surgery period (000, 010 or 090 days) "
                        + "done within the global period of an earlier one; this code has none (global days " + glob
                        + ").", "global days " + glob));
            }
        }

        for (RvuEntry row : rows) {
            String mod = row.modifier() == null ? "" : row.modifier().strip();
            if (!mod.isEmpty()) {
                applies.put(mod, use(mod, "Has its own fee schedule row (" + Explanations.status(row.status())
                        + "): the payment section shows its RVUs and fees.", "RVU row with modifier " + mod));
            }
        }
        components(global.pctc(), applies, notPaid, notFor);
        bilateral(global.bilateral(), em, applies, notPaid, notFor);
        switch (global.multipleProcedure()) {
            case "2", "3" -> applies.put("51", use("51", Explanations.multipleProcedure(global.multipleProcedure())
                    + " Mark the additional procedures of the session with 51 where the payer asks for it.",
                    "multiple procedure indicator " + global.multipleProcedure()));
            case "0" -> {
                if (!em) {
                    notPaid.put("51", use("51", Explanations.multipleProcedure("0"),
                            "multiple procedure indicator 0"));
                }
            }
            case "4", "5", "6", "7" -> notPaid.put("51", use("51", Explanations.multipleProcedure(
                    global.multipleProcedure()) + " The contractor applies it without a modifier.",
                    "multiple procedure indicator " + global.multipleProcedure()));
            default -> { }
        }
        if (List.of("000", "010", "090").contains(glob)) {
            String period = "global days " + glob;
            applies.put("58", use("58", "Add when this procedure is a planned (staged) or more extensive follow-up of an "
                    + "earlier procedure and is done in that procedure's global period; a new global period starts.",
                    period));
            applies.put("78", use("78", "Add when this procedure is an unplanned return to the operating room for a "
                    + "problem related to an earlier procedure, within its global period; no new global period "
                    + "starts.", period));
            applies.put("79", use("79", "Add when this procedure is unrelated to an earlier procedure whose global "
                    + "period is still running; a new global period starts.", period));
        }
        if (List.of("010", "090").contains(glob)) {
            splitCare(global, applies);
        }
        if (!em) {
            for (String m : List.of("59", "XE", "XS", "XP", "XU")) {
                applies.put(m, use(m, "When an NCCI PTP edit with modifier indicator 1 pairs this code with another "
                        + "billed the same day, " + (m.equals("59") ? "59 shows that the two were distinct services"
                        : m + " shows which way they were distinct (CMS prefers XE/XS/XP/XU to 59)")
                        + "; the record must support it. With indicator 0 no modifier helps.", "NCCI PTP policy"));
            }
        }
        if (surgical && !em) {
            for (String mod : List.of("80", "81", "82", "AS")) {
                switch (global.assistant()) {
                    case "2" -> applies.put(mod, use(mod, Explanations.assistant("2"),
                            "assistant at surgery indicator 2"));
                    case "0" -> notPaid.put(mod, use(mod, Explanations.assistant("0"),
                            "assistant at surgery indicator 0"));
                    case "1" -> notPaid.put(mod, use(mod, Explanations.assistant("1"),
                            "assistant at surgery indicator 1"));
                    default -> { }
                }
            }
            surgeons(applies, notPaid, "62", global.coSurgeon(), Explanations.coSurgeon(global.coSurgeon()),
                    "co-surgeon indicator ");
            surgeons(applies, notPaid, "66", global.team(), Explanations.team(global.team()),
                    "team surgery indicator ");
        } else {
            for (String mod : List.of("62", "66", "80", "81", "82", "AS")) {
                notFor.put(mod, use(mod, em ? "Surgical team modifiers do not apply to an E/M visit."
                        : "Surgical team modifiers only concern procedures with a global surgery period; this code "
                        + "has none (global days " + glob + ").", "global days " + glob));
            }
        }
        applies.keySet().forEach(notFor::remove);
        notPaid.keySet().forEach(notFor::remove);
        return new ModifierRules(service, new ArrayList<>(applies.values()), new ArrayList<>(notPaid.values()),
                new ArrayList<>(notFor.values()), global.release());
    }

    /** Professional and technical components by the PC/TC indicator. */
    private static void components(String pctc, Map<String, Use> applies, Map<String, Use> notPaid,
                                   Map<String, Use> notFor) {
        String source = "PC/TC indicator " + pctc;
        switch (pctc) {
            case "1" -> {
                applies.putIfAbsent("26", use("26", "Bill the interpretation and report alone with 26 (the "
                        + "payment section shows its fee).", source));
                applies.putIfAbsent("TC", use("TC", "Bill the equipment and technician's part alone with TC (the "
                        + "payment section shows its fee).", source));
            }
            case "2" -> notFor.put("26", use("26", Explanations.pctc("2") + " Do not add 26: the code already is the "
                    + "professional component.", source));
            case "3" -> notFor.put("TC", use("TC", Explanations.pctc("3") + " Do not add TC: the code already is the "
                    + "technical component.", source));
            case "4" -> {
                notPaid.put("26", use("26", Explanations.pctc("4") + " 26 cannot be used: bill the separate code for "
                        + "the interpretation and report.", source));
                notPaid.put("TC", use("TC", Explanations.pctc("4") + " TC cannot be used: bill the separate code for "
                        + "the technical part.", source));
            }
            case "6", "8" -> {
                applies.putIfAbsent("26", use("26", Explanations.pctc(pctc) + " Bill the physician's part with 26.",
                        source));
                notPaid.put("TC", use("TC", Explanations.pctc(pctc) + " TC cannot be used.", source));
            }
            case "5", "7" -> {
                notPaid.put("26", use("26", Explanations.pctc(pctc) + " 26 and TC cannot be used.", source));
                notPaid.put("TC", use("TC", Explanations.pctc(pctc) + " 26 and TC cannot be used.", source));
            }
            default -> {
                notFor.put("26", use("26", Explanations.pctc(pctc), source));
                notFor.put("TC", use("TC", Explanations.pctc(pctc), source));
            }
        }
    }

    private static void bilateral(String value, boolean em, Map<String, Use> applies, Map<String, Use> notPaid,
                                  Map<String, Use> notFor) {
        String source = "bilateral indicator " + value;
        switch (value) {
            case "1", "3" -> {
                for (String mod : List.of("50", "RT", "LT")) {
                    applies.put(mod, use(mod, Explanations.bilateral(value), source));
                }
            }
            case "0", "2" -> {
                if (em) {
                    notFor.put("50", use("50", "Not used on an E/M visit.", source));
                } else {
                    notPaid.put("50", use("50", Explanations.bilateral(value), source));
                }
            }
            default -> notFor.put("50", use("50", Explanations.bilateral(value), source));
        }
    }

    /** 54, 55, 56: who did which part of a surgery, paid by the RVU file's pre-, intra- and postoperative shares. */
    private static void splitCare(RvuEntry g, Map<String, Use> applies) {
        if (g.preOp().signum() == 0 && g.intraOp().signum() == 0 && g.postOp().signum() == 0) {
            return;
        }
        applies.put("54", use("54", "Add when this clinician did the surgery only and another does the care after "
                + "it: pays " + percent(g.intraOp()) + " of the fee (intraoperative share).", "INTRA OP " + g.intraOp()));
        applies.put("55", use("55", "Add when this clinician gives only the care after the surgery: pays "
                + percent(g.postOp()) + " of the fee (postoperative share).", "POST OP " + g.postOp()));
        applies.put("56", use("56", "Add when this clinician gives only the care before the surgery: pays "
                + percent(g.preOp()) + " of the fee (preoperative share).", "PRE OP " + g.preOp()));
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Co-surgeon and team indicators share their values: 1 and 2 paid (1 with documentation), 0 not paid. */
    private static void surgeons(Map<String, Use> applies, Map<String, Use> notPaid, String mod, String value,
                                 String explained, String source) {
        switch (value) {
            case "1", "2" -> applies.put(mod, use(mod, explained, source + value));
            case "0" -> notPaid.put(mod, use(mod, explained, source + value));
            default -> { }
        }
    }

    private static Use use(String mod, String rule, String source) {
        boolean cpt = CodeKinds.isCptModifier(mod);
        return new Use(mod, cpt ? "CPT" : "HCPCS Level II", cpt ? null : LEVEL_TWO_MEANINGS.get(mod), rule, source,
                "/api/codes/modifier/" + mod);
    }
}
