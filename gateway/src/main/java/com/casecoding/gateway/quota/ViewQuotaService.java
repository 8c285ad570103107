package com.casecoding.gateway.quota;

import com.casecoding.gateway.config.GatewayConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;

/**
 * Counts distinct code pages per account per calendar month. A view is reserved before the request is routed and
 * released if code-service does not answer 200, so the limit holds under any concurrency: the period row is locked
 * ({@code SELECT ... FOR UPDATE}) while one view is decided, which serialises parallel requests of one account across
 * every gateway replica that shares the database.
 */
@ApplicationScoped
public class ViewQuotaService {

    public enum Outcome { COUNTED, ALREADY_SEEN, UNLIMITED, REFUSED }

    /**
     * What was decided; {@code remaining} is -1 when unlimited. {@code reservation} names a view this decision counted
     * (outcome {@code COUNTED}): only that reservation can be given back.
     */
    public record Decision(Outcome outcome, int used, int limit, int remaining, String period, UUID reservation) {
        Decision(Outcome outcome, int used, int limit, int remaining, String period) {
            this(outcome, used, limit, remaining, period, null);
        }

        public boolean allowed() {
            return outcome != Outcome.REFUSED;
        }
    }

    public record Usage(String period, int used, int limit, int remaining) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    GatewayConfig config;

    Clock clock = Clock.systemUTC();

    public String currentPeriod() {
        return YearMonth.now(clock.withZone(config.quota().zone())).toString();
    }

    /** The decision for a plan without a limit: nothing is counted, nothing stored. */
    public Decision unlimited() {
        return new Decision(Outcome.UNLIMITED, 0, -1, -1, currentPeriod());
    }

