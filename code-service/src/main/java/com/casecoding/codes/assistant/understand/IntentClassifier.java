package com.casecoding.codes.assistant.understand;

import com.casecoding.common.codes.CodeSystem;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based intent recognition. Rules are ordered from the most specific wording to the most general; each rule is a
 * few phrases a coder actually types. A question that names guideline topics and no code goes to the guideline notes.
 */
public final class IntentClassifier {

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern US_DATE = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern FISCAL_YEAR = Pattern.compile("(?i)\\bfy\\s?-?(\\d{4}|\\d{2})\\b|\\bfiscal year\\s+(\\d{4})\\b");
    private static final Pattern CROSSWALK = Pattern.compile(
            "icd[- ]?9.*(icd[- ]?10|convert|map|crosswalk|equivalen|gem|translate)|(icd[- ]?10.*icd[- ]?9)|\\bgems?\\b|crosswalk|equivalent");
    private static final Pattern CHANGES = Pattern.compile(
            "what changed|changes?\\b.*\\b(for|to|in)\\b|\\b(new|added|deleted|revised) codes?\\b|what('s| is) new");
    private static final Pattern HISTORY = Pattern.compile(
            "\\bhistory\\b|when was .* (added|deleted|created|introduced|revised|retired|removed)|is .* (a )?new code"
            + "|\\b(was|were|is|has|did|get|gets|got)\\b.*\\b(added|deleted|created|introduced|revised|removed|changed|new)\\b"
            + "|when did .* (change|start|begin|get added|get deleted)|\\b(added|deleted|revised) (in|for) fy");
    /** "still valid", "terminated", "discontinued": the question asks about today when it names no date. */
    private static final Pattern STILL_VALID = Pattern.compile(
            "still (valid|active|current|good|in use|billable|usable|around|exist)|\\bterminat|discontinu|\\bexpired?\\b"
            + "|no longer (valid|active)|valid (today|now|currently|this year)|currently valid"
            + "|can i still (use|bill)");
    private static final Pattern EXCLUDES = Pattern.compile("\\bexcludes ?[12]?\\b");
    private static final Pattern COMPARE = Pattern.compile("\\bvs\\.?\\b|\\bversus\\b|difference between|differ(s|ence)? from|compare|\\bor\\b");
    /** Asking for units of a dose: "how many units of J3301 for 40 mg", "J1885 30 mg units". */
    private static final Pattern UNITS_FOR_DOSE = Pattern.compile("\\bunits?\\b|how many|bill(ed)? (for|as)|\\breport\\b|\\bcode\\b");
    private static final Pattern VALID_ON = Pattern.compile("valid (on|in|as of|for dates?)|was .* valid|effective on|active on|in effect");
    private static final Pattern PTP = Pattern.compile(
            "\\bwith\\b|together|same (day|date|session)|bundl|ncci|\\bptp\\b|separately|modifier (59|x[epsu])|\\band\\b");
    private static final Pattern SEQUENCING = Pattern.compile(
            "goes? first|listed first|sequenc|principal diagnosis|first[- ]listed|primary diagnosis|in what order|which order");
    private static final Pattern RISK = Pattern.compile(
            "\\bhccs?\\b|risk adjust|\\bmccs?\\b|\\bccs?\\b|comorbidit|major complication|\\b(ms-)?drgs?\\b|\\bseverity\\b");
    /** "DRG 470", "MS-DRG 291". */
    public static final Pattern DRG_NUMBER = Pattern.compile("(?i)\\b(?:ms-)?drg\\s*#?\\s*(\\d{1,3})\\b");
    private static final Pattern PTP_WORDS = Pattern.compile("\\bptp\\b|ncci|bundl");
    private static final Pattern MUE = Pattern.compile("\\bunits?\\b|\\bmue\\b|medically unlikely|how many (times|units)|maximum");
    private static final Pattern ADD_ON = Pattern.compile("add[- ]?on|\\baoc\\b|primary code|go with|goes with|report(ed)? with");
    private static final Pattern GLOBAL = Pattern.compile("global (period|days|surgery|package)|\\bglobal\\b|post-?op(erative)? (period|days)");
    private static final Pattern FEE = Pattern.compile(
            "\\brvus?\\b|relative value|\\bfee\\b|fee schedule|pay(s|ment)?\\b|reimburse|\\bprice|allowable|how much|\\bgpci\\b|medicare (fee|rate)");
    private static final Pattern BILLABLE = Pattern.compile("billable|valid (for billing|code)|header|can i (bill|use|code) (it|this|that)?\\s*$|specific enough|bill (this|it)\\b");
    private static final Pattern INFO = Pattern.compile("what (is|does|'s)|mean|describe|descript|explain|tell me about|definition|stand for|what kind");
    private static final Pattern SEARCH = Pattern.compile(
            "code (for|to use for)|codes? (for|to)|what (code|codes)|which (code|codes)|how (do|to|should) i code|find (a |the )?code|\\bcode\\b.*\\bfor\\b");

    private IntentClassifier() {
    }

    /** Classifies the question. {@code guidelineMatch}: the guideline notes recognised a topic in it. */
    public static Question classify(String text, boolean guidelineMatch) {
        return classify(text, guidelineMatch, MentionExtractor.extract(text));
    }

    /** Classifies with the given code mentions (the question's own plus, for instance, the page's code). */
    public static Question classify(String text, boolean guidelineMatch, List<CodeMention> mentions) {
        String q = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        Optional<LocalDate> date = date(q);
        Optional<Integer> fy = fiscalYear(q);
        Optional<CodeSystem> hint = systemHint(q);
        List<String> modifiers = MentionExtractor.modifiers(text);
        Optional<Question.Dose> dose = MentionExtractor.dose(text);
        Intent intent = intent(q, mentions, modifiers, dose, date, fy, guidelineMatch);
        return new Question(text, intent, mentions, hint, date, fy, SearchWords.of(text), modifiers, dose);
    }

