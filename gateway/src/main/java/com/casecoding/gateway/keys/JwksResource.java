package com.casecoding.gateway.keys;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/.well-known/jwks.json")
@Tag(name = "Accounts")
public class JwksResource {

    @Inject
    KeyRing keyRing;

    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    @Operation(summary = "Public keys that verify the platform's access tokens (JWKS; two keys during a rotation)",
            description = "Public, no token needed. A JSON Web Key Set of RSA public keys, each named by the kid "
                    + "that access tokens (RS256) carry in their header; answers may be cached for 5 minutes.")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keyRing.jwks()).type("application/json").cacheControl(cache).build();
    }
}
