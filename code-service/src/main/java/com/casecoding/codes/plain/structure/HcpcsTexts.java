package com.casecoding.codes.plain.structure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HCPCS Level II texts: the kind of item or service from the code's letter and number range, the title in lay words,
 * and for drugs the route and the billing unit ("billed per 15 mg, so 30 mg is 2 units").
 */
public final class HcpcsTexts {

    private HcpcsTexts() {
    }

    /** Number ranges of the Level II letters, first code of each range -> what it holds. */
    private record Range(String first, String last, String words) {
    }

    private static final List<Range> RANGES = List.of(
            new Range("A0000", "A0999", "an ambulance or other medical transport service"),
            new Range("A1000", "A3999", "a wound care product, such as a skin substitute or wound matrix"),
            new Range("A4000", "A8999", "a medical or surgical supply"),
            new Range("A9000", "A9999", "a supply, test agent or other item"),
            new Range("B4000", "B9999", "food or fluids given through a feeding tube or a vein (enteral and parenteral therapy)"),
            new Range("C1000", "C9999", "an item or service that hospitals bill for outpatient care"),
            new Range("E0100", "E8999", "medical equipment for use at home (durable medical equipment, DME)"),
            new Range("G0000", "G9999", "a service that Medicare pays under its own temporary code"),
            new Range("H0001", "H9999", "a mental health or substance use service, mostly for state Medicaid programs"),
            new Range("J0000", "J8999", "a drug given by a provider, billed by its dose"),
            new Range("J9000", "J9999", "a cancer drug (chemotherapy), billed by its dose"),
            new Range("K0000", "K9999", "medical equipment or a supply under a temporary code"),
            new Range("L0000", "L4999", "a brace or support (orthotic)"),
            new Range("L5000", "L9999", "an artificial body part (prosthetic)"),
            new Range("M0000", "M9999", "a medical service or quality measure"),
            new Range("P0000", "P9999", "a lab or blood bank service"),
            new Range("Q0000", "Q9999", "an item or service under a temporary code (Q code)"),
            new Range("R0000", "R9999", "transport of X-ray equipment to the patient"),
            new Range("S0000", "S9999", "a service that private insurers use (S code); Medicare does not pay it"),
            new Range("T1000", "T9999", "a service for state Medicaid programs"),
            new Range("U0000", "U9999", "a lab test for COVID-19"),
            new Range("V0000", "V2999", "a vision item, such as glasses or contact lenses"),
            new Range("V5000", "V5999", "a hearing or speech item, such as a hearing aid"));

    /** Drugs we explain, by a word of the title: what the drug is for. */
    private static final Map<String, String> DRUG_USES = Map.ofEntries(
            Map.entry("ondansetron", "It prevents nausea and throwing up, for example during cancer treatment."),
            Map.entry("ceftriaxone", "It is an antibiotic that treats infections caused by bacteria."),
            Map.entry("cefazolin", "It is an antibiotic that treats or prevents infections."),
            Map.entry("vancomycin", "It is an antibiotic for serious infections."),
            Map.entry("ketorolac", "It eases pain and swelling."),
            Map.entry("methylprednisolone", "It is a steroid that calms swelling and the immune system."),
            Map.entry("dexamethasone", "It is a steroid that calms swelling and the immune system."),
            Map.entry("triamcinolone", "It is a steroid that calms swelling, often put into a joint."),
            Map.entry("betamethasone", "It is a steroid that calms swelling."),
            Map.entry("insulin", "It lowers blood sugar in diabetes."),
            Map.entry("heparin", "It thins the blood to prevent clots."),
            Map.entry("enoxaparin", "It thins the blood to prevent clots."),
            Map.entry("epinephrine", "It treats severe allergic reactions and helps the heart."),
            Map.entry("adalimumab", "It calms the immune system in diseases such as arthritis."),
            Map.entry("infliximab", "It calms the immune system in diseases such as Crohn's disease."),
            Map.entry("rituximab", "It treats some blood cancers and immune diseases."),
            Map.entry("pembrolizumab", "It helps the immune system fight cancer."),
            Map.entry("nivolumab", "It helps the immune system fight cancer."),
            Map.entry("bevacizumab", "It stops the growth of blood vessels that feed cancer or harm the eye."),
            Map.entry("aflibercept", "It treats eye diseases that harm sight, such as macular degeneration."),
            Map.entry("ranibizumab", "It treats eye diseases that harm sight, such as macular degeneration."),
            Map.entry("denosumab", "It makes bones stronger or treats bone problems of cancer."),
            Map.entry("zoledronic", "It makes bones stronger."),
            Map.entry("epoetin", "It helps the body make red blood cells (treats anemia)."),
            Map.entry("darbepoetin", "It helps the body make red blood cells (treats anemia)."),
            Map.entry("pegfilgrastim", "It raises white blood cells after chemotherapy, to fight infection."),
            Map.entry("filgrastim", "It raises white blood cells after chemotherapy, to fight infection."),
            Map.entry("iron", "It adds iron to treat low red blood cells (anemia)."),
            Map.entry("cyanocobalamin", "It is vitamin B12, for people who lack it."),
            Map.entry("testosterone", "It replaces the male hormone testosterone."),
            Map.entry("medroxyprogesterone", "It is a hormone shot, used for birth control."),
            Map.entry("botulinum", "It relaxes muscles, for example for spasms or migraine."),
            Map.entry("hyaluronan", "It is a gel put into the knee to ease arthritis pain."),
            Map.entry("morphine", "It is a strong pain medicine."),
            Map.entry("hydromorphone", "It is a strong pain medicine."),
            Map.entry("fentanyl", "It is a strong pain medicine."),
            Map.entry("naloxone", "It reverses an opioid overdose."),
            Map.entry("lidocaine", "It numbs an area (local anesthetic)."),
            Map.entry("promethazine", "It treats nausea and allergies."),
            Map.entry("diphenhydramine", "It treats allergic reactions."),
            Map.entry("furosemide", "It removes extra fluid from the body (a water pill)."),
            Map.entry("albuterol", "It opens the airways in asthma, breathed in."),
            Map.entry("immune globulin", "It gives antibodies that help the immune system."),
            Map.entry("vaccine", "It protects against a disease."),
            Map.entry("semaglutide", "It lowers blood sugar and weight."),
            Map.entry("paclitaxel", "It is a chemotherapy drug that treats cancer."),
            Map.entry("carboplatin", "It is a chemotherapy drug that treats cancer."),
            Map.entry("cisplatin", "It is a chemotherapy drug that treats cancer."),
            Map.entry("trastuzumab", "It treats some breast and stomach cancers."),
            Map.entry("leuprolide", "It lowers sex hormones, for prostate cancer or other conditions."));