    private static Intent intent(String q, List<CodeMention> mentions, List<String> modifiers,
                                 Optional<Question.Dose> dose, Optional<LocalDate> date, Optional<Integer> fy,
                                 boolean guidelineMatch) {
        int codes = mentions.size();
        if (codes >= 1 && CROSSWALK.matcher(q).find()) {
            return Intent.CROSSWALK;
        }
        if (codes >= 1 && (((fy.isPresent() || q.contains("changed")) && CHANGES.matcher(q).find())
                           || HISTORY.matcher(q).find())) {
            return Intent.CHANGES;
        }
        if (codes >= 1 && date.isPresent() && (VALID_ON.matcher(q).find() || q.contains("valid"))) {
            return Intent.VALID_ON;
        }
        if (RISK.matcher(q).find() && (codes >= 1 || DRG_NUMBER.matcher(q).find() || q.matches(".*\\bhccs?\\b.*"))) {
            return Intent.RISK;
        }
        if (codes >= 1 && date.isEmpty() && STILL_VALID.matcher(q).find() && !q.contains("billable")) {
            return Intent.VALID_ON;
        }
        if (EXCLUDES.matcher(q).find() && guidelineMatch) {
            // an Excludes1/2 question is about the tabular notes, never about NCCI pairs
            return Intent.GUIDELINE;
        }
        if (codes >= 1 && dose.isPresent() && !"units".equals(dose.get().unit()) && !"iu".equals(dose.get().unit())
                && UNITS_FOR_DOSE.matcher(q).find()) {
            return Intent.UNITS;
        }
        if (!modifiers.isEmpty() && codes <= 1 && !(modifiers.size() >= 2 && guidelineMatch)
                && !(codes == 1 && PTP_WORDS.matcher(q).find() && q.contains("bundl"))) {
            return Intent.MODIFIER;
        }
        if (codes >= 2 && COMPARE.matcher(q).find() && !q.matches(".*\\b(bill|billed|together|same day|with)\\b.*")) {
            return Intent.CODE_INFO;
        }
        if (codes >= 1 && MUE.matcher(q).find()) {
            return Intent.MUE;
        }
        if (codes >= 1 && ADD_ON.matcher(q).find() && !(codes >= 2 && q.matches(".*\\b(bill|modifier|together)\\b.*"))) {
            return Intent.ADD_ON;
        }
        if (codes >= 2 && PTP.matcher(q).find()) {
            return Intent.PTP;
        }
        if (codes >= 1 && GLOBAL.matcher(q).find()) {
            return Intent.GLOBAL;
        }
        if (codes >= 1 && FEE.matcher(q).find()) {
            return Intent.FEE;
        }
        if (codes >= 1 && (BILLABLE.matcher(q).find() || (codes == 1 && q.matches("^(can|may) (i|we|you) (bill|use|report|code)\\b.*")))) {
            return Intent.BILLABLE;
        }
        if (codes >= 1 && (INFO.matcher(q).find() || q.split(" ").length <= 4)) {
            return Intent.CODE_INFO;
        }
        if (codes == 0 && guidelineMatch && SEQUENCING.matcher(q).find()) {
            // "which code goes first" asks for the order of codes, not for a code
            return Intent.GUIDELINE;
        }
        if (codes == 0 && SEARCH.matcher(q).find() && !q.matches(".*\\b(guideline|rule|explain|mean|difference)s?\\b.*")) {
            return Intent.SEARCH;
        }
        if (guidelineMatch) {
            return Intent.GUIDELINE;
        }
        if (codes >= 1) {
            return Intent.CODE_INFO;
        }
        if (SEARCH.matcher(q).find() || q.split(" ").length <= 6) {
            return Intent.SEARCH;
        }
        return Intent.UNKNOWN;
    }

    static Optional<LocalDate> date(String q) {
        try {
            Matcher iso = ISO_DATE.matcher(q);
            if (iso.find()) {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
            Matcher us = US_DATE.matcher(q);
            if (us.find()) {
                return Optional.of(LocalDate.of(Integer.parseInt(us.group(3)), Integer.parseInt(us.group(1)),
                        Integer.parseInt(us.group(2))));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static Optional<Integer> fiscalYear(String q) {
        Matcher m = FISCAL_YEAR.matcher(q);
        if (m.find()) {
            String y = m.group(1) != null ? m.group(1) : m.group(2);
            int year = Integer.parseInt(y);
            return Optional.of(year < 100 ? 2000 + year : year);
        }
        Matcher plain = Pattern.compile("\\b(?:in|for|during) (20\\d{2})\\b").matcher(q);
        return plain.find() ? Optional.of(Integer.parseInt(plain.group(1))) : Optional.empty();
    }

    static Optional<CodeSystem> systemHint(String q) {
        if (q.matches(".*icd[- ]?10[- ]?pcs.*|.*\\bpcs\\b.*|.*inpatient procedure.*")) {
            return Optional.of(CodeSystem.ICD10PCS);
        }
        if (q.matches(".*icd[- ]?10.*|.*diagnos.*|.*\\bdx\\b.*")) {
            return Optional.of(CodeSystem.ICD10CM);
        }
        if (q.matches(".*icd[- ]?9.*")) {
            return Optional.of(CodeSystem.ICD9CM);
        }
        if (q.matches(".*\\bhcpcs\\b.*|.*level ii.*")) {
            return Optional.of(CodeSystem.HCPCS);
        }
        if (q.matches(".*\\bcpt\\b.*")) {
            return Optional.of(CodeSystem.CPT);
        }
        return Optional.empty();
    }
}
