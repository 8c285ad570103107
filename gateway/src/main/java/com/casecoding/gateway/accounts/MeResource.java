package com.casecoding.gateway.accounts;

import com.casecoding.common.problem.ProblemException;
import com.casecoding.gateway.auth.Caller;
import com.casecoding.gateway.quota.ViewQuotaService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;
import java.util.UUID;

@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@SecurityRequirement(name = "jwt")
public class MeResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    ViewQuotaService quota;

    @GET
    @Authenticated
    @Operation(summary = "The signed-in account, its plan and roles, and its code page views this period",
            description = "Any valid token, a guest's included. codePageViews gives the period (a calendar month "
                    + "such as 2026-01, UTC), the views used, the limit and what remains, -1 for unlimited plans. "
                    + "404 when the account behind the token no longer exists.")
    public AuthApi.MeResponse me() throws SQLException {
        Account account = Account.findById(UUID.fromString(jwt.getSubject()));
        if (account == null) {
            throw ProblemException.notFound("This account no longer exists.");
        }
        int limit = Caller.of(jwt).viewQuota();
        ViewQuotaService.Usage usage = quota.usage(account.id, limit);
        return new AuthApi.MeResponse(AuthApi.AccountView.of(account),
                new AuthApi.QuotaView(usage.period(), usage.used(), usage.limit(), usage.remaining()));
    }
}
