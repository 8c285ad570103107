package com.casecoding.codes.consult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The code half of every instant draft: searches the affirmed clinical phrases of the case text (negated ones are
 * listed, never searched) and checks the codes the user is considering. Only codes the {@link CodeFinder} returns,
 * i.e. codes that exist, are ever suggested.
 */
@ApplicationScoped
public class CaseTextSuggester {

    static final int MAX_PHRASES = 12;
    static final int PER_PHRASE = 1;
    /** Hits looked at per phrase to find one that fits the case (perinatal and obstetric codes need their context). */
    static final int CANDIDATES = 10;
    /**
     * Phrases that name a procedure, a test or a drug given, not a diagnosis: procedures are CPT (whose descriptors
     * cannot be searched) or ICD-10-PCS, so the draft leaves them to the consultant instead of matching words.
     */
    private static final java.util.regex.Pattern PROCEDURE = java.util.regex.Pattern.compile(
            "(?i)\\b(injections?|injected|x-?rays?|ct|mri|ultrasound|colonoscopy|endoscopy|biopsy|dialysis|hemodialysis"
            + "|nebuli[sz]er|bolus|infusion|vaccines?|vaccination|immunization|shot|iv|im|given|troponin|labs?|ekg|ecg"
            + "|surgery|repair|excision|removal|scan)\\b");
    private static final java.util.regex.Pattern DIABETES_TYPE = java.util.regex.Pattern.compile(
            "(?i)\\btype ([12]) diabet|\\bt([12])dm\\b");
    private static final java.util.regex.Pattern DIABETIC_COMPLICATION = java.util.regex.Pattern.compile(
            "\\bdiabetic\\b|hyperglyc|hypoglyc|neuropathy|retinopathy|nephropathy|gastroparesis");
    private static final java.util.regex.Pattern NEWBORN = java.util.regex.Pattern.compile(
            "(?i)\\b(newborn|neonat\\w*|perinatal|infant|baby|born)\\b");
    private static final java.util.regex.Pattern PREGNANCY = java.util.regex.Pattern.compile(
            "(?i)\\b(pregnan\\w*|gestation\\w*|obstetric\\w*|postpartum|delivery|trimester|antepartum|puerper\\w*)\\b");
    static final int MAX_SUGGESTIONS = 10;

    private final PhraseExtractor extractor = new PhraseExtractor();

    @Inject
    CodeFinder finder;

    public record Suggestions(List<Draft.CodeSuggestion> suggested, List<Draft.NegatedPhrase> notSuggested,
                              List<String> searchedPhrases) {
    }

    public boolean available() {
        return finder.available();
    }

    public Suggestions suggest(String caseText) {
        List<Draft.NegatedPhrase> negated = new ArrayList<>();
        List<String> searched = new ArrayList<>();
        Map<String, Draft.CodeSuggestion> found = new LinkedHashMap<>();
        boolean newborn = caseText != null && NEWBORN.matcher(caseText).find();
        java.util.regex.Matcher dm = caseText == null ? null : DIABETES_TYPE.matcher(caseText);
        String diabetesType = dm != null && dm.find() ? (dm.group(1) != null ? dm.group(1) : dm.group(2)) : null;
        boolean pregnancy = caseText != null && PREGNANCY.matcher(caseText).find();
        for (PhraseExtractor.ClinicalPhrase p : extractor.extract(caseText)) {
            if (p.negated()) {
                negated.add(new Draft.NegatedPhrase(p.text(), p.cue()));
                continue;
            }
            if (searched.size() >= MAX_PHRASES || PROCEDURE.matcher(p.text()).find()) {
                continue;
            }
            searched.add(p.text());
            String query = combination(p.text(), diabetesType);
            // a diagnosis phrase is coded in ICD-10-CM, the set diagnoses belong to
            List<Draft.CodeSuggestion> candidates = finder.findDiagnoses(query, CANDIDATES).stream()
                    .filter(s -> newborn || !s.code().startsWith("P"))
                    .filter(s -> pregnancy || !s.code().startsWith("O"))
                    .filter(s -> diabetesType == null || !s.code().startsWith(diabetesType.equals("1") ? "E11" : "E10"))
                    .toList();
            best(query, candidates).map(s -> new Draft.CodeSuggestion(s.system(), s.code(), s.title(), s.billable(),
                    p.text())).ifPresent(s -> {
                        if (found.size() < MAX_SUGGESTIONS) {
                            found.putIfAbsent(s.system() + ":" + s.code(), s);
                        }
                    });
        }
        return new Suggestions(List.copyOf(found.values()), List.copyOf(negated), List.copyOf(searched));
    }

    /** The codes written in the case text ("injected at 20610"), as typed, to be checked in their own set. */
    public List<String> writtenCodes(String caseText) {
        if (caseText == null) {
            return List.of();
        }
        return com.casecoding.codes.assistant.understand.MentionExtractor.extract(caseText).stream()
                .map(com.casecoding.codes.assistant.understand.CodeMention::typed)
                // a code written in a note is dotted or five characters and more; "A1c" is a lab test
                .filter(t -> t.indexOf('.') >= 0 || t.length() >= 5).toList();
    }

    /**
     * ICD-10-CM codes a diabetic complication together with the diabetes ("type 2 diabetes mellitus with
     * hyperglycemia" is one code): in a case that names the type, a complication phrase is searched as that combination.
     */
    static String combination(String phrase, String diabetesType) {
        String p = phrase.toLowerCase(Locale.ROOT);
        if (diabetesType == null || p.contains("diabetes") || !DIABETIC_COMPLICATION.matcher(p).find()) {
            return phrase;
        }
        return "type " + diabetesType + " diabetes mellitus with " + p.replaceAll("\\bdiabetic\\s+", "diabetic ").trim();
    }

    /**
     * The candidate that names what the phrase names: the title that is the phrase (or the phrase, unspecified: it specifies
     * nothing more), else the best-ranked title that starts with the phrase, else the best-ranked title that holds the phrase's head word (its last
     * word: "line infection" is an infection, never Beau's lines); none when no title does.
     */
    static Optional<Draft.CodeSuggestion> best(String phrase, List<Draft.CodeSuggestion> candidates) {
        String p = normal(phrase);
        String[] words = p.split(" ");
        String head = words[words.length - 1];
        List<Draft.CodeSuggestion> titled = candidates.stream().filter(c -> c.title() != null).toList();
        Optional<Draft.CodeSuggestion> starts = titled.stream()
                .filter(c -> normal(c.title()).equals(p) || normal(c.title()).startsWith(p + " unspecified")).findFirst();
        if (starts.isEmpty()) {
            starts = titled.stream().filter(c -> normal(c.title()).startsWith(p)).findFirst();
        }
        return starts.or(() -> titled.stream().filter(c -> (" " + normal(c.title()) + " ").contains(" " + stem(head)))
                .findFirst());
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    /** "infections" and "infection" share a head word. */
    private static String stem(String word) {
        return word.length() > 4 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    public List<Draft.CheckedCode> check(List<String> codes) {
        List<Draft.CheckedCode> checked = new ArrayList<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            if (!finder.available()) {
                checked.add(new Draft.CheckedCode(code, null, null, null));
                continue;
            }
            Optional<Draft.CodeSuggestion> hit = finder.lookup(code);
            // a code found is shown as people write it (E11.9 for e119), like every code the platform answers
            checked.add(hit.map(h -> new Draft.CheckedCode(h.code(), true, h.system(), h.title()))
                    .orElseGet(() -> new Draft.CheckedCode(code, false, null, null)));
        }
        return checked;
    }
}
