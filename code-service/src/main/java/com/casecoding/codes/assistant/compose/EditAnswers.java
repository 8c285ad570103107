package com.casecoding.codes.assistant.compose;

import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.codes.assistant.data.EditFacts;
import com.casecoding.codes.assistant.data.ReleaseRef;
import com.casecoding.codes.assistant.guideline.GuidelineLibrary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.casecoding.codes.assistant.compose.CodeAnswers.tick;

/** Answers from the NCCI edits and the physician fee schedule: PTP pairs, MUEs, add-on edits, global days, fees. */
final class EditAnswers {

    private static final int PRIMARIES_SHOWN = 12;

    private final EditFacts edits;
    private final GuidelineLibrary guidelines;
    private final Clock clock;

    EditAnswers(EditFacts edits, GuidelineLibrary guidelines, Clock clock) {
        this.edits = edits;
        this.guidelines = guidelines;
        this.clock = clock;
    }

    private void guideline(Draft d, String id) {
        guidelines.byId(id).ifPresent(d::citeGuideline);
    }

    void ptp(Draft d, List<CodeRecord> codes) {
        if (codes.size() < 2) {
            d.para("To check whether two codes can be billed together I need both codes, for example "
                   + "\"Can I bill 11042 with 97597?\".");
            codes.forEach(d::citeCode);
            return;
        }
        CodeRecord a = codes.get(0);
        CodeRecord b = codes.get(1);
        LocalDate today = LocalDate.now(clock);
        Optional<ReleaseRef> ptpRelease = edits.ptpRelease();
        if (ptpRelease.isEmpty()) {
            d.para("**The NCCI PTP (procedure-to-procedure) table is not loaded**, so I cannot tell whether "
                   + tick(a.display()) + " and " + tick(b.display()) + " are bundled, or which modifier indicator "
                   + "applies. Check the CMS NCCI PTP edit files for the quarter of the date of service (practitioner "
                   + "or outpatient hospital table).");
        } else {
            List<EditFacts.Ptp> found = edits.ptp(a.code(), b.code(), today);
            if (found.isEmpty()) {
                d.para("**No NCCI PTP edit** pairs " + tick(a.display()) + " and " + tick(b.display()) + " in "
                       + CodeAnswers.releaseText(ptpRelease.get()) + " (checked for " + today + "). NCCI does not "
                       + "stop them being billed together, so no modifier 59 or X{EPSU} is needed for NCCI; other "
                       + "rules (add-on, MUE, payer policy) still apply.");
                d.cite(Draft.release("ptp", "NCCI PTP table (no edit for this pair)", null, null, ptpRelease.get(), null));
            }
            for (EditFacts.Ptp p : found) {
                d.para("**NCCI PTP edit** (" + p.setting() + "): column 1 " + tick(p.column1()) + ", column 2 "
                       + tick(p.column2()) + ", effective " + p.effective()
                       + (p.deleted() == null ? "" : ", deleted " + p.deleted()) + ".");
                d.bullet("**Modifier indicator " + p.modifierIndicator() + ":** " + p.modifierMeaning());
                d.bullet(switch (p.modifierIndicator()) {
                    case 0 -> "So: **no**, the column 2 code " + tick(p.column2()) + " is not paid with "
                              + tick(p.column1()) + " on the same day, and no modifier changes that.";
                    case 1 -> "So: only with a modifier (59 or the more specific XE/XS/XP/XU, or an anatomic modifier) "
                              + "on the column 2 code " + tick(p.column2()) + ", and only when the record shows a "
                              + "distinct service (different session, site, lesion or injury).";
                    default -> "So: the edit does not apply; the pair is not restricted by this edit.";
                });
                if (p.rationale() != null && !p.rationale().isBlank()) {
                    d.bullet("**Rationale:** " + p.rationale());
                }
                d.blank();
                d.cite(Draft.release("ptp", "NCCI PTP edit " + p.column1() + " / " + p.column2(), null, null,
                        p.release(), p.column1() + "/" + p.column2()));
            }
        }
        addOnRelation(d, a, b);
        addOnRelation(d, b, a);
        for (CodeRecord r : List.of(a, b)) {
            List<EditFacts.Mue> mues = edits.mue(r.code());
            mues.stream().filter(m -> m.setting().toLowerCase(Locale.ROOT).startsWith("practitioner")).findFirst()
                    .ifPresent(m -> {
                        d.bullet("MUE of " + tick(r.display()) + " (practitioner): " + m.units() + " per "
                                 + (m.adjudicationIndicator() == 1 ? "claim line" : "day") + ".");
                        d.cite(Draft.release("mue", "MUE " + r.display() + " (" + m.setting() + ")", r.system().id(),
                                r.code(), m.release(), null));
                    });
        }
        d.blank();
        guideline(d, "ncci-ptp");
        guideline(d, "modifier-59");
        codes.forEach(d::citeCode);
        d.followUp("Explain modifier 25 vs 59");
        d.followUp("How many units of " + a.display() + " can I bill?");
    }

