package com.casecoding.gateway.accounts;

import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.gateway.config.GatewayConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Slows down password guessing on one e-mail from one client address: after a few free failures each further failure
 * makes the next attempt wait twice as long, up to a cap. The key is a hash of e-mail and client address, and unknown
 * e-mails are throttled exactly like known ones, so the answers reveal nothing about which accounts exist; and an
 * attacker elsewhere cannot lock the real owner out, while the cap means nobody is locked out for long.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    GatewayConfig config;

    public static String key(String email, String clientAddress) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((email.toLowerCase(Locale.ROOT).trim() + "|" + clientAddress)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses with 429 and Retry-After while the key is waiting out a delay. */
    public void checkAllowed(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select locked_until from login_throttle where email_key = ?")) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next() && rs.getTimestamp(1) != null) {
                    Instant until = rs.getTimestamp(1).toInstant();
                    long wait = Duration.between(Instant.now(), until).toSeconds() + 1;
                    if (until.isAfter(Instant.now())) {
                        throw new ProblemException(ProblemType.RATE_LIMITED, 429, ProblemType.RATE_LIMITED.title(),
                                "Too many failed sign-ins for this e-mail. Try again in " + wait
                                        + " seconds, or reset your password.", List.of())
                                .header("Retry-After", Long.toString(wait));
                    }
                }
            }
        }
    }

    public void recordFailure(String key) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            int failures;
            try (PreparedStatement up = c.prepareStatement(
                    "insert into login_throttle (email_key, failures, last_failure_at) values (?, 1, now()) "
                            + "on conflict (email_key) do update set failures = login_throttle.failures + 1, "
                            + "last_failure_at = now() returning failures")) {
                up.setString(1, key);
                try (ResultSet rs = up.executeQuery()) {
                    rs.next();
                    failures = rs.getInt(1);
                }
            }
            int over = failures - config.login().freeFailures();
            if (over >= 0) {
                long base = config.login().baseDelay().toMillis();
                long delay = Math.min(config.login().maxDelay().toMillis(), base << Math.min(over, 30));
                try (PreparedStatement lock = c.prepareStatement(
                        "update login_throttle set locked_until = ? where email_key = ?")) {
                    lock.setTimestamp(1, Timestamp.from(Instant.now().plusMillis(delay)));
                    lock.setString(2, key);
                    lock.executeUpdate();
                }
            }
        }
    }

    public void recordSuccess(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement d = c.prepareStatement("delete from login_throttle where email_key = ?")) {
            d.setString(1, key);
            d.executeUpdate();
        }
    }
}
