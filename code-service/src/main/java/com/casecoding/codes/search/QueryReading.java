package com.casecoding.codes.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a typed query says besides its words: a code set named in it ("ICD-10-PCS lap appendectomy", "HCPCS
 * crutches", "CPT 27447", "modifier 25") becomes a filter and leaves the query, and coder shorthand that the word
 * analyzer would break apart ("I&amp;D" is two one-letter words to it) is written out first.
 *
 * @param text    the query without the set names (the whole query when nothing else is left)
 * @param systems the code sets named, empty when none
 */
record QueryReading(String text, Set<String> systems) {

    private static final Pattern SET_NAME = Pattern.compile("(?i)(?<![\\w-])(icd[\\s-]?10[\\s-]?pcs|icd[\\s-]?10[\\s-]?cm"
            + "|icd[\\s-]?10|icd[\\s-]?9[\\s-]?cm|icd[\\s-]?9|hcpcs(?:[\\s-]+level[\\s-]+(?:ii|2))?|level[\\s-]+(?:ii|2)"
            + "|cpt|pcs|modifiers?|mod)(?![\\w-])(?:\\s+codes?(?![\\w-]))?");

    /** Shorthand with an ampersand or slash, as coders write it, to the words the dictionaries know. */
    private static final List<Map.Entry<Pattern, String>> SHORTHAND = List.of(
            Map.entry(Pattern.compile("(?i)(?<![\\w&])i\\s*&\\s*d(?![\\w&])"), "incision and drainage"),
            Map.entry(Pattern.compile("(?i)(?<![\\w&])d\\s*&\\s*c(?![\\w&])"), "dilation and curettage"),
            Map.entry(Pattern.compile("(?i)(?<![\\w&])t\\s*&\\s*a(?![\\w&])"), "tonsillectomy and adenoidectomy"),
            Map.entry(Pattern.compile("(?i)(?<![\\w/])s\\s*/\\s*p(?![\\w/])"), "status post"),
            Map.entry(Pattern.compile("(?i)(?<![\\w/])n\\s*/\\s*v(?![\\w/])"), "nausea and vomiting"),
            Map.entry(Pattern.compile("(?i)(?<![\\w/])w\\s*/\\s*o(?![\\w/])"), "without"),
            Map.entry(Pattern.compile("(?i)(?<![\\w/])w\\s*/(?![\\w/])"), "with "));

    static QueryReading of(String typed) {
        String text = typed == null ? "" : typed.strip();
        for (Map.Entry<Pattern, String> e : SHORTHAND) {
            text = e.getKey().matcher(text).replaceAll(e.getValue());
        }
        Set<String> systems = new LinkedHashSet<>();
        Matcher m = SET_NAME.matcher(text);
        StringBuilder rest = new StringBuilder();
        int at = 0;
        while (m.find()) {
            systems.addAll(systemsOf(m.group(1)));
            rest.append(text, at, m.start()).append(' ');
            at = m.end();
        }
        rest.append(text.substring(at));
        String left = rest.toString().replaceAll("\\s+", " ").strip();
        if (systems.isEmpty() || left.isEmpty() || left.chars().noneMatch(Character::isLetterOrDigit)) {
            return new QueryReading(text, Set.of());
        }
        return new QueryReading(left, Set.copyOf(systems));
    }

    private static List<String> systemsOf(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (n.startsWith("hcpcs") || n.startsWith("level")) {
            return List.of("hcpcs");
        }
        return switch (n) {
            case "icd10pcs", "pcs" -> List.of("icd10pcs");
            case "icd10cm", "icd10" -> List.of("icd10cm");
            case "icd9cm" -> List.of("icd9cm");
            case "icd9" -> List.of("icd9cm", "icd9pcs");
            case "cpt" -> List.of("cpt");
            default -> List.of("modifier");
        };
    }

    /** The systems to search: those named in the query within those asked for (the asked ones when they conflict). */
    Set<String> within(Set<String> asked) {
        if (systems.isEmpty()) {
            return asked;
        }
        if (asked.isEmpty()) {
            return systems;
        }
        Set<String> both = new LinkedHashSet<>(systems);
        both.retainAll(asked);
        return both.isEmpty() ? asked : Set.copyOf(both);
    }
}
