package com.casecoding.gateway.accounts;

import com.casecoding.gateway.config.GatewayConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Deletes guests nobody can use any more, every {@code gateway.guest.purge-every}: a guest whose every access token has
 * expired (the last one was issued more than {@code guest-access-ttl} ago) and whose refresh tokens are all spent,
 * revoked or expired. Its code page views and refresh tokens go with it (foreign keys with {@code on delete cascade});
 * a guest carried over into an account has already given its views to that account. Deletes in batches, so a large
 * backlog never holds one long transaction.
 */
@ApplicationScoped
public class GuestPurge {

    private static final Logger LOG = Logger.getLogger(GuestPurge.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    GatewayConfig config;
    @Inject
    Clock clock;

    @Scheduled(every = "${gateway.guest.purge-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() throws SQLException {
        int deleted = purge();
        if (deleted > 0) {
            LOG.infof("Deleted %d guests whose tokens have all expired", deleted);
        }
    }

    /** Deletes every guest that can no longer be used; returns how many. */
    public int purge() throws SQLException {
        Instant now = clock.instant();
        Timestamp lastTokenBefore = Timestamp.from(now.minus(config.jwt().guestAccessTtl()));
        int total = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("delete from account where id in (select a.id from account a"
                     + " where a.plan = 'guest' and a.created_at < ? and not exists (select 1 from refresh_token r"
                     + " where r.account_id = a.id and (r.issued_at >= ? or (r.revoked_at is null and r.expires_at > ?)))"
                     + " limit ?)")) {
            delete.setTimestamp(1, lastTokenBefore);
            delete.setTimestamp(2, lastTokenBefore);
            delete.setTimestamp(3, Timestamp.from(now));
            delete.setInt(4, config.guest().purgeBatch());
            int deleted;
            do {
                deleted = delete.executeUpdate();
                total += deleted;
            } while (deleted == config.guest().purgeBatch());
        }
        return total;
    }
}
