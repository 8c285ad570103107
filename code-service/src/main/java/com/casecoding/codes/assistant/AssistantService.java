package com.casecoding.codes.assistant;

import com.casecoding.codes.assistant.compose.AnswerComposer;
import com.casecoding.codes.assistant.compose.Draft;
import com.casecoding.codes.assistant.data.CodeCatalog;
import com.casecoding.codes.assistant.data.CodeHistory;
import com.casecoding.codes.assistant.data.CodeSearch;
import com.casecoding.codes.assistant.data.Crosswalk;
import com.casecoding.codes.assistant.data.EditFacts;
import com.casecoding.codes.assistant.data.PageAccess;
import com.casecoding.codes.assistant.data.ReferenceFacts;
import com.casecoding.codes.assistant.guard.CodeGuard;
import com.casecoding.codes.assistant.guideline.GuidelineLibrary;
import com.casecoding.codes.assistant.llm.LlmClient;
import com.casecoding.codes.assistant.llm.Polisher;
import com.casecoding.codes.assistant.understand.CodeMention;
import com.casecoding.codes.assistant.understand.IntentClassifier;
import com.casecoding.codes.assistant.understand.Question;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.common.problem.ProblemException;
import io.micrometer.core.instrument.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CasePilot: answers a coding question from the loaded data and our guideline notes. The answer is composed from
 * facts (every one cited), passed through the {@link CodeGuard} (no code that the loaded data does not hold), and,
 * when an LLM is configured, rephrased and checked again. {@link #answer} does not count against the caller's daily
 * limit (the HTTP resource does that), so other features (consult drafts) can call it freely.
 */
@ApplicationScoped
public class AssistantService {

    private static final Logger LOG = Logger.getLogger(AssistantService.class);

    public static final int MAX_QUESTION_LENGTH = 2000;
    private static final Pattern REFERS_TO_PAGE = Pattern.compile("(?i)\\b(this|it|that|the code|this code|here)\\b");

    private final CodeCatalog catalog;
    private final GuidelineLibrary guidelines;
    private final AnswerComposer composer;
    private final CodeGuard guard;
    private final Polisher polisher;
    private final PageAccess pageAccess;

    public AssistantService(CodeCatalog catalog, CodeSearch search, EditFacts edits, CodeHistory history,
                            Crosswalk crosswalk, GuidelineLibrary guidelines, LlmClient llm) {
        this(catalog, search, edits, history, crosswalk, guidelines, llm, Clock.systemUTC());
    }

    public AssistantService(CodeCatalog catalog, CodeSearch search, EditFacts edits, CodeHistory history,
                            Crosswalk crosswalk, GuidelineLibrary guidelines, LlmClient llm, Clock clock) {
        this(catalog, search, edits, history, crosswalk, guidelines, llm, clock, PageAccess.OPEN, ReferenceFacts.NONE);
    }

    @Inject
    public AssistantService(CodeCatalog catalog, CodeSearch search, EditFacts edits, CodeHistory history,
                            Crosswalk crosswalk, GuidelineLibrary guidelines, LlmClient llm, Clock clock,
                            PageAccess pageAccess, ReferenceFacts references) {
        this.catalog = catalog;
        this.pageAccess = pageAccess;
        this.guidelines = guidelines;
        this.composer = new AnswerComposer(catalog, search, edits, history, crosswalk, guidelines, clock, references);
        this.guard = new CodeGuard(catalog);
        this.polisher = new Polisher(llm, guard);
    }

    /**
     * Answers the question. {@code codeContext} is the code page the user is on (optional), {@code caller} who asks
     * (may be null for internal callers). Throws a 400 problem for empty, oversized or binary questions.
     */
    public Answer answer(String question, CodeContext codeContext, Caller caller) {
        String text = validate(question);
        Optional<CodeSystem> contextSystem = Optional.ofNullable(codeContext).map(c -> CodeSystem.fromId(c.system())
                .orElseThrow(() -> ProblemException.invalidField("code.system",
                        "must be one of icd10cm, icd10pcs, hcpcs, cpt, icd9cm, icd9pcs")));
        boolean guidelineMatch = !guidelines.match(text).isEmpty();
        Question q = IntentClassifier.classify(text, guidelineMatch);
        if (codeContext != null) {
            q = withPageCode(q, contextSystem.orElseThrow(), contextSystem.orElseThrow().normalize(codeContext.code()).orElseThrow(() ->
                    ProblemException.invalidField("code.code", "is not a " + contextSystem.orElseThrow().label() + " code")), guidelineMatch);
        }
        boolean guest = caller != null && "guest".equals(caller.effectivePlan());
        Draft draft = composer.compose(q, facet -> !guest || pageAccess.openToGuests(facet));
        CodeGuard.Result checked = guard.enforce(draft.toAnswer(), draft.dataLiterals());
        if (!checked.clean()) {
            LOG.warnf("code check removed %d unknown code(s) from a grounded %s answer", checked.removed().size(),
                    q.intent().id());
            Metrics.counter("casepilot_codes_removed_total", "stage", "grounded").increment(checked.removed().size());
        }
        Answer answer = polisher.polish(text, checked.answer(), draft.dataLiterals());
        Metrics.counter("casepilot_answers_total", "intent", q.intent().id(),
                "polished", String.valueOf(answer.polished())).increment();
        return answer;
    }

    /** Adds the page's code when the question names no code, or refers to "this"/"it" and names another one. */
    private static Question withPageCode(Question q, CodeSystem system, String code, boolean guidelineMatch) {
        boolean named = q.mentions().stream().anyMatch(m -> m.code().equals(code));
        if (named || (!q.mentions().isEmpty() && !REFERS_TO_PAGE.matcher(q.text()).find())) {
            return q;
        }
        List<CodeMention> mentions = new ArrayList<>();
        mentions.add(new CodeMention(code, code, EnumSet.of(system), -1));
        mentions.addAll(q.mentions());
        Question withCode = IntentClassifier.classify(q.text(), guidelineMatch, mentions);
        return new Question(q.text(), withCode.intent(), mentions, Optional.of(system), q.date(), q.fiscalYear(),
                q.searchWords(), q.modifiers(), q.dose());
    }

    static String validate(String question) {
        if (question == null || question.isBlank()) {
            throw ProblemException.invalidField("question", "must not be empty");
        }
        if (question.length() > MAX_QUESTION_LENGTH) {
            throw ProblemException.invalidField("question", "must be at most " + MAX_QUESTION_LENGTH + " characters");
        }
        for (int i = 0; i < question.length(); i++) {
            char c = question.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
            if (control || c == '\uFFFD' || (Character.isSurrogate(c) && !validSurrogate(question, i))) {
                throw ProblemException.invalidField("question", "must be text, not binary data");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return question.strip();
    }

    private static boolean validSurrogate(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    public CodeCatalog catalog() {
        return catalog;
    }

    public CodeGuard guard() {
        return guard;
    }
}
