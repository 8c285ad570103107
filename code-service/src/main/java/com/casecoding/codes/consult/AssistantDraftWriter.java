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
        List<String> toCheck = new java.util.ArrayList<>(request.consideredCodes());
        for (String written : suggester.writtenCodes(request.caseText())) {
            if (toCheck.stream().noneMatch(c -> c.equalsIgnoreCase(written))) {
                toCheck.add(written);
            }
        }
        List<Draft.CheckedCode> checked = suggester.check(toCheck);
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
        answer += expertWillLookAt(s, checked);
        return new Draft(answer, s.suggested(), s.notSuggested(), checked, GENERATOR, Instant.now());
    }

    /** What the consultant checks before answering, so the coder knows what the draft did not settle. */
    private static String expertWillLookAt(CaseTextSuggester.Suggestions s, List<Draft.CheckedCode> checked) {
        StringBuilder sb = new StringBuilder("\n\n**What the consultant will look at:**");
        sb.append("\n- the documentation behind each suggested code (suggestions are search matches for the case's "
                  + "clinical phrases, not a coding decision)");
        if (!s.notSuggested().isEmpty()) {
            sb.append("\n- the findings the case negates, which are not coded: ").append(String.join(", ",
                    s.notSuggested().stream().map(Draft.NegatedPhrase::phrase).toList()));
        }
        long missing = checked.stream().filter(c -> Boolean.FALSE.equals(c.exists())).count();
        if (missing > 0) {
            // named in the checked-codes list, never in the text: an answer only writes codes that exist
            sb.append("\n- ").append(missing).append(missing == 1 ? " code" : " codes")
                    .append(" you wrote that the loaded data does not hold (see the checked codes)");
        }
        sb.append("\n- sequencing, tabular notes (Excludes1, code first, 7th characters) and payer policy");
        return sb.toString();
    }

    /** The assistant takes shorter questions than consults do: the start of a long one is asked. */
    private static String question(String q) {
        return q.length() <= AssistantService.MAX_QUESTION_LENGTH ? q
                : q.substring(0, AssistantService.MAX_QUESTION_LENGTH);
    }
}
