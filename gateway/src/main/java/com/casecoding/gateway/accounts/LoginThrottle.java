package com.casecoding.gateway.accounts;

import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.common.security.Hashes;
import com.casecoding.gateway.config.GatewayConfig;
import com.casecoding.gateway.web.IpAddress;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Slows down password guessing without letting anyone lock a user out. Failed sign-ins are counted under three keys,
 * each with its own number of free failures, after which every further failure makes the next attempt under that key
 * wait twice as long (from {@code base-delay} up to {@code max-delay}; counts are forgotten {@code forget-after} the
 * last failure):
 * <ol>
 *   <li><b>this e-mail from this address</b> ({@code free-failures}): someone guessing one account from one place;</li>
 *   <li><b>this address, any e-mail</b> ({@code address-free-failures}): credential stuffing or password spraying
 *   from one place;</li>
 *   <li><b>this e-mail, any address</b> ({@code account-free-failures}): one account guessed from many places.</li>
 * </ol>
 * The last two are shared by many people (an office behind one address, an account attacked by a botnet), so they
 * never hold back a sign-in from a <em>familiar network</em>: one from which this account signed in successfully
 * before (its /24 or /48, remembered for {@code familiar-for}). A victim whose account is under attack still signs in
 * from home or work at once; only the attacker's own e-mail-and-address key, and the aggregated keys for networks
 * the account was never used from, slow down. Success clears only its own e-mail-and-address key: an attacker with one
 * working account cannot reset the counters of their address or of someone else's account.
 * <p>
 * Keys are SHA-256 hashes, and unknown e-mails are counted exactly like registered ones (an unknown e-mail has no
 * familiar network), so nothing in the answers tells which accounts exist.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    /** The three counters of one sign-in attempt, and the account's familiar-network key. */
    public record Keys(String pair, String address, String account, String familiar) {
        List<String> all() {
            return List.of(pair, address, account);
        }
    }

    /** The keys for a sign-in with {@code email} (already normalised) from {@code client}. */
    public static Keys keys(String email, IpAddress client) {
        return new Keys(sha256("pair|" + email + "|" + client.bucket()), sha256("address|" + client.bucket()),
                sha256("account|" + email), sha256("familiar|" + email + "|" + client.network(24, 48)));
    }

    /** Refuses with 429 and Retry-After while one of the keys that applies is waiting out a delay. */
    public void checkAllowed(Keys keys) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            Map<String, Instant> locks = lockedUntil(c, keys.all(), now);
            if (locks.isEmpty()) {
                return;
            }
            Instant pair = locks.get(keys.pair());
            if (pair != null) {
                throw tooMany(now, pair, "Too many failed sign-ins for this e-mail from your address.");
            }
            if (familiar(c, keys.familiar(), now)) {
                return;
            }
            Instant address = locks.get(keys.address());
            if (address != null) {
                throw tooMany(now, address, "Too many failed sign-ins from your address.");
            }
            Instant account = locks.get(keys.account());
            if (account != null) {
                throw tooMany(now, account, "Too many failed sign-ins for this e-mail from new places; sign-ins from "
                        + "where you signed in before are not held back.");
            }
        }
    }

    /** Refuses with 429 while this address is waiting out a delay (registration: its conflicts count as failures). */
    public void checkAddress(IpAddress client) throws SQLException {
        Instant now = clock.instant();
        String key = sha256("address|" + client.bucket());
        try (Connection c = dataSource.getConnection()) {
            Instant until = lockedUntil(c, List.of(key), now).get(key);
            if (until != null) {
                throw tooMany(now, until, "Too many failed attempts from your address.");
            }
        }
    }

    /** A failed sign-in: every key counts it. */
    public void recordFailure(Keys keys) throws SQLException {
        GatewayConfig.Login login = config.login();
        try (Connection c = dataSource.getConnection()) {
            count(c, keys.pair(), login.freeFailures());
            count(c, keys.address(), login.addressFreeFailures());
            count(c, keys.account(), login.accountFreeFailures());
        }
    }

    /** A registration refused because the e-mail is taken: an enumeration probe counts against the address. */
    public void recordConflict(IpAddress client) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            count(c, sha256("address|" + client.bucket()), config.login().addressFreeFailures());
        }
    }

    /** A successful sign-in: its own e-mail-and-address counter is cleared and its network becomes familiar. */
    public void recordSuccess(Keys keys) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement d = c.prepareStatement("delete from login_throttle where throttle_key = ?")) {
                d.setString(1, keys.pair());
                d.executeUpdate();
            }
            try (PreparedStatement f = c.prepareStatement(
                    "insert into login_familiar_network (familiar_key, last_success_at) values (?, ?) "
                            + "on conflict (familiar_key) do update set last_success_at = excluded.last_success_at")) {
                f.setString(1, keys.familiar());
                f.setTimestamp(2, now);
                f.executeUpdate();
            }
        }
    }

    /** Counters whose last failure is older than forget-after, and networks not used for familiar-for, go. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() throws SQLException {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement d = c.prepareStatement("delete from login_throttle where last_failure_at < ?")) {
                d.setTimestamp(1, Timestamp.from(now.minus(config.login().forgetAfter())));
                d.executeUpdate();
            }
            try (PreparedStatement d = c.prepareStatement(
                    "delete from login_familiar_network where last_success_at < ?")) {
                d.setTimestamp(1, Timestamp.from(now.minus(config.login().familiarFor())));
                d.executeUpdate();
            }
        }
    }

    private void count(Connection c, String key, int freeFailures) throws SQLException {
        GatewayConfig.Login login = config.login();
        Instant now = clock.instant();
        int failures;
        try (PreparedStatement up = c.prepareStatement(
                "insert into login_throttle (throttle_key, failures, last_failure_at) values (?, 1, ?) "
                        + "on conflict (throttle_key) do update set failures = case when login_throttle.last_failure_at"
                        + " < ? then 1 else login_throttle.failures + 1 end, last_failure_at = excluded.last_failure_at"
                        + " returning failures")) {
            up.setString(1, key);
            up.setTimestamp(2, Timestamp.from(now));
            up.setTimestamp(3, Timestamp.from(now.minus(login.forgetAfter())));
            try (ResultSet rs = up.executeQuery()) {
                rs.next();
                failures = rs.getInt(1);
            }
        }
        int over = failures - freeFailures;
        if (over >= 0) {
            long base = login.baseDelay().toMillis();
            long delay = Math.min(login.maxDelay().toMillis(), base << Math.min(over, 30));
            try (PreparedStatement lock = c.prepareStatement(
                    "update login_throttle set locked_until = ? where throttle_key = ?")) {
                lock.setTimestamp(1, Timestamp.from(now.plusMillis(delay)));
                lock.setString(2, key);
                lock.executeUpdate();
            }
        }
    }

    private Map<String, Instant> lockedUntil(Connection c, List<String> keys, Instant now) throws SQLException {
        Map<String, Instant> locked = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement(
                "select throttle_key, locked_until from login_throttle where throttle_key = any (?) "
                        + "and locked_until > ? and last_failure_at >= ?")) {
            q.setArray(1, c.createArrayOf("varchar", keys.toArray()));
            q.setTimestamp(2, Timestamp.from(now));
            q.setTimestamp(3, Timestamp.from(now.minus(config.login().forgetAfter())));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    locked.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return locked;
    }

    private boolean familiar(Connection c, String key, Instant now) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "select 1 from login_familiar_network where familiar_key = ? and last_success_at >= ?")) {
            q.setString(1, key);
            q.setTimestamp(2, Timestamp.from(now.minus(config.login().familiarFor())));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static ProblemException tooMany(Instant now, Instant until, String why) {
        long wait = Math.max(1, Duration.between(now, until).toMillis() / 1000 + 1);
        return new ProblemException(ProblemType.RATE_LIMITED, 429, ProblemType.RATE_LIMITED.title(),
                why + " Try again in " + wait + " seconds.", List.of())
                .header("Retry-After", Long.toString(wait));
    }

    static String sha256(String value) {
        return Hashes.sha256Hex(value);
    }
}