    /** "…, 15 mg", "… per 1 mg", "…, 100 units", "…, 0.1 mg": the dose one unit of the code stands for. */
    private static final Pattern DOSE = Pattern.compile(
            "(?:,|\\bper)\\s*(\\d+(?:\\.\\d+)?)\\s*(mg|mcg|micrograms?|milligrams?|grams?|gm|g|units?|iu|ml|cc|meq|million units)\\b",
            Pattern.CASE_INSENSITIVE);

    /** The text of one code; null when the code is not in a known range. */
    public static String text(String code, String title) {
        if (code == null || code.length() != 5 || title == null || title.isBlank()) {
            return null;
        }
        Range range = RANGES.stream().filter(r -> code.compareTo(r.first()) >= 0 && code.compareTo(r.last()) <= 0)
                .findFirst().orElse(null);
        if (range == null) {
            return null;
        }
        String lower = title.toLowerCase(Locale.ROOT);
        List<String> s = new ArrayList<>();
        s.add("This HCPCS code is for " + range.words() + ".");
        s.add("In plain words: " + LayWords.lowerFirst(LayWords.PROCEDURES.lay(LayWords.DIAGNOSES.lay(title))) + ".");
        boolean drug = code.startsWith("J") || lower.startsWith("injection") || lower.contains("inhalation solution");
        if (drug) {
            for (Map.Entry<String, String> use : DRUG_USES.entrySet()) {
                if (lower.contains(use.getKey())) {
                    s.add(use.getValue());
                    break;
                }
            }
            String route = route(lower);
            if (route != null) {
                s.add(route);
            }
        }
        Matcher dose = DOSE.matcher(title);
        String amount = null;
        String unit = null;
        while (dose.find()) {
            amount = dose.group(1);
            unit = dose.group(2);
        }
        if (amount != null && (drug || code.startsWith("Q") || code.startsWith("C") || code.startsWith("A9"))) {
            BigDecimal one = new BigDecimal(amount);
            String twice = one.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().toPlainString();
            String u = unit.toLowerCase(Locale.ROOT);
            s.add("It is billed per " + one.stripTrailingZeros().toPlainString() + " " + u + ", so " + twice + " " + u
                    + " is 2 units. Round up a part dose as the payer's rules say.");
        }
        if (lower.contains("per square centimeter")) {
            s.add("It is billed per square centimeter, so a piece of 4 by 5 cm is 20 units.");
        }
        if (code.startsWith("A0") && lower.contains("mileage")) {
            s.add("Mileage is billed per mile with the patient on board.");
        }
        if (lower.contains("rental")) {
            s.add("The item is rented, usually billed once a month.");
        }
        return String.join(" ", s);
    }

    private static String route(String lower) {
        if (lower.contains("inhalation")) {
            return "It is breathed in, often with a nebulizer.";
        }
        if (lower.contains("oral")) {
            return "It is taken by mouth.";
        }
        if (lower.contains("intravitreal")) {
            return "It is injected into the eye.";
        }
        if (lower.contains("intra-articular")) {
            return "It is injected into a joint.";
        }
        if (lower.contains("subcutaneous")) {
            return "It is given as a shot under the skin.";
        }
        if (lower.contains("intramuscular") || lower.contains(" im ") || lower.contains("im,")) {
            return "It is given as a shot into a muscle.";
        }
        if (lower.contains("intravenous") || lower.contains("infusion") || lower.contains(" iv ")) {
            return "It is given into a vein (IV).";
        }
        if (lower.startsWith("injection")) {
            return "It is given as an injection (a shot or an IV).";
        }
        return null;
    }

    /** A Level II modifier: two characters added to a code. */
    public static String modifier(String code, String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        return "This is a modifier: two characters added after a code to add a fact about the service. "
                + code + " means: " + LayWords.lowerFirst(LayWords.PROCEDURES.lay(LayWords.DIAGNOSES.lay(title))) + ".";
    }
}
