package com.casecoding.codes.consult;

import java.util.List;

/**
 * Writes the instant draft of a consult: question + case text + considered codes in, an answer and code suggestions
 * out. Every suggested code must exist in the loaded code sets. Implementations must not fail the submission:
 * when a source is unavailable the draft says so in its answer.
 */
public interface DraftWriter {

    Draft write(DraftRequest request);

    /** What the draft is written from; {@code callerSub} lets an implementation apply the caller's limits. */
    record DraftRequest(String question, String caseText, List<String> consideredCodes, String callerSub) {
    }
}
