package com.casecoding.codes.assistant.compose;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A diagnosis code asked for a service names the reason for the encounter (ICD-10-CM chapter 21, "Encounter for
 * ..."), not the words of the service: "flu shot" is an encounter for immunization, "annual physical" an encounter
 * for a general adult medical examination. Used for a first search in ICD-10-CM only; the plain words are searched
 * when it finds nothing.
 */
final class EncounterWords {

    private static final Map<Pattern, String> REASONS = Map.of(
            Pattern.compile("\\b(flu|influenza|covid|tetanus|pneumonia|hepatitis|shingles)? ?(shot|vaccine|vaccination|immunization|booster)s?\\b"),
            "encounter for immunization",
            Pattern.compile("\\b(annual|yearly|routine)? ?(physical|check ?up|wellness (exam|visit))\\b"),
            "encounter for general adult medical examination",
            Pattern.compile("\\bscreening colonoscopy\\b|\\bcolon cancer screening\\b"),
            "encounter for screening for malignant neoplasm of colon");

    private EncounterWords() {
    }

    static String of(String words) {
        String w = words.toLowerCase(Locale.ROOT);
        for (Map.Entry<Pattern, String> e : REASONS.entrySet()) {
            if (e.getKey().matcher(w).find()) {
                return e.getValue();
            }
        }
        return words;
    }
}
