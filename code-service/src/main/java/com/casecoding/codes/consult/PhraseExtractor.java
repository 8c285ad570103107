package com.casecoding.codes.consult;

import com.casecoding.codes.assistant.understand.CodeShapes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls the clinical phrases out of de-identified case text and marks the negated ones ("no fracture",
 * "denies chest pain", "pneumonia was ruled out"), so that code suggestions are drawn only from what the patient has.
 *
 * <p>A small NegEx-style heuristic: a sentence is cut into phrases at function words, narrative verbs and commas;
 * a negation cue ("no", "denies", "negative for", ...) negates the phrases after it up to the end of the sentence or a
 * termination word ("but", "however", "reports", ...); a trailing cue ("was ruled out", "is unlikely", ...) negates
 * the phrases before it back to the previous comma or termination word. Pseudo-cues ("no change", "not ruled out",
 * "without difficulty") negate nothing. A phrase found both negated and affirmed is reported as affirmed.
 * Thread-safe and stateless.
 */
public final class PhraseExtractor {

    /** One phrase of the case text; {@code cue} is the negation that applies to it, null when affirmed. */
    public record ClinicalPhrase(String text, boolean negated, String cue) {
    }

    private static final List<String[]> PRE_CUES = cues(
            "no evidence of", "no signs of", "no sign of", "no history of", "negative for", "absence of", "free of",
            "never had", "rules out", "ruled out for", "rule out", "r/o", "rule-out", "denies", "denied", "deny", "denying", "without", "no", "not",
            "nor", "neither", "never");
    private static final List<String[]> POST_CUES = cues(
            "was ruled out", "were ruled out", "is ruled out", "has been ruled out", "ruled out", "was excluded",
            "is excluded", "excluded", "is unlikely", "unlikely", "was negative", "were negative", "is negative",
            "not seen", "not present", "is absent", "was absent", "absent", "resolved");
    private static final List<String[]> PSEUDO_CUES = cues(
            "not ruled out", "not been ruled out", "not excluded", "no change", "no changes", "no increase",
            "no decrease", "not only", "no further", "without difficulty", "not certain", "gram negative",
            "not necessarily");
    private static final Set<String> TERMINATORS = Set.of(
            "but", "however", "although", "though", "except", "aside", "apart", "yet", "still", "which", "who",
            "presents", "presented", "presenting", "reports", "reported", "complains", "complaining", "positive",
            "has", "have", "had", "patient", "pt", "he", "she", "they");
    private static final Set<String> BREAKS = Set.of(
            "a", "an", "the", "and", "or", "if", "then", "to", "from", "in", "on", "at", "by", "for", "with", "as",
            "is", "are", "was", "were", "be", "been", "being", "this", "that", "these", "those", "it", "its", "his",
            "her", "their", "them", "him", "what", "when", "where", "while", "after", "before", "during", "since",
            "per", "via", "also", "very", "there", "here", "into", "onto", "over", "under", "up", "down", "out",
            "about", "than", "so", "such", "some", "any", "each", "all", "both", "other", "due", "now",
            "states", "stated", "shows", "showed", "showing", "show", "reveals", "revealed", "noted", "notes", "seen",
            "found", "underwent", "undergoes", "performed", "admitted", "diagnosed", "treated", "started", "given",
            "radiating", "consistent", "likely", "possible", "suspected", "status", "today", "yesterday", "ago",
            "day", "days", "week", "weeks", "month", "months", "year", "years", "old", "yo", "male", "female",
            "man", "woman", "boy", "girl", "history", "hx", "complaint", "complaints", "chief", "exam",
            "examination", "visit", "follow", "came", "comes", "evaluation", "placed", "taken", "went",
            "currently", "recent", "recently", "prior", "previous", "previously", "again", "well", "please", "code",
            "codes", "coding", "i", "we", "you", "my", "our", "can", "could", "should", "would", "will", "may",
            "might", "do", "does", "did", "unlikely", "excluded", "absent", "resolved", "negative");
    /**
     * "of" (and "of the") joins two content words ("shortness of breath", "osteoarthritis of the right knee") and is
     * dropped at the edges of a phrase.
     */
    private static final String JOINER = "of";
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9'/.\\-]*[A-Za-z0-9])?|,");
    private static final Pattern AGE = Pattern.compile("\\d+-?(year|yr|month|week|day)s?-?old|\\d+(yo|y/o)");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)|[;:\\n]");
    private static final int MAX_PHRASE_WORDS = 6;
    private static final Pattern DOSE_UNIT = Pattern.compile("mcg|mg|g|gm|kg|ml|cc|l|units?|iu|meq|mmol|mg/dl|mmhg|%|tabs?|tablets?|caps?|capsules?|puffs?");
    private static final Pattern DOSE = Pattern.compile("\\d+(?:\\.\\d+)?(?:mcg|mg|g|gm|ml|cc|units?|iu|meq)");
    private static final Set<String> FREQUENCY = Set.of("daily", "bid", "tid", "qid", "qd", "qhs", "prn", "po", "iv",
            "im", "sq", "subq", "nightly", "weekly", "twice", "once");
    private static final Set<String> NUMBERED = Set.of("type", "stage", "grade", "class", "gravida", "para");
    private static final Set<String> LIST_WORDS = Set.of("and", "or", "nor");
    /**
     * Single words that say who, where or what kind, never what the patient has: searched alone they find
     * unrelated codes ("adult" finds a personality disorder, "midfoot" an amputation sequela).
     */
    private static final Set<String> GENERIC = Set.of(
            "adult", "adults", "child", "children", "infant", "newborn", "pediatric", "elderly", "senior", "teen",
            "adolescent", "person", "family", "clinic", "office", "hospital", "emergency", "department", "er", "ed",
            "left", "right", "bilateral", "upper", "lower", "anterior", "posterior", "lateral", "medial", "proximal",
            "distal", "midfoot", "forefoot", "hindfoot", "foot", "feet", "hand", "hands", "knee", "knees", "hip",
            "hips", "ankle", "wrist", "elbow", "shoulder", "arm", "leg", "legs", "head", "neck", "back", "chest",
            "abdomen", "face", "eye", "ear", "nose", "mouth", "skin", "toe", "finger", "thumb", "injection",
            "injections", "procedure", "surgery", "treatment", "therapy", "medication", "medications", "meds",
            "dose", "labs", "lab", "test", "tests", "result", "results", "level", "levels", "care", "management",
            "plan", "assessment", "encounter", "service", "services", "new", "established", "routine", "normal",
            "stable", "acute", "chronic", "mild", "moderate", "severe", "type", "complications", "complication",
            "a1c", "hba1c", "bmi", "bp", "pain", "site", "sites", "unspecified", "uncomplicated", "other", "rule", "bolus",
            "fall", "falls", "line", "history", "episode", "single", "organism", "stage", "unknown", "insurance", "medicare", "medicaid", "payer", "claim", "units", "unit", "bill", "billing", "question",
            "long-term", "current", "uncontrolled", "controlled", "provider", "physician", "doctor", "nurse");

    public List<ClinicalPhrase> extract(String text) {
        Map<String, ClinicalPhrase> phrases = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        for (String sentence : SENTENCE_END.split(text)) {
            for (ClinicalPhrase p : sentencePhrases(sentence)) {
                String key = p.text().toLowerCase(Locale.ROOT);
                ClinicalPhrase seen = phrases.get(key);
                if (seen == null) {
                    phrases.put(key, p);
                } else if (seen.negated() && !p.negated()) {
                    phrases.put(key, new ClinicalPhrase(seen.text(), false, null));
                }
            }
        }
        return List.copyOf(phrases.values());
    }

    /** The affirmed phrases only: what code suggestions may be drawn from. */
    public List<String> affirmed(String text) {
        return extract(text).stream().filter(p -> !p.negated()).map(ClinicalPhrase::text).toList();
    }

    private static List<ClinicalPhrase> sentencePhrases(String sentence) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(sentence);
        while (m.find()) {
            tokens.add(m.group());
        }
        int n = tokens.size();
        String[] lower = new String[n];
        for (int i = 0; i < n; i++) {
            lower[i] = tokens.get(i).toLowerCase(Locale.ROOT);
        }
        String[] negatedBy = new String[n];
        boolean[] cue = new boolean[n];
        int i = 0;
        while (i < n) {
            int pseudo = matchAt(lower, i, PSEUDO_CUES);
            if (pseudo > 0) {
                markCue(cue, i, pseudo);
                i += pseudo;
                continue;
            }
            int post = matchAt(lower, i, POST_CUES);
            if (post > 0) {
                String cueText = join(tokens, i, post);
                markCue(cue, i, post);
                for (int j = i - 1; j >= 0 && !",".equals(lower[j]) && !TERMINATORS.contains(lower[j]); j--) {
                    if (negatedBy[j] == null) {
                        negatedBy[j] = cueText;
                    }
                }
                i += post;
                continue;
            }
            int pre = matchAt(lower, i, PRE_CUES);
            if (pre > 0) {
                String cueText = join(tokens, i, pre);
                markCue(cue, i, pre);
                int j = i + pre;
                for (; j < n && !TERMINATORS.contains(lower[j]) && matchAt(lower, j, PSEUDO_CUES) == 0
                       && !clauseBreak(lower, j); j++) {
                    if (negatedBy[j] == null) {
                        negatedBy[j] = cueText;
                    }
                }
                i += pre;
                continue;
            }
            i++;
        }
        List<ClinicalPhrase> out = new ArrayList<>();
        int start = -1;
        for (int k = 0; k <= n; k++) {
            boolean breaks = k == n || cue[k] || ",".equals(lower[k]) || BREAKS.contains(lower[k])
                    || TERMINATORS.contains(lower[k]) || AGE.matcher(lower[k]).matches() || notPhraseWord(lower, k);
            if (!breaks) {
                if (start < 0) {
                    start = k;
                }
                continue;
            }
            boolean articleAfterJoiner = k < n && start >= 0 && k > start && ARTICLES.contains(lower[k])
                    && JOINER.equals(lower[k - 1]);
            if (articleAfterJoiner && k + 1 < n && isContent(lower, k + 1, cue)
                    && sameNegation(negatedBy, start, k + 1)) {
                continue;
            }
            if (start >= 0) {
                addPhrase(out, tokens, lower, negatedBy, start, k);
                start = -1;
            }
        }
        return out;
    }

    /**
     * A comma ends the scope of a negation when a new clause starts after it ("without complications, on long-term
     * insulin"), not when a list goes on ("no fever, chills or cough").
     */
    private static boolean clauseBreak(String[] lower, int j) {
        if (!",".equals(lower[j]) || j + 1 >= lower.length) {
            return false;
        }
        String next = lower[j + 1];
        return !LIST_WORDS.contains(next) && (BREAKS.contains(next) || TERMINATORS.contains(next)
                || DOSE_UNIT.matcher(next).matches() || next.chars().anyMatch(Character::isDigit));
    }

    /**
     * Not part of a clinical phrase: numbers, doses and units ("500", "mg", "8.9"), codes written in the text
     * ("20610", "E11.9": read as codes in their own set, never searched as words), and a number after "type",
     * "stage", "grade" or "class" is kept ("type 2 diabetes").
     */
    private static boolean notPhraseWord(String[] lower, int k) {
        String w = lower[k];
        if (DOSE_UNIT.matcher(w).matches() || FREQUENCY.contains(w)) {
            return true;
        }
        boolean digits = w.chars().anyMatch(Character::isDigit);
        if (!digits) {
            return false;
        }
        boolean letters = w.chars().anyMatch(Character::isLetter);
        if (!letters) {
            return !(k > 0 && NUMBERED.contains(lower[k - 1]) && w.length() <= 2);
        }
        return CodeShapes.strong(w) && (w.indexOf('.') >= 0 || w.length() >= 5);
    }

    /** A phrase never mixes negated and affirmed words. */
    private static boolean sameNegation(String[] negatedBy, int a, int b) {
        return (negatedBy[a] == null) == (negatedBy[b] == null);
    }

    private static boolean isContent(String[] lower, int k, boolean[] cue) {
        return !cue[k] && !",".equals(lower[k]) && !BREAKS.contains(lower[k]) && !TERMINATORS.contains(lower[k])
                && !JOINER.equals(lower[k]);
    }

    private static void addPhrase(List<ClinicalPhrase> out, List<String> tokens, String[] lower, String[] negatedBy,
                                  int start, int end) {
        while (start < end && JOINER.equals(lower[start])) {
            start++;
        }
        while (end > start && JOINER.equals(lower[end - 1])) {
            end--;
        }
        if (end - start > MAX_PHRASE_WORDS) {
            start = end - MAX_PHRASE_WORDS;
        }
        boolean meaningful = false;
        String cueText = null;
        for (int k = start; k < end; k++) {
            long letters = lower[k].chars().filter(Character::isLetter).count();
            boolean codeLike = letters > 0 && lower[k].chars().anyMatch(Character::isDigit) && lower[k].length() >= 3;
            if (letters >= 3 || codeLike) {
                meaningful = true;
            }
            if (negatedBy[k] != null && cueText == null) {
                cueText = negatedBy[k];
            }
        }
        boolean medication = end < lower.length && isDose(lower, end);
        boolean generic = end - start == 1 && GENERIC.contains(lower[start]);
        if (meaningful && !medication && !generic) {
            out.add(new ClinicalPhrase(join(tokens, start, end - start), cueText != null, cueText));
        }
    }

    /** A dose starts at k: "500 mg", "1 g", "40mg". */
    private static boolean isDose(String[] lower, int k) {
        if (DOSE.matcher(lower[k]).matches()) {
            return true;
        }
        return lower[k].matches("\\d+(?:\\.\\d+)?") && k + 1 < lower.length && DOSE_UNIT.matcher(lower[k + 1]).matches();
    }

    private static int matchAt(String[] lower, int at, List<String[]> cues) {
        for (String[] c : cues) {
            if (at + c.length > lower.length) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < c.length && all; k++) {
                all = c[k].equals(lower[at + k]);
            }
            if (all) {
                return c.length;
            }
        }
        return 0;
    }

    private static void markCue(boolean[] cue, int at, int length) {
        for (int k = at; k < at + length; k++) {
            cue[k] = true;
        }
    }

    private static String join(List<String> tokens, int start, int length) {
        return String.join(" ", tokens.subList(start, start + length));
    }

    /** Longest cues first, so "no evidence of" wins over "no". */
    private static List<String[]> cues(String... phrases) {
        List<String[]> list = new ArrayList<>();
        for (String p : phrases) {
            list.add(p.split(" "));
        }
        list.sort((a, b) -> Integer.compare(b.length, a.length));
        return List.copyOf(list);
    }
}
