package com.casecoding.gateway.openapi;

import com.casecoding.gateway.support.GatewayTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class PartnerOpenApiTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void oneDocumentWithTheGatewayAndTheServicesPublicPaths() {
        given().when().get("/q/openapi").then().statusCode(200)
                .body("openapi", notNullValue())
                .body("info.title", equalTo("CaseCoding API"))
                .body("paths.'/api/auth/register'.post", notNullValue())
                .body("paths.'/api/me'.get", notNullValue())
                .body("paths.'/api/code-systems'.get.summary", equalTo("Code sets"))
                .body("paths.'/test/internal'", nullValue())
                .body("components.schemas.CodeSystemView", notNullValue())
                // a schema used only through another is kept; one that no operation of the document uses is dropped
                .body("components.schemas.Release", notNullValue())
                .body("components.schemas.ImportRequest", nullValue())
                .body("info.version", equalTo(PartnerOpenApi.API_VERSION))
                .body("info.contact.email", notNullValue())
                .body("components.schemas.Problem", notNullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/code-systems'.get.responses.'401'.'$ref'", equalTo("#/components/responses/Problem401"))
                .body("components.responses.Problem400.content.'application/problem+json'.example.status", equalTo(400))
                .body("paths.'/api/auth/login'.post.security.size()", equalTo(0))
                .body("'x-unavailable-services'", hasItem("careers"))
                // issue 26: named operations, a server, operator operations in a document of their own
                .body("paths.'/api/code-systems'.get.operationId", equalTo("listCodeSystems"))
                .body("paths.'/api/auth/login'.post.operationId", equalTo("logIn"))
                .body("servers[0].url", equalTo("/"))
                .body("paths.'/api/admin/accounts'", nullValue())
                .body("paths.'/api/me'.get.security[0].bearer.size()", equalTo(0))
                // issue 26: the response headers are declared
                .body("paths.'/api/search'.get.responses.'200'.headers.'RateLimit-Remaining'.'$ref'",
                        equalTo("#/components/headers/RateLimit-Remaining"))
                .body("paths.'/api/code-systems'.get.responses.'200'.headers.'X-Request-Id'.'$ref'",
                        equalTo("#/components/headers/X-Request-Id"))
                .body("paths.'/api/code-systems'.get.responses.'200'.headers.'RateLimit-Limit'", nullValue())
                .body("components.responses.Problem429.headers.'Retry-After'.'$ref'",
                        equalTo("#/components/headers/Retry-After"))
                .body("components.headers.'RateLimit-Reset'.schema.type", equalTo("integer"));
    }

    @Test
    void operatorOperationsAreOnTheManagementInterfaceOnly() {
        given().when().get(management + "openapi-operator").then().statusCode(200)
                .body("info.title", equalTo("CaseCoding operator API"))
                .body("paths.'/api/admin/accounts'.get.operationId", equalTo("listAccounts"))
                .body("paths.'/api/admin/accounts/{id}/roles'.put.operationId", equalTo("setAccountRoles"))
                .body("paths.'/api/code-systems'", nullValue())
                .body("paths.'/api/admin/accounts'.get.responses.'403'.'$ref'",
                        equalTo("#/components/responses/Problem403"));
        given().when().get("/q/openapi-operator").then().statusCode(404);
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
