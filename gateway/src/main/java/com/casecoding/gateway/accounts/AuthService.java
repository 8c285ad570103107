package com.casecoding.gateway.accounts;

import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.gateway.accounts.AuthApi.AccountView;
import com.casecoding.gateway.accounts.AuthApi.TokenResponse;
import com.casecoding.gateway.auth.Caller;
import com.casecoding.gateway.auth.Revocations;
import com.casecoding.gateway.auth.TokenService;
import com.casecoding.gateway.config.GatewayConfig;
import com.casecoding.gateway.quota.ViewQuotaService;
import com.casecoding.gateway.web.Cidr;
import com.casecoding.gateway.web.IpAddress;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Guests, registration, sign-in, refresh-token rotation and sign-out. */
@ApplicationScoped
public class AuthService {

    private static final String WRONG_CREDENTIALS = "E-mail or password is wrong.";
    private static final String REFRESH_REFUSED =
            "The refresh token is unknown, expired or already used. Sign in again.";
    private static final String GUEST_ELSEWHERE = "This guest token belongs to another network. Get a new one from "
            + "POST /api/auth/guest, or register a free account.";

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
    @Inject
    Revocations revocations;
    @Inject
    Clock clock;

    private final SecureRandom random = new SecureRandom();

    /**
     * A guest for {@code client}: at most {@code gateway.guest.max-per-address} per address and
     * {@code gateway.guest.window} (429 with Retry-After beyond), its tokens bound to the client's network.
     */
    public TokenResponse guest(IpAddress client) {
        String from = LoginThrottle.sha256("guest|" + client.bucket());
        Cidr network = client.network(config.guest().ipv4Prefix(), config.guest().ipv6Prefix());
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Duration wait = guestWait(from, now);
            if (wait != null) {
                long seconds = Math.max(1, wait.toSeconds());
                throw new ProblemException(ProblemType.RATE_LIMITED, 429, ProblemType.RATE_LIMITED.title(),
                        "Your address has had " + config.guest().maxPerAddress() + " guest tokens in the last "
                                + describe(config.guest().window()) + ". Use the one you have, register a free "
                                + "account, or try again in " + seconds + " seconds.", List.of())
                        .header("Retry-After", Long.toString(seconds));
            }
            Account a = newAccount(null, null, "guest", "guest", Set.of("guest"), now);
            a.createdFrom = from;
            a.guestNetwork = network.toString();
            a.persist();
            return issue(a, UUID.randomUUID(), now);
        });
    }

    /**
     * How long until this address may have another guest, or null when it may now. Runs in the issuing transaction,
     * under a lock per address, so parallel requests (on any replica) cannot together exceed the limit.
     */
    private Duration guestWait(String from, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, Long.parseUnsignedLong(from.substring(0, 15), 16));
                lock.execute();
            }
            try (PreparedStatement count = c.prepareStatement("select count(*), min(created_at) from account "
                    + "where plan = 'guest' and created_from = ? and created_at > ?")) {
                count.setString(1, from);
                count.setTimestamp(2, Timestamp.from(now.minus(config.guest().window())));
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) < config.guest().maxPerAddress()) {
                        return null;
                    }
                    return Duration.between(now, rs.getTimestamp(2).toInstant().plus(config.guest().window()));
                }
            }
        }
    }

    /**
     * A free account, signed in. An e-mail that is taken answers 409 (see the gateway README, "Registration and
     * existing e-mails"): the hash is computed first so both answers cost the same, and each 409 counts as a failure
     * of the client's address in the login throttle, so probing many e-mails from one address slows down like
     * password guessing does.
     */
    public TokenResponse register(AuthApi.RegisterRequest request, IpAddress client) {
        String email = normalizeEmail(request.email());
        passwordPolicy.check(request.password(), email);
        Optional<UUID> guest = Optional.ofNullable(request.guestToken()).filter(t -> !t.isBlank()).map(this::guestId);
        try {
            throttle.checkAddress(client);
        } catch (SQLException e) {
            throw new IllegalStateException("login throttle storage failed", e);
        }
        String hash = hasher.hash(request.password());
        Instant now = clock.instant();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (Account.findByEmail(email) != null) {
                    throw ProblemException.conflict("An account with this e-mail already exists. Sign in instead.");
                }
                Account a = newAccount(email, hash, request.accountType(), "free", Set.of(request.accountType()), now);
                a.persist();
                Account.getEntityManager().flush();
                if (guest.isPresent()) {
                    carryOver(guest.get(), a, now);
                }
                return issue(a, UUID.randomUUID(), now);
            });
        } catch (ProblemException e) {
            if (e.status() == 409) {
                try {
                    throttle.recordConflict(client);
                } catch (SQLException ignored) {
                    // the answer is the conflict either way
                }
            }
            throw e;
        }
    }

    /** The guest's views go to the new account; the guest's tokens stop working. */
    private void carryOver(UUID guestId, Account account, Instant now) throws SQLException {
        Account g = Account.findById(guestId, LockModeType.PESSIMISTIC_WRITE);
        if (g == null || !g.isGuest() || g.mergedInto != null) {
            throw ProblemException.invalidField("guestToken", "belongs to no guest that can still be carried over");
        }
        g.mergedInto = account.id;
        g.updatedAt = now;
        g.tokenVersion++;
        Account.getEntityManager().flush();
        try (Connection c = dataSource.getConnection()) {
            quota.carryOver(c, g.id, account.id);
        }
        RefreshToken.update("revokedAt = ?1 where accountId = ?2 and revokedAt is null", now, g.id);
        revocations.raiseVersion(g.id, g.tokenVersion, config.jwt().guestAccessTtl());
    }

    private UUID guestId(String guestToken) {
        Caller caller = tokens.caller(guestToken).orElseThrow(() -> ProblemException.invalidField("guestToken",
                "is not a valid guest token (get a fresh one from POST /api/auth/guest)"));
        if (!"guest".equals(caller.plan())) {
            throw ProblemException.invalidField("guestToken", "is not a guest token");
        }
        return UUID.fromString(caller.subject());
    }

    public TokenResponse login(AuthApi.LoginRequest request, IpAddress client) {
        String email = normalizeEmail(request.email());
        LoginThrottle.Keys keys = LoginThrottle.keys(email, client);
        try {
            throttle.checkAllowed(keys);
            Account account = QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email));
            // a 503 (no hashing capacity) leaves before anything is counted: it says nothing about the password
            boolean ok = hasher.verify(request.password(), account == null ? null : account.passwordHash);
            if (!ok) {
                throttle.recordFailure(keys);
                throw ProblemException.unauthorized(WRONG_CREDENTIALS);
            }
            throttle.recordSuccess(keys);
            return QuarkusTransaction.requiringNew().call(() -> issue(account, UUID.randomUUID(), clock.instant()));
        } catch (SQLException e) {
            throw new IllegalStateException("login storage failed", e);
        }
    }

    /** What one refresh ended in: new tokens, or the reason it was refused (the transaction still commits). */
    private record Refreshed(TokenResponse tokens, String refusal) {
    }

    /**
     * Rotates a refresh token: the old one is spent and a new one of the same sign-in is issued, in one transaction.
     * A spent token used again ends the whole sign-in (its refresh tokens and its access tokens), unless it was
     * rotated less than {@code refresh-reuse-grace} ago from the same address and has been used again fewer than
     * {@code refresh-reuse-grace-uses} times: then it gives a second token of the same sign-in (two tabs refreshing
     * at once both stay signed in). A stolen token replayed from elsewhere, or later, still ends the sign-in.
     */
    public TokenResponse refresh(String refreshToken, IpAddress client) {
        String hash = sha256(refreshToken);
        String from = LoginThrottle.sha256("refresh|" + client.bucket());
        Instant now = clock.instant();
        Refreshed result = QuarkusTransaction.requiringNew().call(() -> {
            RefreshToken stored = RefreshToken.findById(hash, LockModeType.PESSIMISTIC_WRITE);
            if (stored == null || !stored.expiresAt.isAfter(now)) {
                return new Refreshed(null, REFRESH_REFUSED);
            }
            Account account = Account.findById(stored.accountId);
            if (account == null || account.mergedInto != null) {
                return new Refreshed(null, REFRESH_REFUSED);
            }
            if (account.isGuest() && !guestNetworkHolds(account, client)) {
                return new Refreshed(null, GUEST_ELSEWHERE);
            }
            if (stored.revokedAt != null) {
                if (stored.replacedBy == null) {
                    return new Refreshed(null, REFRESH_REFUSED);
                }
                boolean inGrace = !now.isAfter(stored.revokedAt.plus(config.jwt().refreshReuseGrace()))
                        && from.equals(stored.rotatedBy) && stored.graceUses < config.jwt().refreshReuseGraceUses();
                if (!inGrace) {
                    // a rotated token used again: it was stolen or replayed, so end the whole sign-in
                    RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now,
                            stored.familyId);
                    revocations.endSession(account.id, stored.familyId, accessTtl(account));
                    return new Refreshed(null, REFRESH_REFUSED);
                }
                stored.graceUses++;
                return new Refreshed(issue(account, stored.familyId, now), null);
            }
            TokenResponse next = issue(account, stored.familyId, now);
            stored.revokedAt = now;
            stored.replacedBy = sha256(next.refreshToken());
            stored.rotatedBy = from;
            return new Refreshed(next, null);
        });
        if (result.tokens() == null) {
            throw ProblemException.unauthorized(result.refusal());
        }
        return result.tokens();
    }

    /** Ends the sign-in of {@code refreshToken}: its refresh tokens and its access tokens stop working. */
    public void logout(String refreshToken) {
        String hash = sha256(refreshToken);
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            RefreshToken stored = RefreshToken.findById(hash);
            if (stored == null) {
                return;
            }
            RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, stored.familyId);
            Account account = Account.findById(stored.accountId);
            revocations.endSession(stored.accountId, stored.familyId,
                    account == null ? config.jwt().guestAccessTtl() : accessTtl(account));
        });
    }

    private boolean guestNetworkHolds(Account guest, IpAddress client) {
        try {
            return guest.guestNetwork == null || Cidr.parse(guest.guestNetwork).contains(client);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** How long {@code account}'s access tokens live. */
    Duration accessTtl(Account account) {
        return account.isGuest() ? config.jwt().guestAccessTtl() : config.jwt().accessTtl();
    }

    /** New tokens of the sign-in {@code family}; must run in a transaction (the refresh token is stored in it). */
    private TokenResponse issue(Account account, UUID family, Instant now) {
        TokenService.IssuedToken access = tokens.accessToken(account.tokenSubject(), family,
                account.isGuest() ? account.guestNetwork : null);
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        RefreshToken token = new RefreshToken();
        token.tokenHash = sha256(refresh);
        token.accountId = account.id;
        token.familyId = family;
        token.issuedAt = now;
        token.expiresAt = now.plus(config.jwt().refreshTtl());
        token.persist();
        return new TokenResponse(access.token(), "Bearer", access.expiresInSeconds(), refresh,
                config.jwt().refreshTtl().toSeconds(), AccountView.of(account));
    }

    static Account newAccount(String email, String hash, String type, String plan, Set<String> roles, Instant now) {
        Account a = new Account();
        a.id = UUID.randomUUID();
        a.email = email;
        a.passwordHash = hash;
        a.accountType = type;
        a.plan = plan;
        a.setRoles(roles);
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    static String sha256(String value) {
        return LoginThrottle.sha256(value);
    }

    private static String describe(Duration window) {
        long minutes = window.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60 == 1 ? "hour" : minutes / 60 + " hours") : minutes + " minutes";
    }

    /** The transaction-scoped advisory lock that serializes the first-admin creation across gateways. */
    static final long ADMIN_BOOTSTRAP_LOCK = 0x636173656164L; // "casead"

    /** Used by the admin bootstrap: an account with the admin role (created once, however many gateways start). */
    public Account ensureAdmin(String email, String password) {
        String normalized = normalizeEmail(email);
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            // gateways starting together on an empty database: the first creates the account, the others wait here
            // and then find it (without the lock both would insert and the second would fail its start on the
            // unique e-mail)
            Account.getEntityManager().createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:key)")
                    .setParameter("key", ADMIN_BOOTSTRAP_LOCK).getSingleResult();
            Account existing = Account.findByEmail(normalized);
            if (existing == null) {
                Account a = newAccount(normalized, hasher.hash(password), "coder", "pro", Set.of("coder", "admin"), now);
                a.persist();
                return a;
            }
            Set<String> roles = existing.roleSet();
            if (roles.add("admin")) {
                existing.setRoles(roles);
                existing.updatedAt = now;
            }
            return existing;
        });
    }
}
