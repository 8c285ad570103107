package com.casecoding.gateway.proxy;

import com.casecoding.common.security.Hashes;
import com.casecoding.gateway.support.GatewayTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limits over replicas (issue 27): two counters on one database, each syncing by hand at chosen moments on a
 * chosen clock, stand for two gateway replicas. The two-gateway system test (ReplicasFollowOneDataIT) checks the same
 * through real processes.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class SharedRateWindowsTest {

    /** 10:00:00 of some day, in milliseconds since the epoch: the start of a minute. */
    static final long MINUTE_START = 1_780_000_000L / 60 * 60 * 1000;

    @Inject
    AgroalDataSource dataSource;

    private SharedRateWindows replica(AtomicLong clock) {
        SharedRateWindows r = new SharedRateWindows();
        r.dataSource = dataSource;
        r.clock = clock::get;
        return r;
    }

    private static int allowed(SharedRateWindows replica, String key, int limit, int attempts) {
        int allowed = 0;
        for (int i = 0; i < attempts; i++) {
            if (replica.take(key, limit).retryAfterSeconds() == 0) {
                allowed++;
            }
        }
        return allowed;
    }

    @Test
    void twoReplicasTogetherAllowTheLimitOnce() throws SQLException {
        AtomicLong clock = new AtomicLong(MINUTE_START + 5_000);
        SharedRateWindows a = replica(clock);
        SharedRateWindows b = replica(clock);
        String key = "assistant|sub:" + UUID.randomUUID();

        assertEquals(6, allowed(a, key, 10, 6));
        a.sync();
        assertEquals(1, allowed(b, key, 10, 1)); // b has not seen a's six yet: counted, and synced next
        b.sync();
        assertEquals(3, allowed(b, key, 10, 8), "b now knows of a's six: three more fit under ten");
        b.sync();
        a.sync();
        assertEquals(0, allowed(a, key, 10, 5), "a knows of b's four");
        assertEquals(10, stored(key, MINUTE_START / 60_000));
    }

    @Test
    void theLimitHoldsOverASlidingMinute() throws SQLException {
        AtomicLong clock = new AtomicLong(MINUTE_START + 50_000);
        SharedRateWindows a = replica(clock);
        SharedRateWindows b = replica(clock);
        String key = "search|ip:" + UUID.randomUUID();
        assertEquals(10, allowed(a, key, 10, 12));
        a.sync();
        // 25 s later (15 s into the next minute): the previous minute still weighs 45/60 = 7.5 of its 10
        clock.set(MINUTE_START + 75_000);
        assertEquals(1, allowed(b, key, 10, 1)); // new to b: counted, and b syncs
        b.sync();
        assertEquals(1, allowed(b, key, 10, 5), "7.5 + 1 + 1 fit under ten, 7.5 + 3 does not");
        long wait = b.take(key, 10).retryAfterSeconds();
        assertEquals(3, wait, "room for one more when the previous minute weighs 7 of its 10, 3 s later");
        // two minutes later the earlier requests have left the window
        clock.set(MINUTE_START + 190_000);
        b.sync();
        assertEquals(10, allowed(b, key, 10, 12));
    }

    @Test
    void aRefusalSaysHowLongToWait() {
        AtomicLong clock = new AtomicLong(MINUTE_START + 30_000);
        SharedRateWindows a = replica(clock);
        String key = "jobs|sub:" + UUID.randomUUID();
        assertEquals(4, allowed(a, key, 4, 4));
        // all four in this minute: no room before the next minute starts (30 s), and then until 1 - 3/4 of it is over
        assertEquals(45, a.take(key, 4).retryAfterSeconds());
        RateCounter.Taken refused = a.take(key, 4);
        assertEquals(0, refused.remaining());
        assertEquals(90, refused.resetSeconds(), "this minute's requests leave the sliding minute at the end of the next");
    }

    @Test
    void countsAreNotLostWhenTheDatabaseDoesNotAnswer() throws Exception {
        AtomicLong clock = new AtomicLong(MINUTE_START + 1_000);
        SharedRateWindows a = replica(clock);
        SharedRateWindows b = replica(clock);
        String key = "assistant|sub:" + UUID.randomUUID();
        assertEquals(5, allowed(a, key, 10, 5));
        a.dataSource = null; // no database: the sync fails
        assertThrows(RuntimeException.class, a::sync);
        assertEquals(5, allowed(a, key, 10, 8), "a still counts its own five");
        a.dataSource = dataSource;
        a.sync();
        assertEquals(10, stored(key, MINUTE_START / 60_000), "the five kept and the five after them");
        b.sync();
        assertEquals(1, allowed(b, key, 10, 1));
        b.sync();
        assertEquals(0, allowed(b, key, 10, 1));
    }

    @Test
    void concurrentRequestsOnTwoReplicasAddUpExactly() throws Exception {
        AtomicLong clock = new AtomicLong(MINUTE_START + 2_000);
        SharedRateWindows a = replica(clock);
        SharedRateWindows b = replica(clock);
        String key = "search|sub:" + UUID.randomUUID();
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        for (SharedRateWindows r : new SharedRateWindows[]{a, b, a, b}) {
            pool.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    if (r.take(key, 100_000).retryAfterSeconds() == 0) {
                        allowed.incrementAndGet();
                    }
                    if (i % 50 == 0) {
                        try {
                            r.sync();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                done.countDown();
                return null;
            });
        }
        assertTrue(done.await(60, TimeUnit.SECONDS));
        pool.shutdown();
        a.sync();
        b.sync();
        assertEquals(1000, allowed.get());
        assertEquals(1000, stored(key, MINUTE_START / 60_000), "every request counted once, none lost in a sync");
    }

    @Test
    void rowsBeforeThePreviousMinuteAreDeleted() throws SQLException {
        AtomicLong clock = new AtomicLong(MINUTE_START + 1_000);
        SharedRateWindows a = replica(clock);
        String key = "jobs|ip:" + UUID.randomUUID();
        allowed(a, key, 10, 3);
        a.sync();
        assertEquals(3, stored(key, MINUTE_START / 60_000));
        clock.set(MINUTE_START + 3 * 60_000 + 1_000);
        a.sync();
        assertEquals(0, stored(key, MINUTE_START / 60_000));
    }

    private int stored(String key, long minute) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select requests from rate_window where bucket = ? and window_start = ?")) {
            s.setString(1, Hashes.sha256Hex(key));
            s.setLong(2, minute);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
