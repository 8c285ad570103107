package com.casecoding.codes.consult;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * The draft writer used when no assistant is part of the build: it gives no answer to the question (and says so),
 * but still lists the case text's phrases, the negated ones left out, and whatever codes the {@link CodeFinder}
 * finds for the affirmed ones.
 */
@DefaultBean
@ApplicationScoped
public class PhraseDraftWriter implements DraftWriter {

    static final String GENERATOR = "phrases-only";

    @Inject
    CaseTextSuggester suggester;

    @Override
    public Draft write(DraftRequest request) {
        CaseTextSuggester.Suggestions s = suggester.suggest(request.caseText());
        StringBuilder answer = new StringBuilder(
                "No automated answer to your question is available: the coding assistant is not connected to "
                        + "CaseConsultant yet. A consultant will answer you.");
        if (!s.searchedPhrases().isEmpty()) {
            answer.append("\n\nClinical phrases found in the case text: ")
                    .append(String.join("; ", s.searchedPhrases())).append('.');
        }
        if (!suggester.available()) {
            answer.append("\n\nCode suggestions are not available: no code data is connected.");
        } else if (s.suggested().isEmpty() && !s.searchedPhrases().isEmpty()) {
            answer.append("\n\nNo code matched these phrases.");
        }
        return new Draft(answer.toString(), s.suggested(), s.notSuggested(),
                suggester.check(request.consideredCodes()), GENERATOR, Instant.now());
    }
}
