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
                    + "|\\b(?:19|20)\\d{2}\\b|\\b\\d+(?:\\.\\d+)?\\s*(?:units?|days?|minutes?|%|percent|mcg|mg|g|gm|ml|cc|iu|meq|mmol)\\b");
    private static final Pattern HCC_CONTEXT = Pattern.compile("(?i)\\bhccs?\\b|risk adjust");
    private static final Pattern HCC_MODEL = Pattern.compile("(?i)\\bv\\s?2[0-9]\\b");
    private static final Pattern ICD9_CONTEXT = Pattern.compile("(?i)icd[- ]?9|\\bgems?\\b|legacy");

    /** "modifier RT", "modifiers 25 and 59", "modifier -GA": the modifier word first. */
    private static final Pattern MODIFIER_AFTER = Pattern.compile(
            "(?i)\\bmodifiers?\\s+-?([A-Za-z0-9]{2})\\b((?:\\s*(?:,|/|and|or|vs\\.?|versus)\\s*-?[A-Za-z0-9]{2}\\b)*)");
    /** "the RT modifier", "a 25 modifier", "-59 modifier": the code first (letters written in capitals). */
    private static final Pattern MODIFIER_BEFORE = Pattern.compile("(?<![A-Za-z0-9])-?([0-9]{2}|[A-Z][A-Z0-9]|[0-9][A-Z])\\s+modifiers?\\b");
    private static final Pattern MORE_MODIFIERS = Pattern.compile("(?i)-?([A-Za-z0-9]{2})\\b");
    /** Two-letter words that follow "modifier" in a sentence and are not modifiers. */
    private static final Set<String> WORDS = Set.of("IS", "TO", "IN", "ON", "OF", "AT", "DO", "BE", "AN", "OR", "AS",
            "IT", "IF", "GO", "ME", "WE", "US", "NO", "SO", "UP", "BY", "MY");
    private static final Pattern DOSE = Pattern.compile(
            "(?i)\\b(\\d+(?:\\.\\d+)?)\\s*(mcg|mg|g|gm|ml|cc|l|units?|iu|meq|mmol)\\b");

    private MentionExtractor() {
    }

    /** The modifiers a question names, upper case, in order, each once ("What does modifier GA mean?" -> GA). */
    public static List<String> modifiers(String question) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = MODIFIER_AFTER.matcher(question);
        while (m.find()) {
            addModifier(out, m.group(1));
            Matcher more = MORE_MODIFIERS.matcher(m.group(2));
            while (more.find()) {
                addModifier(out, more.group(1));
            }
        }
        Matcher b = MODIFIER_BEFORE.matcher(question);
        while (b.find()) {
            addModifier(out, b.group(1));
        }
        return List.copyOf(out);
    }

    private static void addModifier(Set<String> out, String typed) {
        String t = typed.toUpperCase(Locale.ROOT);
        if (!WORDS.contains(t) && CodeSystem.shapesOf(t).contains(CodeSystem.MODIFIER)) {
            out.add(t);
        }
    }

    /** The first dose the question names ("40 mg", "1 g", "500 units"). */
    public static java.util.Optional<Question.Dose> dose(String question) {
        Matcher m = DOSE.matcher(question);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        unit = switch (unit) {
            case "gm" -> "g";
            case "cc" -> "ml";
            case "unit" -> "units";
            default -> unit;
        };
        return java.util.Optional.of(new Question.Dose(new java.math.BigDecimal(m.group(1)), unit));
    }

    public static boolean icd9Context(String text) {
        return ICD9_CONTEXT.matcher(text).find();
    }

    public static List<CodeMention> extract(String question) {
        String masked = mask(question, DATE);
        masked = mask(masked, NOT_CODES);
        if (HCC_CONTEXT.matcher(question).find()) {
            // "V24" and "V28" are CMS-HCC model versions there, not the ICD-10-CM categories of that shape
            masked = mask(masked, HCC_MODEL);
        }
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
