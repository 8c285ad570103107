package com.casecoding.gateway.proxy;

import com.casecoding.common.security.Hashes;
import com.casecoding.gateway.config.GatewayConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Rate limits counted over every gateway replica ({@code gateway.rate-limit-scope=cluster}): each replica's requests
 * are added up per key and minute in table {@code rate_window}, so N replicas allow what one would.
 * <p>
 * A limit of L per minute holds over a sliding minute, estimated from two fixed minute windows: the previous minute's
 * count weighted by the share of it still inside the last 60 s, plus the current minute's count (two counters per key,
 * the estimate large rate limiters use). Every request is decided in memory, against everybody's counts as of the last
 * sync plus this replica's requests since then; no request waits for the database. Every
 * {@code gateway.rate-limit-sync} (200 ms) one background thread adds this replica's new counts to the table and reads
 * back the totals of the keys it added to or that are past half their limit; a key new to this replica syncs at once.
 * So other replicas' requests are seen one sync late: a burst spread over R replicas can pass the limit by what R - 1
 * of them let through in one interval.
 * <p>
 * Keys are stored as SHA-256 (no account id or address in the table). While the database does not answer, counts are
 * kept (one warning) and added when it answers again, and decisions go on with what is known. Rows older than the
 * previous minute are deleted once a minute; keys idle for two minutes are forgotten. At shutdown the last counts are
 * written.
 */
@ApplicationScoped
public class SharedRateWindows implements RateCounter {

    private static final Logger LOG = Logger.getLogger(SharedRateWindows.class);
    static final long WINDOW_MILLIS = 60_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    GatewayConfig config;

    /** Wall clock in milliseconds: every replica's minutes must be the same minutes. */
    LongSupplier clock = System::currentTimeMillis;
    /** How often the background thread syncs; none without it (a test syncs by hand). */
    Duration syncEvery;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /** Counts of a minute that ended before they were synced: added at the next sync. */
    private final ConcurrentLinkedQueue<Count> late = new ConcurrentLinkedQueue<>();
    private volatile ScheduledExecutorService syncer;
    private volatile boolean failing;
    private final AtomicBoolean wake = new AtomicBoolean();
    private long purgedBefore;

    /** Requests of one stored key in one minute. */
    record Count(String bucket, long window, int requests) {
    }

    /** What this replica knows of one key; guarded by itself. */
    static final class Window {
        final String bucket;
        /** The minute (since the epoch) that {@link #current} and {@link #pending} count. */
        long window;
        /** Every replica's requests in the minute before {@link #window}, as of the last sync. */
        int previous;
        /** Every replica's requests in {@link #window} as of the last sync (this one's synced requests included). */
        int current;
        /** This replica's requests in {@link #window} on their way to the database. */
        int inFlight;
        /** This replica's requests in {@link #window} not synced yet. */
        int pending;
        int limit;
        long lastUsed;
        /** Forgotten by a sync: a request that still holds it counts on a new one. */
        boolean evicted;

        Window(String bucket, long window) {
            this.bucket = bucket;
            this.window = window;
        }

        /** Moves on to {@code minute}: what was counted becomes the previous minute, unsynced requests go to late. */
        void roll(long minute, ConcurrentLinkedQueue<Count> late) {
            if (minute <= window) {
                return;
            }
            if (pending > 0) {
                late.add(new Count(bucket, window, pending));
            }
            previous = minute == window + 1 ? current + inFlight + pending : 0;
            current = 0;
            inFlight = 0;
            pending = 0;
            window = minute;
        }

        double estimate(long now) {
            double inWindow = (now % WINDOW_MILLIS) / (double) WINDOW_MILLIS;
            return previous * (1 - inWindow) + current + inFlight + pending;
        }

        /** Whole seconds until none of the counted requests is inside the sliding minute any more. */
        long resetSeconds(long now) {
            long toNextMinute = (WINDOW_MILLIS - now % WINDOW_MILLIS + 999) / 1000;
            if (current + inFlight + pending > 0) {
                return toNextMinute + WINDOW_MILLIS / 1000;
            }
            return previous > 0 ? toNextMinute : 0;
        }

