package com.casecoding.codes.assistant.understand;

import java.util.Locale;
import java.util.regex.Pattern;

/** The part of a "code for ..." question that names the condition or service. */
public final class SearchWords {

    private static final Pattern FRAME = Pattern.compile(
            "(?i)\\b(what|which|is|are|the|an?|there|do|does|i|we|should|to|use|for|code|codes|coding|icd[- ]?10[- ]?(cm|pcs)?|icd[- ]?9(-cm)?"
                    + "|cpt|hcpcs|level ii|diagnosis|diagnoses|procedure code|me|find|give|please|correct|right|best|how|can|"
                    + "billing|bill|report|look ?up|search|tell|about)\\b");

    private SearchWords() {
    }

    public static String of(String question) {
        String words = FRAME.matcher(question.replaceAll("'s\\b", "").replaceAll("[?!.,;:\"']", " ")).replaceAll(" ");
        return words.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }
}
