package com.casecoding.codes.plain.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ICD-10-CM texts from the title (in lay words), the chapter and the conventions a code's title and characters
 * carry: the 7th character of injuries (A, D, S and the fracture healing letters), laterality, unspecified and other
 * specified, with and without, remission, trimesters and the X placeholder.
 */
public final class CmTexts {

    private CmTexts() {
    }

    /** The 22 chapters by number, in lay words. */
    static final Map<String, String> CHAPTERS = Map.ofEntries(
            Map.entry("1", "infections and diseases caused by germs or parasites"),
            Map.entry("2", "growths and tumors, including cancer"),
            Map.entry("3", "diseases of the blood and the immune system"),
            Map.entry("4", "gland, nutrition and metabolism problems, such as diabetes"),
            Map.entry("5", "mental health, behavior and development"),
            Map.entry("6", "the nervous system: brain, spinal cord and nerves"),
            Map.entry("7", "the eye"),
            Map.entry("8", "the ear"),
            Map.entry("9", "the heart and blood vessels"),
            Map.entry("10", "breathing and the lungs"),
            Map.entry("11", "the digestive system"),
            Map.entry("12", "the skin"),
            Map.entry("13", "the bones, joints and muscles"),
            Map.entry("14", "the kidneys, bladder and sex organs"),
            Map.entry("15", "pregnancy, birth and the weeks after birth"),
            Map.entry("16", "problems of a newborn baby around the time of birth"),
            Map.entry("17", "problems present from birth (birth defects)"),
            Map.entry("18", "symptoms, signs and abnormal test results with no diagnosis yet"),
            Map.entry("19", "injuries, poisoning and other harm from outside causes"),
            Map.entry("20", "how an injury happened (outside causes)"),
            Map.entry("21", "reasons for a visit other than a disease, such as checkups and history"),
            Map.entry("22", "codes for special purposes, such as new diseases"));

    /**
     * @param code        stored form (no dot)
     * @param title       long title
     * @param header      a category or subcategory that is not billable
     * @param chapter     the chapter number (1..22), or null
     */
    public static String text(String code, String title, boolean header, String chapter) {
        if (code == null || title == null || title.isBlank()) {
            return null;
        }
        String lower = title.toLowerCase(Locale.ROOT);
        List<String> s = new ArrayList<>();
        s.add("In plain words: " + LayWords.lowerFirst(LayWords.DIAGNOSES.lay(title)) + ".");
        String chapterWords = chapter == null ? null : CHAPTERS.get(chapter);
        if (chapterWords != null) {
            s.add("It is in the chapter on " + chapterWords + ".");
        }
        if (header) {
            s.add("This is a heading that groups the codes under it. It is not used on a claim: pick the code below it that fits best.");
        }
        encounter(code, lower, s);
        if (lower.contains("bilateral")) {
            s.add("It is on both sides of the body.");
        } else if (lower.matches(".*\\bright\\b.*")) {
            s.add("It is on the right side of the body.");
        } else if (lower.matches(".*\\bleft\\b.*")) {
            s.add("It is on the left side of the body.");
        }
        if (lower.contains("unspecified")) {
            s.add("Unspecified means the record does not give more detail. Use a more exact code when the chart has it.");
        }
        if (lower.matches("(^|.*\\W)other( specified)?\\b.*")) {
            s.add("Other means a kind that the record names, but that has no code of its own.");
        }
        String linked = lower.replaceAll("with (routine|delayed) healing|with (nonunion|malunion)", "");
        if (linked.contains("without")) {
            s.add("Without means the named problem is not present.");
        } else if (linked.contains(" with ")) {
            s.add("With means both problems are present and linked.");
        }
        if (lower.contains("in remission")) {
            s.add("In remission means the signs of the disease have gone away for now.");
        }
        if (lower.contains("first trimester")) {
            s.add("The first trimester is the first part of pregnancy, up to 14 weeks.");
        } else if (lower.contains("second trimester")) {
            s.add("The second trimester is from 14 weeks to 28 weeks of pregnancy.");
        } else if (lower.contains("third trimester")) {
            s.add("The third trimester is from 28 weeks of pregnancy until birth.");
        } else if (lower.contains("unspecified trimester")) {
            s.add("The record does not say how far along the pregnancy is.");
        }
        if (hasPlaceholder(code)) {
            s.add("The X in the code is a placeholder. It holds a place so the last character sits in the 7th spot.");
        }
        return String.join(" ", s);
    }

    private static void encounter(String code, String lower, List<String> s) {
        String seventh = code.length() == 7 ? "The 7th character " + code.charAt(6) : "The 7th character";
        if (lower.contains("sequela")) {
            s.add(seventh + " means a late effect (sequela): a problem left after the injury itself has healed.");
            return;
        }
        if (lower.contains("initial encounter")) {
            s.add(seventh + " means the patient is still getting active treatment for it.");
        } else if (lower.contains("subsequent encounter")) {
            s.add(seventh + " means a later visit, after active treatment, while the patient heals or recovers.");
        }
        if (lower.contains("delayed healing")) {
            s.add("Delayed healing means the bone is healing slower than expected.");
        } else if (lower.contains("nonunion")) {
            s.add("Nonunion means the broken ends have not grown back together.");
        } else if (lower.contains("malunion")) {
            s.add("Malunion means the bone healed in the wrong position.");
        } else if (lower.contains("routine healing")) {
            s.add("Routine healing means the bone is healing as expected.");
        }
        if (lower.contains("open fracture")) {
            s.add("An open fracture means the broken bone broke through the skin.");
        }
    }

    /** ICD-10-CM uses X in the 5th or 6th place to push the 7th character into its place (T36.0X1A). */
    static boolean hasPlaceholder(String code) {
        return code.length() == 7 && (code.charAt(4) == 'X' || code.charAt(5) == 'X');
    }
}
