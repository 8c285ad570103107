package com.casecoding.common.openapi;

import com.casecoding.common.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemAnswersTest {

    private static OpenAPI document(boolean withProblemSchema) {
        APIResponse ok = OASFactory.createAPIResponse().description("The page").content(OASFactory.createContent()
                .addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Page"))));
        APIResponse notFound = OASFactory.createAPIResponse().description("No such code");
        // what SmallRye writes for an @APIResponse with a schema and no media type: the method's @Produces
        APIResponse conflict = OASFactory.createAPIResponse().description("Taken").content(OASFactory.createContent()
                .addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Something"))));
        APIResponse tooMany = OASFactory.createAPIResponse().description("Wait").content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().example("kept")));
        OpenAPI doc = OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem("/api/x",
                OASFactory.createPathItem().GET(OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", ok).addAPIResponse("404", notFound)
                        .addAPIResponse("409", conflict).addAPIResponse("429", tooMany)))));
        if (withProblemSchema) {
            doc.components(OASFactory.createComponents().addSchema("Problem", OASFactory.createSchema()));
        }
        return doc;
    }

    @Test
    void everyErrorAnswerIsProblemJsonWithTheProblemSchemaAndSuccessIsLeftAlone() {
        OpenAPI doc = document(true);
        new ProblemAnswers().filterOpenAPI(doc);
        APIResponses responses = doc.getPaths().getPathItem("/api/x").getGET().getResponses();
        for (String status : new String[]{"404", "409", "429"}) {
            var content = responses.getAPIResponse(status).getContent();
            assertEquals(Set.of(Problem.MEDIA_TYPE), content.getMediaTypes().keySet(), status);
            assertEquals("#/components/schemas/Problem",
                    content.getMediaType(Problem.MEDIA_TYPE).getSchema().getRef(), status);
        }
        assertEquals("No such code", responses.getAPIResponse("404").getDescription(), "the words stay the method's");
        assertEquals("kept", responses.getAPIResponse("429").getContent().getMediaType(Problem.MEDIA_TYPE).getExample());
        var ok = responses.getAPIResponse("200").getContent();
        assertEquals(Set.of("application/json"), ok.getMediaTypes().keySet());
        assertNull(ok.getMediaType(Problem.MEDIA_TYPE));
    }

    @Test
    void aDocumentWithoutTheProblemSchemaFailsTheBuildInsteadOfPointingNowhere() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ProblemAnswers().filterOpenAPI(document(false)));
        assertTrue(e.getMessage().contains("Problem schema"), e.getMessage());
    }

    @Test
    void theStatusRuleTakesEveryErrorClassAndNothingElse() {
        assertTrue(ProblemAnswers.isError("400"));
        assertTrue(ProblemAnswers.isError("503"));
        assertTrue(ProblemAnswers.isError("4XX"));
        assertFalse(ProblemAnswers.isError("200"));
        assertFalse(ProblemAnswers.isError("304"));
        assertFalse(ProblemAnswers.isError("default"));
    }
}
