package com.casecoding.gateway.accounts;

import com.casecoding.common.problem.ProblemException;
import com.casecoding.gateway.accounts.AuthApi.AccountView;
import com.casecoding.gateway.accounts.AuthApi.TokenResponse;
import com.casecoding.gateway.auth.Caller;
import com.casecoding.gateway.auth.TokenService;
import com.casecoding.gateway.config.GatewayConfig;
import com.casecoding.gateway.quota.ViewQuotaService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Guests, registration, sign-in, refresh-token rotation and sign-out. */
@ApplicationScoped
public class AuthService {

    private static final String WRONG_CREDENTIALS = "E-mail or password is wrong.";

    @Inject
    TokenService tokens;
    @Inject
    PasswordHasher hasher;
    @Inject
    PasswordPolicy passwordPolicy;
    @Inject
    LoginThrottle throttle;
    @Inject
    ViewQuotaService quota;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    GatewayConfig config;

    private final SecureRandom random = new SecureRandom();

    public TokenResponse guest() {
        Account account = QuarkusTransaction.requiringNew().call(() -> {
            Account a = newAccount(null, null, "guest", "guest", Set.of("guest"));
            a.persist();
            return a;
        });
        return issue(account, UUID.randomUUID());
    }

    public TokenResponse register(AuthApi.RegisterRequest request) {
        String email = normalizeEmail(request.email());
        passwordPolicy.check(request.password(), email);
        Optional<UUID> guest = Optional.ofNullable(request.guestToken()).filter(t -> !t.isBlank()).map(this::guestId);
        String hash = hasher.hash(request.password());
        Account account = QuarkusTransaction.requiringNew().call(() -> {
            if (Account.findByEmail(email) != null) {
                throw ProblemException.conflict("An account with this e-mail already exists. Sign in instead.");
            }
            Account a = newAccount(email, hash, request.accountType(), "free", Set.of(request.accountType()));
            a.persist();
            Account.getEntityManager().flush();
            if (guest.isPresent()) {
                Account g = Account.findById(guest.get());
                if (g == null || !g.isGuest() || g.mergedInto != null) {
                    throw ProblemException.invalidField("guestToken", "belongs to no guest that can still be carried over");
                }
                g.mergedInto = a.id;
                g.updatedAt = Instant.now();
                Account.getEntityManager().flush();
                try {
                    carryOver(g.id, a.id);
                } catch (SQLException e) {
                    throw new IllegalStateException("could not carry the guest's views over", e);
                }
                RefreshToken.update("revokedAt = ?1 where accountId = ?2 and revokedAt is null", Instant.now(), g.id);
            }
            return a;
        });
        return issue(account, UUID.randomUUID());
    }

    private void carryOver(UUID guest, UUID account) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            quota.carryOver(c, guest, account);
        }
    }

    private UUID guestId(String guestToken) {
        JsonWebToken jwt = tokens.verify(guestToken).orElseThrow(() -> ProblemException.invalidField("guestToken",
                "is not a valid guest token (get a fresh one from POST /api/auth/guest)"));
        Caller caller = Caller.of(jwt);
        if (!"guest".equals(caller.plan())) {
            throw ProblemException.invalidField("guestToken", "is not a guest token");
        }
        return UUID.fromString(caller.subject());
    }

    public TokenResponse login(AuthApi.LoginRequest request, String clientAddress) {
        String email = normalizeEmail(request.email());
        String key = LoginThrottle.key(email, clientAddress);
        try {
            throttle.checkAllowed(key);
            Account account = QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email));
            boolean ok = hasher.verify(request.password(), account == null ? null : account.passwordHash);
            if (!ok) {
                throttle.recordFailure(key);
                throw ProblemException.unauthorized(WRONG_CREDENTIALS);
            }
            throttle.recordSuccess(key);
            return issue(account, UUID.randomUUID());
        } catch (SQLException e) {
            throw new IllegalStateException("login storage failed", e);
        }
    }

    public TokenResponse refresh(String refreshToken) {
        String hash = sha256(refreshToken);
        record Rotation(Account account, UUID family) {
        }
        Rotation rotation = QuarkusTransaction.requiringNew().call(() -> {
            RefreshToken stored = RefreshToken.findById(hash, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (stored == null || stored.expiresAt.isBefore(Instant.now())) {
                return null;
            }
            if (stored.revokedAt != null) {
                if (stored.replacedBy != null) {
                    // a rotated token used again: it was stolen or replayed, so end the whole sign-in
                    RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null",
                            Instant.now(), stored.familyId);
                }
                return null;
            }
            Account account = Account.findById(stored.accountId);
            if (account == null || account.mergedInto != null) {
                return null;
            }
            stored.revokedAt = Instant.now();
            return new Rotation(account, stored.familyId);
        });
        if (rotation == null) {
            throw ProblemException.unauthorized("The refresh token is unknown, expired or already used. Sign in again.");
        }
        TokenResponse response = issue(rotation.account(), rotation.family());
        QuarkusTransaction.requiringNew().run(() ->
                RefreshToken.update("replacedBy = ?1 where tokenHash = ?2", sha256(response.refreshToken()), hash));
        return response;
    }

    public void logout(String refreshToken) {
        String hash = sha256(refreshToken);
        QuarkusTransaction.requiringNew().run(() -> {
            RefreshToken stored = RefreshToken.findById(hash);
            if (stored != null) {
                RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null",
                        Instant.now(), stored.familyId);
            }
        });
    }

    private TokenResponse issue(Account account, UUID family) {
        TokenService.IssuedToken access = tokens.accessToken(account);
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            RefreshToken token = new RefreshToken();
            token.tokenHash = sha256(refresh);
            token.accountId = account.id;
            token.familyId = family;
            token.issuedAt = now;
            token.expiresAt = now.plus(config.jwt().refreshTtl());
            token.persist();
        });
        return new TokenResponse(access.token(), "Bearer", access.expiresInSeconds(), refresh,
                config.jwt().refreshTtl().toSeconds(), AccountView.of(account));
    }

    static Account newAccount(String email, String hash, String type, String plan, Set<String> roles) {
        Account a = new Account();
        a.id = UUID.randomUUID();
        a.email = email;
        a.passwordHash = hash;
        a.accountType = type;
        a.plan = plan;
        a.setRoles(roles);
        a.createdAt = Instant.now();
        a.updatedAt = a.createdAt;
        return a;
    }

    static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Used by the admin bootstrap: an account with the admin role. */
    public Account ensureAdmin(String email, String password) {
        String normalized = normalizeEmail(email);
        return QuarkusTransaction.requiringNew().call(() -> {
            Account existing = Account.findByEmail(normalized);
            if (existing == null) {
                Account a = newAccount(normalized, hasher.hash(password), "coder", "pro", Set.of("coder", "admin"));
                a.persist();
                return a;
            }
            Set<String> roles = existing.roleSet();
            if (roles.add("admin")) {
                existing.setRoles(roles);
                existing.updatedAt = Instant.now();
            }
            return existing;
        });
    }
}