        /** Whole seconds (at least 1) until one more request fits under {@code limit}. */
        long retryAfterSeconds(long now) {
            double inWindow = (now % WINDOW_MILLIS) / (double) WINDOW_MILLIS;
            int mine = current + inFlight + pending;
            double wait;
            if (mine + 1 > limit) {
                // not before the next minute, and then until this minute's weight has dropped far enough
                wait = (1 - inWindow) + Math.max(0, 1 - (limit - 1) / (double) mine);
            } else {
                wait = Math.max(0, 1 - (limit - 1 - mine) / (double) previous) - inWindow;
            }
            return Math.max(1, (long) Math.ceil(wait * WINDOW_MILLIS / 1000.0 - 1e-6)); // not 4 s for 3.0000001
        }
    }

    @Override
    public Taken take(String key, int perMinute) {
        startSyncing();
        long now = clock.getAsLong();
        long minute = now / WINDOW_MILLIS;
        while (true) {
            Window w = windows.get(key);
            if (w == null) {
                Window fresh = new Window(Hashes.sha256Hex(key), minute);
                w = windows.putIfAbsent(key, fresh);
                if (w == null) {
                    w = fresh;
                    syncSoon(); // new to this replica: learn what the others counted at once, not at the next interval
                }
            }
            synchronized (w) {
                if (w.evicted) {
                    continue;
                }
                w.roll(minute, late);
                w.limit = perMinute;
                w.lastUsed = now;
                double estimate = w.estimate(now);
                long wait = 0;
                if (estimate + 1 <= perMinute) {
                    w.pending++;
                    estimate++;
                } else {
                    wait = w.retryAfterSeconds(now);
                }
                return new Taken(wait, (int) Math.max(0, Math.floor(perMinute - estimate)), w.resetSeconds(now));
            }
        }
    }

    @Override
    public void evictIdle() {
        // done by every sync
    }

    @Override
    public int keys() {
        return windows.size();
    }

    @Override
    public boolean holds(String key) {
        return windows.containsKey(key);
    }

    @PostConstruct
    void init() {
        syncEvery = config.rateLimitSync();
    }

