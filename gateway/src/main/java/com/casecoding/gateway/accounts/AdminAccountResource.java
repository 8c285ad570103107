package com.casecoding.gateway.accounts;

import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import com.casecoding.common.list.PageQuery;
import com.casecoding.common.list.Paging;
import com.casecoding.common.list.ListPage;
import com.casecoding.common.problem.ProblemException;
import com.casecoding.gateway.auth.Revocations;
import com.casecoding.gateway.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Admin-only account management: the only way a role or a plan changes. */
@Path("/api/admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Administration")
@SecurityRequirement(name = "jwt")
public class AdminAccountResource {

    @Inject
    Revocations revocations;
    @Inject
    GatewayConfig config;
    @Inject
    java.time.Clock clock;

    @GET
    @Operation(summary = "Find registered accounts by e-mail (exact or prefix)",
            description = "Admin role only. email (3 to 254 characters, any case) matches the start of the address; "
                    + "a page of the accounts in e-mail order (limit 1 to 100, default 50, and offset), each with its "
                    + "id, type, plan and roles, with the total. 400 when email is missing or too short.")
    public ListPage<AuthApi.AccountView> find(
            @QueryParam("email") @NotNull @Size(min = 3, max = 254) String email,
            @BeanParam PageQuery page, @Context UriInfo uri) {
        Paging paging = page.paging(50, 100);
        String prefix = email.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        PanacheQuery<Account> found = Account.find("email like ?1 order by email", prefix + "%");
        List<AuthApi.AccountView> accounts = found.range(paging.offset(), paging.offset() + paging.limit() - 1).list()
                .stream().map(AuthApi.AccountView::of).toList();
        return ListPage.of(accounts, found.count(), paging, uri);
    }

    @PUT
    @Path("/{id}/roles")
    @Transactional
    @Operation(summary = "Replace an account's roles (coder, employer, consultant, admin); its current tokens stop "
            + "working at once, a refresh gives one with the new roles",
            description = "Admin role only. roles lists 1 to 5 roles and replaces the whole set; guest or any other "
                    + "value is a 400, as is an id that is not a UUID. 404 for an unknown id or a guest account; "
                    + "the answer is the account with its new roles.")
    public AuthApi.AccountView roles(@PathParam("id") String id, @Valid @NotNull AuthApi.RolesRequest request) {
        Account account = registered(id);
        Set<String> roles = new LinkedHashSet<>();
        for (String role : request.roles()) {
            String r = role.trim().toLowerCase(Locale.ROOT);
            if (!Account.ROLES.contains(r) || "guest".equals(r)) {
                throw ProblemException.invalidField("roles", "may only hold coder, employer, consultant or admin");
            }
            roles.add(r);
        }
        account.setRoles(roles);
        changed(account);
        return AuthApi.AccountView.of(account);
    }

    @PUT
    @Path("/{id}/plan")
    @Transactional
    @Operation(summary = "Change an account's plan (free or pro); its current tokens stop working, a refresh gives "
            + "one with the new plan",
            description = "Admin role only. free has 6 code page views a month, pro is unlimited. 400 for another "
                    + "plan or an id that is not a UUID; 404 for an unknown id or a guest account. The answer is "
                    + "the account with its new plan.")
    public AuthApi.AccountView plan(@PathParam("id") String id, @Valid @NotNull AuthApi.PlanRequest request) {
        Account account = registered(id);
        account.plan = request.plan();
        changed(account);
        return AuthApi.AccountView.of(account);
    }

    /** A change of rights: tokens issued before it stop working (auth.Revocations), in this transaction. */
    private void changed(Account account) {
        account.updatedAt = clock.instant();
        account.tokenVersion++;
        revocations.raiseVersion(account.id, account.tokenVersion, config.jwt().accessTtl());
    }

    private static Account registered(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("id", "must be an account id (UUID)");
        }
        Account account = Account.findById(uuid);
        if (account == null || account.isGuest()) {
            throw ProblemException.notFound("No registered account has id " + uuid + ".");
        }
        return account;
    }
}
