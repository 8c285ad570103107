package com.casecoding.common.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Extensible;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What a {@link Revalidated} operation (marked {@link Revalidated#EXTENSION}) says in the OpenAPI document: its 200
 * carries {@code ETag} and {@code Cache-Control}, it takes {@code If-None-Match}, and it may answer 304 without a body.
 */
public class RevalidatedOperations implements OASFilter {

    static final String NOT_MODIFIED = "Not modified: the If-None-Match tag is the current one (no body: use the copy "
            + "you hold)";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                // SmallRye puts a method's @Extension on the operation, and also on its responses and on each
                // response the method declares with @APIResponse: the mark is removed from all of them
                boolean marked = marked(op);
                if (op.getResponses() != null) {
                    marked |= marked(op.getResponses());
                    if (op.getResponses().getAPIResponses() != null) {
                        for (APIResponse response : op.getResponses().getAPIResponses().values()) {
                            marked |= marked(response);
                        }
                    }
                }
                if (marked) {
                    declare(op);
                }
            }
        }
    }

    /** Whether the part carries the mark; removes it. */
    private static boolean marked(Extensible<?> part) {
        if (part.getExtensions() == null || !part.getExtensions().containsKey(Revalidated.EXTENSION)) {
            return false;
        }
        part.removeExtension(Revalidated.EXTENSION);
        return true;
    }

    private static void declare(Operation op) {
        APIResponse ok = op.getResponses() == null ? null : op.getResponses().getAPIResponse("200");
        if (ok != null) {
            ok.addHeader("ETag", OASFactory.createHeader().schema(string())
                    .description("The answer's entity tag: send it in If-None-Match to get 304 while it is unchanged"));
            ok.addHeader("Cache-Control", OASFactory.createHeader().schema(string())
                    .description("private, no-cache: keep the answer for this caller only, and revalidate it "
                            + "(If-None-Match) before each use"));
        }
        op.getResponses().addAPIResponse("304", OASFactory.createAPIResponse().description(NOT_MODIFIED));
        boolean declared = op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-None-Match".equalsIgnoreCase(p.getName()));
        if (!declared) {
            op.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                    .description("An ETag of this answer seen before: 304 Not Modified while it is still current")
                    .schema(string()));
        }
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
