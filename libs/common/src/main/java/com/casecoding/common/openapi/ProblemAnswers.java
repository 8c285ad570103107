package com.casecoding.common.openapi;

import com.casecoding.common.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.Map;

/**
 * Every error answer of every operation is {@code application/problem+json} with the {@link Problem} schema: the
 * services send nothing else on a 4xx or 5xx ({@code problem.ProblemMappers}, {@code web.ProblemResponses}). A
 * resource method describes an error in its own words ({@code @APIResponse(responseCode = "404", description = ...)})
 * and never repeats the media type and schema; this filter writes them. Content another media type declared for an
 * error (a method's {@code @Produces} applied to an {@code @APIResponse}) is replaced, because it would be false.
 * <p>
 * The {@code Problem} schema itself is put in every document by {@link ProblemSchema}.
 */
public class ProblemAnswers implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean any = false;
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
                    continue;
                }
                for (Map.Entry<String, APIResponse> answer : op.getResponses().getAPIResponses().entrySet()) {
                    if (isError(answer.getKey()) && answer.getValue().getRef() == null) {
                        problemContent(answer.getValue());
                        any = true;
                    }
                }
            }
        }
        if (any && (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey("Problem"))) {
            throw new IllegalStateException("The OpenAPI document answers problem+json but has no Problem schema: "
                    + "is libs/common's Jandex index (ProblemSchema) in the application?");
        }
    }

    static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5')
                || status.equals("4XX") || status.equals("5XX");
    }

    private static void problemContent(APIResponse response) {
        MediaType declared = response.getContent() == null ? null
                : response.getContent().getMediaType(Problem.MEDIA_TYPE);
        MediaType media = declared != null ? declared : OASFactory.createMediaType();
        if (media.getSchema() == null) {
            media.setSchema(OASFactory.createSchema().ref(PROBLEM_REF));
        }
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        response.setContent(content);
    }
}
