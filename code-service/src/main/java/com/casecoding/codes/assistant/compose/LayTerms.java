package com.casecoding.codes.assistant.compose;

import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.common.codes.CodeSystem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our own plain-language reading of an official ICD-10-CM title: clinical words replaced by everyday ones from a
 * fixed glossary (no digits in it, so the rewrite can never produce a code), plus what an injury's 7th character
 * means. Used only when no CaseCoding common-language text exists for the code.
 */
final class LayTerms {

    static final Map<String, String> GLOSSARY = new LinkedHashMap<>();

    static {
        String[] pairs = {
                "essential (primary) hypertension", "high blood pressure with no other disease causing it",
                "hypertension", "high blood pressure",
                "diabetes mellitus", "diabetes",
                "without complications", "with no complications recorded",
                "myocardial infarction", "heart attack",
                "cerebral infarction", "stroke",
                "gastro-esophageal reflux disease", "acid reflux (GERD)",
                "esophagitis", "inflammation of the food pipe",
                "malignant neoplasm", "cancer",
                "benign neoplasm", "non-cancerous growth",
                "neoplasm", "growth (tumor)",
                "hyperlipidemia", "high blood fats (cholesterol or triglycerides)",
                "dyspnea", "shortness of breath",
                "pyrexia", "fever",
                "syncope", "fainting",
                "nephrolithiasis", "kidney stones",
                "calculus of kidney", "kidney stone",
                "cholelithiasis", "gallstones",
                "pneumonia", "lung infection (pneumonia)",
                "urinary tract infection", "bladder or urinary infection",
                "otitis media", "middle ear infection",
                "pharyngitis", "sore throat",
                "rhinitis", "runny or stuffy nose",
                "dermatitis", "skin inflammation",
                "cellulitis", "skin and tissue infection",
                "arthralgia", "joint pain",
                "osteoarthritis", "wear-and-tear arthritis",
                "fracture", "broken bone",
                "contusion", "bruise",
                "laceration", "cut",
                "sprain", "stretched or torn ligament",
                "neuropathy", "nerve damage",
                "polyneuropathy", "nerve damage in many nerves",
                "nephropathy", "kidney damage",
                "retinopathy", "damage to the retina (back of the eye)",
                "anemia", "low red blood cells",
                "hypothyroidism", "underactive thyroid",
                "hyperthyroidism", "overactive thyroid",
                "obesity", "obesity (excess body fat)",
                "major depressive disorder", "major depression",
                "generalized anxiety disorder", "ongoing anxiety",
                "asthma", "asthma (airway narrowing)",
                "chronic obstructive pulmonary disease", "COPD (long-term lung disease)",
                "acute", "sudden or recent",
                "chronic", "long-lasting",
                "unspecified", "not further specified in the record",
                "bilateral", "on both sides",
                "encounter", "visit"};
        for (int i = 0; i < pairs.length; i += 2) {
            GLOSSARY.put(pairs[i], pairs[i + 1]);
        }
    }

    private LayTerms() {
    }

    /** The plain reading, or null when the glossary changes nothing. */
    static String plain(CodeRecord r) {
        if (r.system() != CodeSystem.ICD10CM || r.title() == null) {
            return null;
        }
        String text = r.title();
        String lower = text.toLowerCase(Locale.ROOT);
        boolean changed = false;
        for (Map.Entry<String, String> e : GLOSSARY.entrySet()) {
            Matcher m = Pattern.compile("(?<![a-z])" + Pattern.quote(e.getKey()) + "(?![a-z])").matcher(lower);
            if (m.find()) {
                text = text.substring(0, m.start()) + e.getValue() + text.substring(m.end());
                lower = text.toLowerCase(Locale.ROOT);
                changed = true;
            }
        }
        String seventh = seventhCharacter(r);
        if (!changed && seventh == null) {
            return null;
        }
        String out = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return seventh == null ? out + "." : out + ". " + seventh;
    }

    private static String seventhCharacter(CodeRecord r) {
        String c = r.code();
        if (c.length() != 7 || !(c.startsWith("S") || c.startsWith("T"))) {
            return null;
        }
        return switch (c.charAt(6)) {
            case 'A' -> "The last character A means the initial encounter: the patient is in active treatment.";
            case 'D' -> "The last character D means a subsequent encounter: routine healing or recovery.";
            case 'S' -> "The last character S means sequela: a late effect of the injury.";
            default -> null;
        };
    }
}