    private void addOnRelation(Draft d, CodeRecord addOn, CodeRecord primary) {
        List<EditFacts.AddOn> rows = edits.addOnPrimaries(addOn.code());
        rows.stream().filter(r -> r.primaryCode().equals(primary.code())).findFirst().ifPresent(r -> {
            d.bullet(tick(addOn.display()) + " is an **add-on code** and " + tick(primary.display())
                     + " is one of its eligible primaries (add-on edit type " + r.type() + "): report them together.");
            d.cite(Draft.release("add-on", "Add-on edit " + addOn.display() + " with " + primary.display(),
                    addOn.system().id(), addOn.code(), r.release(), null));
        });
    }

    void mue(Draft d, CodeRecord r) {
        List<EditFacts.Mue> mues = edits.mue(r.code());
        if (mues.isEmpty()) {
            d.para("**No MUE** is published for " + tick(r.display()) + " in the loaded tables"
                   + edits.mueRelease().map(x -> " (" + CodeAnswers.releaseText(x) + ")").orElse(" (no MUE table is loaded)")
                   + ". That does not mean unlimited units: payer policy and medical necessity still limit them.");
        } else {
            d.para("**Units of " + tick(r.display()) + " per the NCCI MUEs** (" + CodeAnswers.releaseText(mues.get(0).release()) + "):");
            for (EditFacts.Mue m : mues) {
                d.bullet("**" + m.setting() + ": " + m.units() + " unit" + (m.units() == 1 ? "" : "s") + "**, MAI "
                         + m.adjudicationIndicator() + ": " + m.adjudicationMeaning()
                         + (m.rationale() == null ? "" : " Rationale: " + m.rationale() + "."));
                d.cite(Draft.release("mue", "MUE " + r.display() + " (" + m.setting() + ")", r.system().id(), r.code(),
                        m.release(), null));
            }
            d.blank();
            if (mues.stream().anyMatch(m -> m.units() == 0)) {
                d.para("A value of 0 means no units are payable in that setting.");
            }
        }
        guideline(d, "mue");
        d.citeCode(r);
        d.followUp("Is " + r.display() + " an add-on code?");
        d.followUp("Medicare fee for " + r.display());
    }

