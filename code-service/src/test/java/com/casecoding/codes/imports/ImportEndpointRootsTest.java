package com.casecoding.codes.imports;

import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import com.casecoding.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** An admin cannot make code-service list (or import) a server folder outside the import roots. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class ImportEndpointRootsTest {

    private static final String ADMIN = TestTokens.withRoles("55555555-5555-5555-5555-555555555555", "admin");

    @Test
    void aSystemFolderIsRefusedWithoutAListing() {
        for (String path : new String[]{"/etc", "/", "/etc/passwd", "/proc/self", "../../etc"}) {
            given().auth().oauth2(ADMIN).contentType("application/json").body("{\"path\": \"" + path + "\"}")
                    .when().post("/api/admin/imports").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("path"))
                    .body("detail", containsString("outside the folders"))
                    .body(not(containsString("passwd")))
                    .body(not(containsString("unrecognized")));
        }
    }
}
