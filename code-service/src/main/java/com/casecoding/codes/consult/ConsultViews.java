package com.casecoding.codes.consult;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of the consult endpoints. None carries an e-mail address or another user's identity. */
public final class ConsultViews {

    public static final String DRAFT_NOTICE = "Automated draft written instantly by software, not reviewed by a "
            + "consultant. Check every code against the official code set before use.";

    private ConsultViews() {
    }

    @Schema(name = "Consult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsultView(
            UUID id, String subject, ConsultStatus status, String source, String question,
            @Schema(description = "Shown to the owner and to the consultant who claimed the consult; else absent")
            String caseText,
            @Schema(description = "true when case text exists but is hidden from this caller (claim to see it)")
            boolean caseDetailsHidden,
            List<String> consideredCodes, boolean claimed, boolean claimedByYou,
            Instant createdAt, Instant updatedAt, Instant statusSince,
            @Schema(description = "The instant automated draft (hidden like the case text)") DraftView draft,
            List<MessageView> messages, List<StatusChangeView> history) {
    }

    @Schema(name = "ConsultDraft")
    public record DraftView(
            @Schema(description = "Always true: this was written by software") boolean automated,
            String notice, String answer, List<Draft.CodeSuggestion> suggestions,
            @Schema(description = "Phrases of the case text not used for suggestions because they are negated")
            List<Draft.NegatedPhrase> notSuggested,
            List<Draft.CheckedCode> checkedCodes, String generator, Instant createdAt) {

        static DraftView of(Draft d) {
            return d == null ? null : new DraftView(true, DRAFT_NOTICE, d.answer(), d.suggestions(),
                    d.notSuggested(), d.checkedCodes(), d.generator(), d.createdAt());
        }
    }

    @Schema(name = "ConsultMessage")
    public record MessageView(long id,
                              @Schema(description = "user or consultant") String author,
                              @Schema(description = "true when the caller wrote it") boolean yours,
                              String body, String via, Instant createdAt) {
    }

    @Schema(name = "ConsultStatusChange")
    public record StatusChangeView(@Schema(nullable = true) ConsultStatus from, ConsultStatus to,
                                   @Schema(description = "user, consultant or system") String by, Instant at) {
    }

    @Schema(name = "ConsultSummary")
    public record Summary(UUID id, String subject, ConsultStatus status, String source, boolean claimed,
                          boolean claimedByYou, List<String> consideredCodes, Instant createdAt, Instant statusSince,
                          @Schema(description = "Seconds since the consult was submitted") long ageSeconds,
                          @Schema(description = "Seconds in the current status") long inStatusSeconds,
                          long messageCount) {
    }

    @Schema(name = "InboundResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InboundResult(
            @Schema(description = "consult-created, reply-added, unknown-sender or ignored") String outcome,
            UUID consultId) {
    }

    @Schema(name = "ConsultStats")
    public record Stats(Instant since, long submitted, Map<String, Long> byStatus,
                        Durations firstResponse, Durations resolution) {
    }

    @Schema(name = "ConsultDurations", description = "Seconds, over the consults that reached the point")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Durations(long count, Double medianSeconds, Double p90Seconds, Double maxSeconds) {
    }
}
