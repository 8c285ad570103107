package com.casecoding.common.openapi;

import com.casecoding.common.web.RevalidatedOperations;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.List;

/**
 * The rules every service's OpenAPI document follows, applied when the document is built, in this order (a later rule
 * reads what an earlier one wrote):
 * <ol>
 *     <li>{@link ProblemAnswers}: every error answer is problem+json with the Problem schema;</li>
 *     <li>{@link RevalidatedOperations}: a revalidated operation declares its ETag, Cache-Control, If-None-Match and
 *     304;</li>
 *     <li>{@link SchemaRules}: answer schemas require what is always there, request schemas refuse unknown fields
 *     (it reads every answer's schema, the problem answers included).</li>
 * </ol>
 * The gateway merges the services' documents into the partner and operator documents (its {@code openapi} package)
 * and adds what only it knows: security, rate-limit headers and the platform-wide error answers.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DocumentRules implements OASFilter {

    private static final List<OASFilter> RULES = List.of(
            new ProblemAnswers(), new RevalidatedOperations(), new SchemaRules());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        RULES.forEach(rule -> rule.filterOpenAPI(openAPI));
    }
}
