package com.casecoding.codes.assistant.understand;

import com.casecoding.common.codes.CodeSystem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds codes in a question however they were typed (E11.9, e119, 99213, J1885, 0dtj4zz, 250.00). Dates, money and
 * "modifier 59"-style numbers are masked first so that they are never taken for codes.
 */
public final class MentionExtractor {

    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9.])([A-Za-z0-9]{2,7}(?:\\.[A-Za-z0-9]{1,4})?)(?![A-Za-z0-9]|\\.[A-Za-z0-9])");
    private static final Pattern DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b");
    private static final Pattern NOT_CODES = Pattern.compile(
            "(?i)\\$\\s?[0-9.,]+|\\b(?:fy|cy|q)\\s?\\d{2,4}\\b|\\bmodifiers?\\s+-?\\d{2}(?:\\s*(?:,|/|and|or|vs\\.?|versus)\\s*-?\\d{2})*\\b"
                    + "|\\b(?:19|20)\\d{2}\\b|\\b\\d+\\s*(?:units?|days?|minutes?|%|percent)\\b");
    private static final Pattern ICD9_CONTEXT = Pattern.compile("(?i)icd[- ]?9|\\bgems?\\b|legacy");

    private MentionExtractor() {
    }

    public static boolean icd9Context(String text) {
        return ICD9_CONTEXT.matcher(text).find();
    }

    public static List<CodeMention> extract(String question) {
        String masked = mask(question, DATE);
        masked = mask(masked, NOT_CODES);
        boolean icd9 = icd9Context(question);
        List<CodeMention> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(masked);
        while (m.find()) {
            String typed = m.group(1);
            if (!hasDigit(typed) || isSystemName(question, m.start(1), typed)) {
                continue;
            }
            Set<CodeSystem> shapes = CodeShapes.candidates(typed, icd9);
            if (shapes.isEmpty()) {
                continue;
            }
            String code = CodeSystem.compact(typed);
            if (seen.add(code)) {
                out.add(new CodeMention(typed, code, shapes, m.start(1)));
            }
        }
        return out;
    }

    /** "ICD-10", "ICD10", "ICD 9" are names of code sets, not codes. */
    private static boolean isSystemName(String question, int start, String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("icd") || lower.startsWith("fy") || lower.startsWith("cy")) {
            return true;
        }
        int from = Math.max(0, start - 4);
        String before = question.substring(from, start).toLowerCase(Locale.ROOT);
        return (before.endsWith("icd-") || before.endsWith("icd ") || before.endsWith("-cm ")) && typed.length() <= 2;
    }

    private static String mask(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }

    private static boolean hasDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isDigit(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