    /** Decides one view of {@code codeKey} for an account whose token carries {@code limit} (-1 = unlimited). */
    public Decision reserve(UUID account, String codeKey, int limit) throws SQLException {
        if (limit < 0) {
            return unlimited();
        }
        String period = currentPeriod();
        try (Connection c = dataSource.getConnection()) {
            Decision seen = alreadySeen(c, account, period, codeKey, limit);
            if (seen != null) {
                return seen;
            }
            c.setAutoCommit(false);
            try {
                Decision decision = reserve(c, account, period, codeKey, limit);
                c.commit();
                return decision;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * A code seen before this month is free again: one read, no lock. When the view is still a reservation that its
     * request could give back (the page may not have been served yet), it is pinned first: this request relies on
     * it, so it is never given back. Null when the code was not seen (or its reservation was given back meanwhile).
     */
    private static Decision alreadySeen(Connection c, UUID account, String period, String codeKey, int limit)
            throws SQLException {
        try (PreparedStatement seen = c.prepareStatement(
                "select p.used, v.reservation from code_view v join view_period p"
                        + " on p.account_id = v.account_id and p.period = v.period"
                        + " where v.account_id = ? and v.period = ? and v.code_key = ?")) {
            seen.setObject(1, account);
            seen.setString(2, period);
            seen.setString(3, codeKey);
            try (ResultSet rs = seen.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                int used = rs.getInt(1);
                if (rs.getObject(2) != null && !pin(c, account, period, codeKey)) {
                    return null;
                }
                return new Decision(Outcome.ALREADY_SEEN, used, limit, Math.max(0, limit - used), period);
            }
        }
    }

    /** Makes a counted view permanent (no give-back can undo it); false when it was given back already. */
    private static boolean pin(Connection c, UUID account, String period, String codeKey) throws SQLException {
        try (PreparedStatement pin = c.prepareStatement(
                "update code_view set reservation = null where account_id = ? and period = ? and code_key = ?")) {
            pin.setObject(1, account);
            pin.setString(2, period);
            pin.setString(3, codeKey);
            return pin.executeUpdate() == 1;
        }
    }

    private Decision reserve(Connection c, UUID account, String period, String codeKey, int limit) throws SQLException {
        try (PreparedStatement ensure = c.prepareStatement(
                "insert into view_period (account_id, period, used) values (?, ?, 0) on conflict do nothing")) {
            ensure.setObject(1, account);
            ensure.setString(2, period);
            ensure.executeUpdate();
        }
        int used = lockPeriod(c, account, period);
        if (pin(c, account, period, codeKey)) {
            return new Decision(Outcome.ALREADY_SEEN, used, limit, Math.max(0, limit - used), period);
        }
        if (used >= limit) {
            return new Decision(Outcome.REFUSED, used, limit, 0, period);
        }
        UUID reservation = UUID.randomUUID();
        try (PreparedStatement insert = c.prepareStatement(
                "insert into code_view (account_id, period, code_key, reservation) values (?, ?, ?, ?)");
             PreparedStatement count = c.prepareStatement(
                     "update view_period set used = used + 1 where account_id = ? and period = ?")) {
            insert.setObject(1, account);
            insert.setString(2, period);
            insert.setString(3, codeKey);
            insert.setObject(4, reservation);
            insert.executeUpdate();
            count.setObject(1, account);
            count.setString(2, period);
            count.executeUpdate();
        }
        return new Decision(Outcome.COUNTED, used + 1, limit, limit - used - 1, period, reservation);
    }

    /** Locks the account's period row until commit and returns the views used; -1 when the row does not exist. */
    private static int lockPeriod(Connection c, UUID account, String period) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(
                "select used from view_period where account_id = ? and period = ? for update")) {
            lock.setObject(1, account);
            lock.setString(2, period);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    /**
     * Gives back the view counted by {@link #reserve} under {@code reservation} when its page was not served (unknown
     * code, upstream error). Nothing happens when another request relied on the view meanwhile.
     */
    public void release(UUID account, String period, String codeKey, UUID reservation) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement(
                         "delete from code_view where account_id = ? and period = ? and code_key = ? and reservation = ?");
                 PreparedStatement count = c.prepareStatement(
                         "update view_period set used = used - 1 where account_id = ? and period = ? and used > 0")) {
                lockPeriod(c, account, period);
                delete.setObject(1, account);
                delete.setString(2, period);
                delete.setString(3, codeKey);
                delete.setObject(4, reservation);
                if (delete.executeUpdate() == 1) {
                    count.setObject(1, account);
                    count.setString(2, period);
                    count.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    public Usage usage(UUID account, int limit) throws SQLException {
        String period = currentPeriod();
        int used = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select used from view_period where account_id = ? and period = ?")) {
            q.setObject(1, account);
            q.setString(2, period);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    used = rs.getInt(1);
                }
            }
        }
        return new Usage(period, used, limit, limit < 0 ? -1 : Math.max(0, limit - used));
    }

    /**
     * Moves a guest's views into the account that replaces it (registration with a guest token), so the views a guest
     * used count against the new account. Runs inside the caller's transaction connection.
     */
    public void carryOver(Connection c, UUID guest, UUID account) throws SQLException {
        try (PreparedStatement periods = c.prepareStatement(
                "insert into view_period (account_id, period, used) "
                        + "select ?, period, 0 from view_period where account_id = ? on conflict do nothing");
             PreparedStatement views = c.prepareStatement(
                     "insert into code_view (account_id, period, code_key, viewed_at) "
                             + "select ?, period, code_key, viewed_at from code_view where account_id = ? "
                             + "on conflict do nothing");
             PreparedStatement recount = c.prepareStatement(
                     "update view_period p set used = (select count(*) from code_view v "
                             + "where v.account_id = p.account_id and v.period = p.period) where p.account_id = ?");
             PreparedStatement clear = c.prepareStatement("delete from view_period where account_id = ?")) {
            periods.setObject(1, account);
            periods.setObject(2, guest);
            periods.executeUpdate();
            views.setObject(1, account);
            views.setObject(2, guest);
            views.executeUpdate();
            recount.setObject(1, account);
            recount.executeUpdate();
            clear.setObject(1, guest);
            clear.executeUpdate();
        }
    }
}