    /** Units for a dose from the billing unit in the HCPCS long description, checked against the code's MUE. */
    void units(Draft d, CodeRecord r, com.casecoding.codes.assistant.understand.Question.Dose dose) {
        String asked = dose.amount().stripTrailingZeros().toPlainString() + " " + dose.unit();
        Optional<BillingUnit> unit = r.system() == com.casecoding.common.codes.CodeSystem.HCPCS
                ? BillingUnit.of(r.title()) : Optional.empty();
        if (unit.isEmpty()) {
            d.para("The description of " + tick(r.display()) + " states no dose per unit, so the units for " + asked
                   + " cannot be worked out from the loaded data: one unit is usually one service. Check the code's "
                   + "description and payer policy.");
            d.citeCode(r);
            mue(d, r);
            return;
        }
        BillingUnit u = unit.get();
        String per = u.amount().stripTrailingZeros().toPlainString() + " " + u.unit();
        Optional<Long> units = u.unitsFor(dose);
        if (units.isEmpty()) {
            d.para(tick(r.display()) + " is billed per **" + per + "** (\"" + d.data(u.phrase()) + "\" in its HCPCS "
                   + "description), which does not measure the same thing as " + asked + ". Convert the dose to "
                   + u.unit() + " first (for example from the drug's concentration).");
        } else {
            d.para("**" + units.get() + " unit" + (units.get() == 1 ? "" : "s") + "** of " + CodeAnswers.named(d, r)
                   + " for " + asked + ": the code is billed per **" + per + "** (its HCPCS description), and "
                   + (sameUnit(dose, u) ? asked + " / " + per + " = " + dose.amount().divide(u.amount(), 2,
                           RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                           : "the dose converted to " + u.unit() + " and divided by " + per)
                   + ", rounded **up** to whole units (a partial unit is billed as one).");
            List<EditFacts.Mue> mues = edits.mue(r.code());
            for (EditFacts.Mue m : mues) {
                if (units.get() > m.units()) {
                    d.para("**More than the MUE:** " + m.setting() + " allows " + m.units() + " unit"
                           + (m.units() == 1 ? "" : "s") + " per day (MAI " + m.adjudicationIndicator() + ").");
                }
            }
        }
        d.citeCode(r);
        mue(d, r);
    }

    private static boolean sameUnit(com.casecoding.codes.assistant.understand.Question.Dose dose, BillingUnit u) {
        return BillingUnit.canonical(dose.unit()).equals(u.unit());
    }

    void addOn(Draft d, CodeRecord r) {
        List<EditFacts.AddOn> rows = edits.addOnPrimaries(r.code());
        Optional<ReleaseRef> release = edits.addOnRelease();
        if (release.isEmpty()) {
            d.para("The CMS add-on code edit table is **not loaded**, so I cannot say whether " + tick(r.display())
                   + " is an add-on code.");
            d.citeCode(r);
            return;
        }
        if (rows.isEmpty()) {
            d.para("**No.** " + tick(r.display()) + " is **not an add-on code** in the CMS add-on code edits ("
                   + CodeAnswers.releaseText(release.get()) + ").");
            d.cite(Draft.release("add-on", "CMS add-on code edits (no row for " + r.display() + ")", r.system().id(),
                    null, release.get(), null));
        } else {
            EditFacts.AddOn first = rows.get(0);
            d.para("**Yes.** " + tick(r.display()) + " is an **add-on code** (CMS add-on edit type " + first.type()
                   + ": " + first.typeMeaning() + "), " + CodeAnswers.releaseText(first.release()) + ".");
            List<String> primaries = rows.stream().map(EditFacts.AddOn::primaryCode)
                    .filter(p -> !"CCCCC".equals(p)).distinct().sorted().toList();
            if (primaries.isEmpty()) {
                d.para("CMS lists no primary codes for it: each Medicare contractor decides which primary procedures "
                       + "it may be reported with.");
            } else {
                d.para("It is reported **with one of " + primaries.size() + " primary code"
                       + (primaries.size() == 1 ? "" : "s") + "**, on the same claim by the same practitioner on "
                       + "the same date:");
                d.line(String.join(", ", primaries.stream().limit(PRIMARIES_SHOWN).map(CodeAnswers::tick).toList())
                       + (primaries.size() > PRIMARIES_SHOWN ? ", and " + (primaries.size() - PRIMARIES_SHOWN) + " more." : "."));
                d.blank();
            }
            rows.stream().map(EditFacts.AddOn::notes).filter(n -> n != null && !n.isBlank()).distinct().limit(2)
                    .forEach(n -> d.para("CMS note: " + n.replace("\"", "")));
            d.para("An add-on code is never reported alone, has no global period of its own (ZZZ) and is exempt "
                   + "from the multiple-procedure reduction.");
            d.cite(Draft.release("add-on", "CMS add-on code edits for " + r.display(), r.system().id(), r.code(),
                    first.release(), null));
        }
        List<String> addOns = edits.addOnsOf(r.code()).stream().sorted().toList();
        if (!addOns.isEmpty()) {
            d.para("Add-on codes that list " + tick(r.display()) + " as an eligible primary: "
                   + String.join(", ", addOns.stream().limit(PRIMARIES_SHOWN).map(CodeAnswers::tick).toList())
                   + (addOns.size() > PRIMARIES_SHOWN ? " and " + (addOns.size() - PRIMARIES_SHOWN) + " more" : "") + ".");
            d.followUp("Is " + addOns.get(0) + " an add-on code?");
        }
        guideline(d, "add-on-codes");
        d.citeCode(r);
        d.followUp("How many units of " + r.display() + " can I bill?");
    }

    void global(Draft d, CodeRecord r) {
        Optional<EditFacts.Payment> p = edits.payment(r.code(), Optional.empty());
        if (p.isEmpty()) {
            d.para("The Medicare fee schedule loaded here has **no row** for " + tick(r.display())
                   + ", so it gives no global period. Ask the payer, or check the code's CMS status.");
            d.citeCode(r);
            return;
        }
        EditFacts.Indicator g = p.get().globalDays();
        d.para("**Global period of " + tick(r.display()) + ": " + g.value() + "**, " + g.meaning());
        d.para("From the Medicare Physician Fee Schedule, " + CodeAnswers.releaseText(p.get().release()) + ".");
        d.cite(Draft.release("rvu", "MPFS RVU row of " + r.display(), r.system().id(), r.code(), p.get().release(), null));
        guideline(d, "global-surgery");
        d.citeCode(r);
        d.followUp("Medicare fee for " + r.display());
        d.followUp("How many units of " + r.display() + " can I bill?");
    }

    void fee(Draft d, CodeRecord r, String question) {
        Optional<EditFacts.Locality> locality = findLocality(question);
        Optional<EditFacts.Payment> found = edits.payment(r.code(), locality.map(EditFacts.Locality::id));
        if (found.isEmpty()) {
            d.para("The Medicare Physician Fee Schedule loaded here has **no RVU row** for " + tick(r.display())
                   + ". It may be paid under another fee schedule (for example a drug, lab or DME fee schedule) or "
                   + "be priced by the contractor.");
            d.citeCode(r);
            return;
        }
        EditFacts.Payment p = found.get();
        d.para("**Medicare Physician Fee Schedule for " + tick(r.display()) + "** ("
               + CodeAnswers.releaseText(p.release()) + "):");
        d.bullet("Status " + p.status().value() + ": " + p.status().meaning());
        d.bullet("Work RVU " + num(p.workRvu()) + ", practice expense RVU " + num(p.nonFacilityPeRvu())
                 + " non-facility / " + num(p.facilityPeRvu()) + " facility, malpractice RVU " + num(p.mpRvu()) + ".");
        d.bullet("Total RVUs: " + num(p.nonFacilityTotal()) + " non-facility, " + num(p.facilityTotal()) + " facility.");
        d.bullet("Global days: " + p.globalDays().value() + " (" + p.globalDays().meaning() + ")");
        d.bullet("Conversion factor: " + p.conversionFactor().stripTrailingZeros().toPlainString() + ".");
        if (p.nationalNonFacilityFee() != null || p.nationalFacilityFee() != null) {
            d.bullet("**National amount:** " + money(p.nationalNonFacilityFee()) + " non-facility, "
                     + money(p.nationalFacilityFee()) + " facility.");
        }
        if (p.locality() != null) {
            d.bullet("**" + localityName(p.locality()) + ":** " + money(p.localityNonFacilityFee()) + " non-facility, "
                     + money(p.localityFacilityFee()) + " facility.");
            d.cite(Draft.release("gpci", "GPCI " + localityName(p.locality()), null, null, p.gpciRelease(),
                    p.locality().id()));
        } else if (question.toLowerCase(Locale.ROOT).matches(".*\\bin\\b.*")) {
            d.bullet("I did not recognise a Medicare payment locality in your question; name a state or a locality "
                     + "(for example \"in Alabama\" or \"in Manhattan\").");
        }
        if (p.feeNote() != null) {
            d.bullet(p.feeNote());
        }
        d.blank();
        d.para("Amount = (work RVU x work GPCI + PE RVU x PE GPCI + MP RVU x MP GPCI) x conversion factor; "
               + "actual payment also depends on modifiers, multiple-procedure rules and coinsurance.");
        d.cite(Draft.release("rvu", "MPFS RVU row of " + r.display(), r.system().id(), r.code(), p.release(), null));
        guideline(d, "medicare-fee");
        d.citeCode(r);
        d.followUp("Global period of " + r.display() + "?");
        d.followUp("How many units of " + r.display() + " can I bill?");
    }

    private static String localityName(EditFacts.Locality l) {
        return titleCase(l.name().replace("*", "").trim()) + " (" + l.state() + ")";
    }

    /** The locality named in the question: the longest locality name found, or a state with a single locality. */
    Optional<EditFacts.Locality> findLocality(String question) {
        String q = " " + question.toUpperCase(Locale.ROOT).replaceAll("[^A-Z ]", " ").replaceAll("\\s+", " ") + " ";
        List<EditFacts.Locality> all = edits.localities();
        Optional<EditFacts.Locality> byName = all.stream()
                .filter(l -> {
                    String n = clean(l.name());
                    return n.length() >= 4 && q.contains(" " + n + " ");
                })
                .max(Comparator.comparingInt(l -> clean(l.name()).length()));
        if (byName.isPresent()) {
            return byName;
        }
        for (String state : States.NAMES.keySet()) {
            if (q.contains(" " + state + " ")) {
                String abbr = States.NAMES.get(state);
                List<EditFacts.Locality> in = all.stream().filter(l -> abbr.equals(l.state())).toList();
                if (in.size() == 1) {
                    return Optional.of(in.get(0));
                }
                return in.stream().filter(l -> clean(l.name()).startsWith("REST OF")).findFirst();
            }
        }
        return Optional.empty();
    }

    private static String clean(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z ]", " ").replaceAll("\\s+", " ").trim();
    }

    private static String titleCase(String s) {
        StringBuilder sb = new StringBuilder();
        for (String w : s.toLowerCase(Locale.ROOT).split(" ")) {
            if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)).append(' ');
            }
        }
        return sb.toString().trim();
    }

    static String num(BigDecimal v) {
        return v == null ? "n/a" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String money(BigDecimal v) {
        return v == null ? "not priced" : "$" + v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
