package com.casecoding.codes.plain.structure;

import java.util.Locale;

/** Flesch-Kincaid grade level: 0.39 words per sentence + 11.8 syllables per word - 15.59. */
public final class Readability {

    private Readability() {
    }

    public static double grade(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String[] sentences = text.split("[.!?:;]+(\\s+|$)");
        int sentenceCount = 0;
        for (String s : sentences) {
            if (!s.isBlank()) {
                sentenceCount++;
            }
        }
        int words = 0;
        int syllables = 0;
        for (String w : text.split("[^A-Za-z0-9']+")) {
            if (w.isEmpty()) {
                continue;
            }
            words++;
            syllables += syllables(w);
        }
        if (words == 0) {
            return 0;
        }
        return 0.39 * words / Math.max(1, sentenceCount) + 11.8 * syllables / words - 15.59;
    }

    /** Vowel groups, less a silent final e; at least one. Numbers and abbreviations count as one. */
    static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (!w.chars().allMatch(Character::isLetter) || word.equals(word.toUpperCase(Locale.ROOT))) {
            return 1;
        }
        int count = 0;
        boolean previousVowel = false;
        for (int i = 0; i < w.length(); i++) {
            boolean vowel = "aeiouy".indexOf(w.charAt(i)) >= 0;
            if (vowel && !previousVowel) {
                count++;
            }
            previousVowel = vowel;
        }
        if (w.endsWith("e") && !w.endsWith("le") && count > 1) {
            count--;
        }
        return Math.max(1, count);
    }
}
