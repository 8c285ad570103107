package com.casecoding.codes.consult;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The instant, automated draft returned with a new consult: an answer to the question and code suggestions drawn from
 * the affirmed phrases of the case text. Stored as JSON on the consult; never reviewed by a person.
 *
 * @param answer        the automated answer text (says plainly when no automated answer could be given)
 * @param suggestions   codes that exist in the loaded code sets, each with the phrase it was found for
 * @param notSuggested  phrases of the case text left out because they are negated ("no fracture")
 * @param checkedCodes  the codes the user is considering, each with whether it exists in the loaded data
 * @param generator     which writer produced it (for support and reporting)
 */
public record Draft(String answer, List<CodeSuggestion> suggestions, List<NegatedPhrase> notSuggested,
                    List<CheckedCode> checkedCodes, String generator, Instant createdAt) {

    /**
     * A code that exists in the loaded data, suggested for a phrase of the case text. {@code title} is null where the
     * official text may not be shown (CPT); {@code billable} is false for header codes (never billed).
     */
    public record CodeSuggestion(String system, String code, String title, boolean billable, String phrase) {
    }

    /** A phrase of the case text with the negation that keeps it out of the suggestions. */
    public record NegatedPhrase(String phrase, String cue) {
    }

    /** One code the user is considering: whether it exists, and where; {@code exists} null = could not be checked. */
    public record CheckedCode(String code, @Schema(nullable = true) Boolean exists,
                              @Schema(nullable = true) String system, @Schema(nullable = true) String title) {
    }
}
