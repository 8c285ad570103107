package com.casecoding.codes.consult;

import com.casecoding.codes.assistant.Answer;
import com.casecoding.codes.assistant.AssistantService;
import com.casecoding.codes.assistant.CodeContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The instant draft from CasePilot: the assistant's grounded answer to the question (with the first considered code
 * that exists as its code context), plus the case text's code suggestions ({@link CaseTextSuggester}).
 */
@ApplicationScoped
public class AssistantDraftWriter implements DraftWriter {

    private static final Logger LOG = Logger.getLogger(AssistantDraftWriter.class);
    static final String GENERATOR = "casepilot";

    @Inject
    AssistantService assistant;

    @Inject
    CaseTextSuggester suggester;

    @Override
    public Draft write(DraftRequest request) {
        List<Draft.CheckedCode> checked = suggester.check(request.consideredCodes());
        CodeContext context = checked.stream().filter(c -> Boolean.TRUE.equals(c.exists())).findFirst()
                .map(c -> new CodeContext(c.system(), c.code())).orElse(null);
        String answer;
        try {
            Answer a = assistant.answer(question(request.question()), context,
                    new com.casecoding.codes.assistant.Caller(request.callerSub(), null, Set.of("coder")));
            answer = a.answer();
        } catch (RuntimeException e) {
            LOG.warnf("CasePilot could not answer a consult question: %s", e.getMessage());
            answer = "The coding assistant could not answer this question automatically. A consultant will answer you.";
        }
        CaseTextSuggester.Suggestions s = suggester.suggest(request.caseText());
        if (request.caseText() != null && !suggester.available()) {
            answer += "\n\nCode suggestions from the case text are not available right now: the code search index "
                    + "is not ready (no code set loaded, or the index is being built).";
        }
        return new Draft(answer, s.suggested(), s.notSuggested(), checked, GENERATOR, Instant.now());
    }

    /** The assistant takes shorter questions than consults do: the start of a long one is asked. */
    private static String question(String q) {
        return q.length() <= AssistantService.MAX_QUESTION_LENGTH ? q
                : q.substring(0, AssistantService.MAX_QUESTION_LENGTH);
    }
}
