package com.casecoding.codes.assistant.understand;

import java.util.Locale;
import java.util.regex.Pattern;

/** The part of a "code for ..." question that names the condition or service. */
public final class SearchWords {

    private static final Pattern FRAME = Pattern.compile(
            "(?i)\\b(what|which|is|are|the|an?|there|do|does|i|we|should|to|use|for|code|codes|coding|icd[- ]?10[- ]?(cm|pcs)?|icd[- ]?9(-cm)?"
                    + "|cpt|hcpcs|level ii|diagnosis|diagnoses|procedure code|me|find|give|please|how|can|"
                    + "billing|bill|report|look ?up|search|tell|about)\\b");

    private static final Pattern RIGHT_CODE = Pattern.compile("(?i)\\b(right|correct|best|proper)\\s+(?=(icd[- ]?10\\s+|cpt\\s+|hcpcs\\s+|diagnosis\\s+)?codes?\\b)");

    private SearchWords() {
    }

    public static String of(String question) {
        // "the right code" is a frame, "the right knee" a laterality
        String text = RIGHT_CODE.matcher(question).replaceAll(" ");
        String words = FRAME.matcher(text.replaceAll("'s\\b", "").replaceAll("[?!.,;:\"']", " ")).replaceAll(" ");
        return words.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }
}
