package com.casecoding.gateway.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Set;

/** Request and response bodies of the account endpoints. */
public final class AuthApi {

    private AuthApi() {
    }

    @Schema(name = "RegisterRequest")
    public record RegisterRequest(
            @NotBlank @Email @Size(max = 254) @Schema(example = "pat.coder@example.com") String email,
            @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) @Schema(example = "correct horse battery staple") String password,
            @NotNull @Pattern(regexp = "coder|employer", message = "must be coder or employer")
            @Schema(enumeration = {"coder", "employer"}) String accountType,
            @Size(max = 8192) @Schema(description = "The guest's token, to carry its code page views over") String guestToken) {
    }

    @Schema(name = "LoginRequest")
    public record LoginRequest(
            @NotBlank @Size(max = 254) @Schema(example = "pat.coder@example.com") String email,
            @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String password) {
    }

    @Schema(name = "RefreshRequest")
    public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    @Schema(name = "AccountView")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountView(String id, @Schema(nullable = true) String email, String accountType, String plan,
                              Set<String> roles) {
        static AccountView of(Account a) {
            return new AccountView(a.id.toString(), a.email, a.accountType, a.plan, a.roleSet());
        }
    }

    @Schema(name = "TokenResponse")
    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                                long refreshExpiresIn, AccountView account) {
    }

    @Schema(name = "QuotaView", description = "Code page views in the current period; limit and remaining are -1 when unlimited")
    public record QuotaView(String period, int used, int limit, int remaining) {
    }

    @Schema(name = "MeResponse")
    public record MeResponse(AccountView account, QuotaView codePageViews) {
    }

    @Schema(name = "RolesRequest")
    public record RolesRequest(@NotNull @Size(min = 1, max = 5) List<@NotBlank String> roles) {
    }

    @Schema(name = "PlanRequest")
    public record PlanRequest(@NotNull @Pattern(regexp = "free|pro", message = "must be free or pro") String plan) {
    }
}
