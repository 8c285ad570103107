package com.casecoding.codes.consult;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Request bodies of the consult endpoints. Who the caller is never comes from a body. */
public final class ConsultRequests {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_QUESTION = 10_000;
    public static final int MAX_CASE_TEXT = 20_000;
    public static final int MAX_CODES = 20;

    private ConsultRequests() {
    }

    @Schema(name = "ConsultSubmission")
    public record Submit(
            @Schema(example = "Modifier for bilateral knee injections?")
            @NotBlank @Size(max = MAX_SUBJECT) String subject,
            @Schema(example = "Which code and modifier apply when both knees are injected at one visit?")
            @NotBlank @Size(max = MAX_QUESTION) String question,
            @Schema(description = "De-identified case text, plain text (no names, dates of birth, record numbers)",
                    example = "Osteoarthritis of both knees. No fracture on x-ray. Denies fever.")
            @Size(max = MAX_CASE_TEXT) String caseText,
            @Schema(description = "Codes being considered, as typed", example = "[\"20610\", \"M17.0\"]")
            @Size(max = MAX_CODES)
            List<@NotBlank @Size(max = 16) @Pattern(regexp = "[A-Za-z0-9.\\-]{1,16}",
                    message = "must be a code such as 99213, E11.9 or J1885") String> codes) {
    }

    @Schema(name = "ConsultReply")
    public record Reply(@NotBlank @Size(max = MAX_QUESTION) String body) {
    }

    @Schema(name = "ConsultAnswer")
    public record Answer(
            @Schema(description = "The answer; start from the instant draft's answer and edit it")
            @NotBlank @Size(max = MAX_QUESTION) String body,
            @Schema(description = "true when the answer asks the user for more information (status waiting)")
            Boolean waitForUser,
            @Schema(description = "true when the answer was edited from the instant draft (reported, not enforced)")
            Boolean fromDraft) {
    }

    /**
     * What an inbound-mail service posts. Such services send many more fields than these three: unknown ones are
     * ignored here (and only here).
     */
    @Schema(name = "InboundMail")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InboundMail(
            @Schema(example = "Ann Coder <ann@example.test>") @JsonAlias({"from", "From"})
            @NotBlank @Size(max = 400) String sender,
            @JsonAlias("Subject") @Size(max = 1000) String subject,
            @JsonAlias({"TextBody", "body-plain", "body"}) @Size(max = 100_000) String text) {
    }
}
