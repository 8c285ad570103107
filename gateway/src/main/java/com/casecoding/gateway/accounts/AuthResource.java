package com.casecoding.gateway.accounts;

import com.casecoding.gateway.web.ClientAddress;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Guest tokens, registration, sign-in, token refresh and sign-out")
@SecurityRequirement(name = "none")
public class AuthResource {

    @Inject
    AuthService auth;
    @Inject
    ClientAddress clients;

    @POST
    @Path("/guest")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Get a token for an anonymous guest (plan guest: 1 code page view)",
            description = "A guest token works only from the network it was issued to. One address gets a limited "
                    + "number of guest tokens per hour.")
    @APIResponse(responseCode = "201", description = "Guest token",
            content = @Content(schema = @Schema(implementation = AuthApi.TokenResponse.class)))
    @APIResponse(responseCode = "429", description = "This address had its guest tokens for now: wait Retry-After seconds")
    public Response guest(@Context HttpServerRequest http) {
        return Response.status(201).entity(auth.guest(clients.of(http))).build();
    }

    @POST
    @Path("/register")
    @Operation(summary = "Create a free account; pass the guest token to carry the guest's views over",
            description = "Public, no token needed. accountType (coder or employer) becomes the account's role; the "
                    + "password needs at least 10 characters and must not be a common one or the e-mail. Answers "
                    + "signed in, with an access and a refresh token; a guest whose views move over loses its tokens.")
    @APIResponse(responseCode = "201", description = "Account created, signed in",
            content = @Content(schema = @Schema(implementation = AuthApi.TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (weak password, bad e-mail...)")
    @APIResponse(responseCode = "409", description = "E-mail already registered")
    @APIResponse(responseCode = "429", description = "Too many failed attempts from this address: wait Retry-After seconds")
    @APIResponse(responseCode = "503", description = "Too many sign-ins at once: retry after Retry-After seconds")
    public Response register(@Valid @NotNull AuthApi.RegisterRequest request, @Context HttpServerRequest http) {
        return Response.status(201).entity(auth.register(request, clients.of(http))).build();
    }

    @POST
    @Path("/login")
    @Operation(summary = "Sign in with e-mail and password",
            description = "Public, no token needed; the e-mail is matched case-insensitively. Starts a new sign-in: "
                    + "an access token (15 minutes), a refresh token (30 days) and the account with its plan and "
                    + "roles. After a few failed attempts the e-mail and address must wait, longer after each "
                    + "further failure (429 with Retry-After).")
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(schema = @Schema(implementation = AuthApi.TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong e-mail or password (the same answer for both)")
    @APIResponse(responseCode = "429", description = "Too many failures: wait Retry-After seconds")
    @APIResponse(responseCode = "503", description = "Too many sign-ins at once: retry after Retry-After seconds")
    public AuthApi.TokenResponse login(@Valid @NotNull AuthApi.LoginRequest request, @Context HttpServerRequest http) {
        return auth.login(request, clients.of(http));
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Exchange a refresh token for a new access token and a new refresh token (rotation)",
            description = "Public: the refresh token in the body is the credential. The token sent is spent; sending "
                    + "it again ends the whole sign-in, except within a few seconds from the same address (two tabs "
                    + "refreshing at once). A guest's token refreshes only from the guest's network.")
    @APIResponse(responseCode = "200", description = "New tokens",
            content = @Content(schema = @Schema(implementation = AuthApi.TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Unknown, expired or reused refresh token")
    public AuthApi.TokenResponse refresh(@Valid @NotNull AuthApi.RefreshRequest request,
                                         @Context HttpServerRequest http) {
        return auth.refresh(request.refreshToken(), clients.of(http));
    }

    @POST
    @Path("/logout")
    @Operation(summary = "Sign out: ends the sign-in, its refresh tokens and its access tokens",
            description = "Public: the refresh token in the body names the sign-in, no access token is needed. Every "
                    + "refresh token of that sign-in is revoked and the gateway refuses its access tokens on every "
                    + "replica. Idempotent: an unknown or already ended token also answers 204.")
    @APIResponse(responseCode = "204", description = "Signed out (also when the token was unknown)")
    public Response logout(@Valid @NotNull AuthApi.RefreshRequest request) {
        auth.logout(request.refreshToken());
        return Response.noContent().build();
    }
}
