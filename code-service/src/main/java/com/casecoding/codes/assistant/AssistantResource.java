package com.casecoding.codes.assistant;

import com.casecoding.codes.assistant.limit.DailyQuestionLimit;
import com.casecoding.common.security.Claims;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/** HTTP face of CasePilot: one question in, one grounded answer out (JSON, or Server-Sent Events on request). */
@Path("/api/assistant")
@Tag(name = "CasePilot assistant", description = "Answers coding questions from the loaded data, with citations")
@Authenticated
public class AssistantResource {

    @Inject
    AssistantService assistant;

    @Inject
    DailyQuestionLimit limit;

    @Inject
    JsonWebToken jwt;

    @POST
    @Path("/ask")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask CasePilot a coding question",
            description = "Answers from the loaded code sets, CMS edit and fee tables and CasePilot's guideline notes. "
                          + "Every code in the answer exists in the loaded data. Counts against the plan's daily "
                          + "question limit. Send Accept: text/event-stream to receive the answer as Server-Sent Events.")
    @APIResponse(responseCode = "200", description = "The answer with its citations and follow-up questions")
    @APIResponse(responseCode = "400", description = "Empty, too long (over 2000 characters) or binary question")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "429", description = "The plan's daily question limit is used up (Retry-After header)")
    public Answer ask(@Valid @NotNull AskRequest request) {
        return answer(request);
    }

    @POST
    @Path("/ask")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Ask CasePilot, streamed",
            description = "Same answer as the JSON form, as events: 'meta' (intent), 'delta' (markdown chunks, in "
                          + "order), 'citations', 'followUps', then 'done'.")
    @APIResponse(responseCode = "200", description = "Event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = String.class)))
    public Multi<OutboundSseEvent> askStreamed(@Valid @NotNull AskRequest request, @Context Sse sse) {
        Answer answer = answer(request);
        List<OutboundSseEvent> events = new ArrayList<>();
        events.add(sse.newEventBuilder().name("meta").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(new Meta(answer.intent(), answer.polished())).build());
        for (String chunk : AnswerStream.chunks(answer.answer())) {
            events.add(sse.newEventBuilder().name("delta").mediaType(MediaType.TEXT_PLAIN_TYPE).data(chunk).build());
        }
        events.add(sse.newEventBuilder().name("citations").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(answer.citations()).build());
        events.add(sse.newEventBuilder().name("followUps").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(answer.followUps()).build());
        events.add(sse.newEventBuilder().name("done").mediaType(MediaType.TEXT_PLAIN_TYPE).data("").build());
        return Multi.createFrom().iterable(events);
    }

    public record Meta(String intent, boolean polished) {
    }

    private Answer answer(AskRequest request) {
        AssistantService.validate(request.question());
        Object plan = jwt.getClaim(Claims.PLAN);
        String planName = plan instanceof JsonString js ? js.getString() : plan == null ? null : plan.toString();
        Caller caller = new Caller(jwt.getSubject(), planName, jwt.getGroups());
        limit.consume(caller);
        return assistant.answer(request.question(), request.code(), caller);
    }
}
