package com.casecoding.codes.consult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    static final int PER_PHRASE = 2;
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
        for (PhraseExtractor.ClinicalPhrase p : extractor.extract(caseText)) {
            if (p.negated()) {
                negated.add(new Draft.NegatedPhrase(p.text(), p.cue()));
                continue;
            }
            if (searched.size() >= MAX_PHRASES) {
                continue;
            }
            searched.add(p.text());
            for (Draft.CodeSuggestion s : finder.find(p.text(), PER_PHRASE)) {
                if (found.size() < MAX_SUGGESTIONS) {
                    found.putIfAbsent(s.system() + ":" + s.code(), s);
                }
            }
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

    public List<Draft.CheckedCode> check(List<String> codes) {
        List<Draft.CheckedCode> checked = new ArrayList<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            if (!finder.available()) {
                checked.add(new Draft.CheckedCode(code, null, null, null));
                continue;
            }
            Optional<Draft.CodeSuggestion> hit = finder.lookup(code);
            checked.add(hit.map(h -> new Draft.CheckedCode(code, true, h.system(), h.title()))
                    .orElseGet(() -> new Draft.CheckedCode(code, false, null, null)));
        }
        return checked;
    }
}