    private void startSyncing() {
        if (syncer == null && syncEvery != null) {
            synchronized (this) {
                if (syncer == null) {
                    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "rate-limit-sync");
                        t.setDaemon(true);
                        return t;
                    });
                    long every = Math.max(10, syncEvery.toMillis());
                    s.scheduleWithFixedDelay(this::syncQuietly, every, every, TimeUnit.MILLISECONDS);
                    syncer = s;
                }
            }
        }
    }

    /** One extra sync as soon as the thread is free (at most one waiting). */
    private void syncSoon() {
        ScheduledExecutorService s = syncer;
        if (s != null && wake.compareAndSet(false, true)) {
            try {
                s.execute(() -> {
                    wake.set(false);
                    syncQuietly();
                });
            } catch (RejectedExecutionException e) {
                wake.set(false); // shutting down
            }
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        ScheduledExecutorService s = syncer;
        if (s != null) {
            s.shutdown();
            s.awaitTermination(5, TimeUnit.SECONDS);
            syncQuietly();
        }
    }

    private void syncQuietly() {
        try {
            sync();
            if (failing) {
                failing = false;
                LOG.info("Rate-limit counts are shared again: the database answers.");
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warnf("Rate-limit counts cannot be shared (%s): this replica counts on its own until the database "
                        + "answers; nothing counted is lost.", e.getMessage());
            }
        }
    }

    /**
     * Adds this replica's new counts to the stored ones and reads back the totals of the keys it added to or that are
     * past half their limit; forgets idle keys and, once a minute, deletes rows no replica needs any more.
     */
    synchronized void sync() throws SQLException {
        long now = clock.getAsLong();
        long minute = now / WINDOW_MILLIS;
        Map<Window, Integer> sent = new IdentityHashMap<>();
        List<Window> refresh = new ArrayList<>();
        List<Count> lateSent = new ArrayList<>();
        for (Map.Entry<String, Window> e : windows.entrySet()) {
            Window w = e.getValue();
            synchronized (w) {
                w.roll(minute, late);
                if (w.pending > 0) {
                    sent.put(w, w.pending);
                    w.inFlight += w.pending;
                    w.pending = 0;
                    refresh.add(w);
                } else if (w.estimate(now) * 2 >= w.limit) {
                    refresh.add(w);
                } else if (now - w.lastUsed > 2 * WINDOW_MILLIS && w.inFlight == 0) {
                    w.evicted = true;
                    windows.remove(e.getKey(), w);
                }
            }
        }
        // counts of minutes that ended, including those the rolls above just moved here
        for (Count c; (c = late.poll()) != null; ) {
            lateSent.add(c);
        }
        if (sent.isEmpty() && lateSent.isEmpty() && refresh.isEmpty() && purgedBefore >= minute - 1) {
            return;
        }
        Map<String, Map<Long, Integer>> totals;
        try (Connection c = dataSource.getConnection()) {
            add(c, sent, lateSent);
            totals = read(c, refresh, minute);
            if (purgedBefore < minute - 1) {
                try (PreparedStatement purge = c.prepareStatement("delete from rate_window where window_start < ?")) {
                    purge.setLong(1, minute - 1);
                    purge.executeUpdate();
                }
                purgedBefore = minute - 1;
            }
        } catch (SQLException | RuntimeException e) {
            // nothing counted is lost: back to pending (or late, when the minute has moved on meanwhile)
            sent.forEach((w, n) -> {
                synchronized (w) {
                    if (w.window == minute) {
                        w.inFlight -= n;
                        w.pending += n;
                    } else {
                        late.add(new Count(w.bucket, minute, n));
                    }
                }
            });
            late.addAll(lateSent);
            throw e;
        }
        for (Window w : refresh) {
            synchronized (w) {
                if (w.window != minute) {
                    continue; // rolled on meanwhile: what was sent is in its previous minute already
                }
                w.inFlight -= sent.getOrDefault(w, 0);
                Map<Long, Integer> stored = totals.getOrDefault(w.bucket, Map.of());
                w.current = Math.max(w.current, stored.getOrDefault(minute, 0));
                w.previous = Math.max(w.previous, stored.getOrDefault(minute - 1, 0));
            }
        }
    }

    /** Adds the counts; rows in one order (bucket, minute), so that replicas adding at once never deadlock. */
    private static void add(Connection c, Map<Window, Integer> sent, List<Count> lateSent) throws SQLException {
        Map<String, Integer> byRow = new TreeMap<>();
        sent.forEach((w, n) -> byRow.merge(w.bucket + "|" + w.window, n, Integer::sum));
        lateSent.forEach(l -> byRow.merge(l.bucket() + "|" + l.window(), l.requests(), Integer::sum));
        if (byRow.isEmpty()) {
            return;
        }
        String[] buckets = new String[byRow.size()];
        Long[] minutes = new Long[byRow.size()];
        Integer[] requests = new Integer[byRow.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : byRow.entrySet()) {
            int bar = e.getKey().indexOf('|');
            buckets[i] = e.getKey().substring(0, bar);
            minutes[i] = Long.parseLong(e.getKey().substring(bar + 1));
            requests[i++] = e.getValue();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into rate_window (bucket, window_start, requests)
                select * from unnest(?::varchar[], ?::bigint[], ?::integer[])
                on conflict (bucket, window_start) do update set requests = rate_window.requests + excluded.requests""")) {
            Array b = c.createArrayOf("varchar", buckets);
            Array m = c.createArrayOf("bigint", minutes);
            Array r = c.createArrayOf("integer", requests);
            insert.setArray(1, b);
            insert.setArray(2, m);
            insert.setArray(3, r);
            insert.executeUpdate();
        }
    }

    /** Stored totals of the current and previous minute of these keys: bucket -> minute -> requests. */
    private static Map<String, Map<Long, Integer>> read(Connection c, List<Window> refresh, long minute)
            throws SQLException {
        Map<String, Map<Long, Integer>> totals = new HashMap<>();
        if (refresh.isEmpty()) {
            return totals;
        }
        try (PreparedStatement select = c.prepareStatement(
                "select bucket, window_start, requests from rate_window where bucket = any(?) and window_start >= ?")) {
            select.setArray(1, c.createArrayOf("varchar", refresh.stream().map(w -> w.bucket).distinct()
                    .toArray(String[]::new)));
            select.setLong(2, minute - 1);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    totals.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getInt(3));
                }
            }
        }
        return totals;
    }
}
