package com.casecoding.common.openapi;

import com.casecoding.common.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Puts the {@link Problem} schema in every service's document, read from the class like every other schema, so that
 * {@link ProblemAnswers} can point each error answer at it without any operation naming it. The title and version
 * here are placeholders: each service sets its own ({@code quarkus.smallrye-openapi.info-*}).
 */
@OpenAPIDefinition(info = @Info(title = "CaseCoding", version = "1"),
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
public final class ProblemSchema {

    private ProblemSchema() {
    }
}
