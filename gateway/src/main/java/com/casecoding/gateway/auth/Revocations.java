package com.casecoding.gateway.auth;

import com.casecoding.gateway.config.GatewayConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Access tokens that stop working before their {@code exp}. Two kinds of entry, each stored in {@code token_revocation}
 * and kept in memory until every token it concerns has expired anyway:
 * <ul>
 *   <li>an <b>ended sign-in</b> (sign-out, a reused refresh token, a guest carried over into an account): tokens with
 *   that {@code sid} are refused;</li>
 *   <li>a <b>raised token version</b> (roles or plan changed by an admin): the account's tokens with a lower
 *   {@code ver} are refused, so a demoted admin's token loses its rights at once; a refresh gives a token with the
 *   new roles.</li>
 * </ul>
 * Every token the gateway accepts is checked against the in-memory entries ({@link #refusal}: two map look-ups, no
 * database). The replica that records an entry applies it when its transaction commits; the others read new entries
 * from the database every {@code gateway.revocation.poll-interval} (1 s). A token with the admin role is in addition
 * checked against the stored account on every request ({@link #storedRefusal}), so privileged operations never rely
 * on another replica having polled. The entries in memory are bounded ({@code gateway.revocation.max-entries}); beyond
 * that the ones whose tokens expire soonest are dropped first, and a warning is logged.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class);

    /** Rows are read again this long after they were seen, so one whose transaction committed late is not missed. */
    static final Duration POLL_OVERLAP = Duration.ofMinutes(1);
    public static final String SIGNED_OUT = "This sign-in has ended (signed out, or its refresh token was used twice). "
            + "Sign in again.";
    public static final String OUTDATED = "This token is older than a change to its account (roles or plan changed, "
            + "or a guest carried into an account): refresh it (POST /api/auth/refresh) or sign in again.";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    GatewayConfig config;
    @Inject
    Clock clock;
    @Inject
    TransactionSynchronizationRegistry transactions;

    private volatile RevocationSet inForce;
    /** Database time of the last poll. */
    private volatile Timestamp polledAt;
    private volatile boolean pollFailing;

    @PostConstruct
    void init() {
        inForce = new RevocationSet(config.revocation().maxEntries());
    }

    /** Loads the revocations in force (stored by any replica) before the first poll. */
    void onStart(@Observes @Priority(10) StartupEvent event) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select clock_timestamp()");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            Timestamp now = rs.getTimestamp(1);
            read(c, "expires_at > ?", Timestamp.from(clock.instant()));
            polledAt = now;
        }
    }

    /** Why the caller's token no longer counts (a problem detail), or null: memory only, for every request. */
    public String refusal(Caller caller) {
        if (caller.anonymous()) {
            return null;
        }
        long now = clock.millis();
        if (inForce.sessionEnded(caller.session(), now)) {
            return SIGNED_OUT;
        }
        return inForce.versionOutdated(caller.subject(), caller.version(), now) ? OUTDATED : null;
    }

    /**
     * The same question asked of the database (blocking): for privileged tokens ({@link Caller#privileged()}), so a
     * demoted admin is refused on every replica at once. Also refuses when the account no longer exists.
     */
    public String storedRefusal(Caller caller) throws SQLException {
        UUID account;
        try {
            account = UUID.fromString(caller.subject());
        } catch (IllegalArgumentException e) {
            return "This token does not name an account.";
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select a.token_version, exists (select 1 from token_revocation r"
                     + " where r.session_id = ? and r.expires_at > ?) from account a where a.id = ?")) {
            q.setObject(1, caller.session() == null ? null : uuidOrNull(caller.session()), java.sql.Types.OTHER);
            q.setTimestamp(2, Timestamp.from(clock.instant()));
            q.setObject(3, account);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return "This account no longer exists.";
                }
                if (rs.getBoolean(2)) {
                    return SIGNED_OUT;
                }
                return caller.version() < rs.getInt(1) ? OUTDATED : null;
            }
        }
    }

    /**
     * Ends the sign-in {@code session} of {@code account}: its access tokens (which live at most {@code tokenLifetime})
     * stop working. Joins the current transaction if there is one, and takes effect here when it commits.
     */
    public void endSession(UUID account, UUID session, Duration tokenLifetime) {
        long until = insert(account, session, null, tokenLifetime);
        afterCommit(() -> inForce.endSession(session.toString(), until, clock.millis()));
    }

    /**
     * Tokens of {@code account} with a version below {@code version} stop working (they live at most
     * {@code tokenLifetime}). The caller stores the account's new version in the same transaction.
     */
    public void raiseVersion(UUID account, int version, Duration tokenLifetime) {
        long until = insert(account, null, version, tokenLifetime);
        afterCommit(() -> inForce.raiseVersion(account.toString(), version, until, clock.millis()));
    }

    /**
     * Reads the entries other replicas stored since the last poll. While the database is unreachable the poll fails
     * quietly (one warning); the next successful poll reads everything since the last one that worked.
     */
    @Scheduled(every = "${gateway.revocation.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        try {
            poll();
            if (pollFailing) {
                pollFailing = false;
                LOG.info("Token revocations are read from the database again");
            }
        } catch (SQLException | RuntimeException e) {
            if (!pollFailing) {
                pollFailing = true;
                LOG.warnf("Token revocations of other replicas cannot be read (%s); retrying every poll",
                        e.getMessage());
            }
        }
    }

    void poll() throws SQLException {
        Timestamp since = polledAt;
        if (since == null) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            Timestamp now;
            try (PreparedStatement q = c.prepareStatement("select clock_timestamp()"); ResultSet rs = q.executeQuery()) {
                rs.next();
                now = rs.getTimestamp(1);
            }
            read(c, "created_at >= ?", Timestamp.from(since.toInstant().minus(POLL_OVERLAP)));
            polledAt = now;
        }
    }

    /** Entries whose tokens have all expired are dropped, in memory and in the database. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() throws SQLException {
        long now = clock.millis();
        inForce.dropExpired(now);
        try (Connection c = dataSource.getConnection();
             PreparedStatement d = c.prepareStatement("delete from token_revocation where expires_at <= ?")) {
            d.setTimestamp(1, Timestamp.from(Instant.ofEpochMilli(now)));
            d.executeUpdate();
        }
    }

    int size() {
        return inForce.size();
    }

    private void read(Connection c, String condition, Timestamp value) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select session_id, account_id, min_version, expires_at"
                + " from token_revocation where " + condition)) {
            q.setTimestamp(1, value);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long until = rs.getTimestamp(4).getTime();
                    Object session = rs.getObject(1);
                    if (session != null) {
                        inForce.endSession(session.toString(), until, clock.millis());
                    } else {
                        inForce.raiseVersion(rs.getObject(2).toString(), rs.getInt(3), until, clock.millis());
                    }
                }
            }
        }
    }

    private long insert(UUID account, UUID session, Integer version, Duration tokenLifetime) {
        Instant now = clock.instant();
        Instant until = now.plus(tokenLifetime).plus(config.jwt().clockSkew());
        try (Connection c = dataSource.getConnection();
             PreparedStatement i = c.prepareStatement("insert into token_revocation (account_id, session_id,"
                     + " min_version, expires_at) values (?, ?, ?, ?)")) {
            i.setObject(1, account);
            i.setObject(2, session, java.sql.Types.OTHER);
            i.setObject(3, version, java.sql.Types.INTEGER);
            i.setTimestamp(4, Timestamp.from(until));
            i.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the revocation", e);
        }
        return until.toEpochMilli();
    }

    private void afterCommit(Runnable apply) {
        if (transactions.getTransactionKey() == null) {
            apply.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    apply.run();
                }
            }
        });
    }

    private static UUID uuidOrNull(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
