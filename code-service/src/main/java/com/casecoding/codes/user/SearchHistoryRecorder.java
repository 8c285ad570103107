package com.casecoding.codes.user;

import com.casecoding.codes.search.SearchConfig;
import com.casecoding.codes.search.SearchPerformed;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes registered users' searches to their history off the request path: a search only puts its entry into a
 * bounded queue; one background thread writes what has queued up in batches (one transaction per batch), and whoever
 * reads a history first writes what is pending, so a user always sees their latest search. When the queue is full
 * (the database is down or far behind) an entry is dropped and counted (metric {@code search_history_dropped_total}),
 * never the search delayed. At shutdown everything queued is written before the service stops.
 */
@ApplicationScoped
public class SearchHistoryRecorder {

    private static final Logger LOG = Logger.getLogger(SearchHistoryRecorder.class);
    /** Entries written per transaction at most. */
    static final int BATCH = 500;

    private record Pending(String subject, String query, String systems, long total, Timestamp at) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SearchConfig config;

    private volatile BlockingQueue<Pending> queue;
    /** One writer at a time, so the entries of one user are written in the order they were searched. */
    private final ReentrantLock writing = new ReentrantLock();
    private final Counter dropped = Metrics.counter("search_history_dropped_total");
    private volatile Thread worker;
    private volatile boolean stopping;

    void start(@Observes StartupEvent event) {
        queue();
        stopping = false;
        Thread t = new Thread(this::run, "search-history-writer");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int left = flush();
        LOG.infof("search history: %d pending search(es) written at shutdown", left);
    }

    void onSearch(@Observes SearchPerformed search) {
        if (search.subject() == null || search.subject().length() > 64) {
            return;
        }
        String systems = search.systems().isEmpty() ? null : String.join(",", search.systems());
        if (!queue().offer(new Pending(search.subject(), search.query().strip(), systems, search.total(),
                Timestamp.from(search.at())))) {
            dropped.increment();
        }
    }

    /** Writes everything queued now (the caller waits); returns how many entries were written. */
    public int flush() {
        int written = 0;
        writing.lock();
        try {
            List<Pending> batch = new ArrayList<>();
            while (queue().drainTo(batch, BATCH) > 0) {
                written += write(batch);
                batch.clear();
            }
        } finally {
            writing.unlock();
        }
        return written;
    }

    /** Entries waiting to be written (for tests and metrics). */
    int pending() {
        return queue().size();
    }

    private BlockingQueue<Pending> queue() {
        BlockingQueue<Pending> q = queue;
        if (q == null) {
            synchronized (this) {
                if (queue == null) {
                    queue = new ArrayBlockingQueue<>(Math.max(1, config.historyQueue()));
                }
                q = queue;
            }
        }
        return q;
    }

    private void run() {
        while (!stopping) {
            try {
                Pending first = queue().poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                writing.lock();
                try {
                    List<Pending> batch = new ArrayList<>();
                    batch.add(first);
                    queue().drainTo(batch, BATCH - 1);
                    write(batch);
                } finally {
                    writing.unlock();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("search history batch not written: %s", e.getMessage());
            }
        }
    }

    /**
     * One transaction: per user, in search order, a search repeating the user's newest one only refreshes its time;
     * others are added; then the user's history is cut to {@code casecoding.search.history-size}.
     */
    private int write(List<Pending> batch) {
        Map<String, List<Pending>> bySubject = new LinkedHashMap<>();
        batch.forEach(p -> bySubject.computeIfAbsent(p.subject(), s -> new ArrayList<>()).add(p));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Map.Entry<String, List<Pending>> e : bySubject.entrySet()) {
                    writeSubject(c, e.getKey(), e.getValue());
                }
                c.commit();
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            }
        } catch (SQLException ex) {
            LOG.warnf("search history: %d entries not written: %s", batch.size(), ex.getMessage());
            return 0;
        }
        return batch.size();
    }

    private void writeSubject(Connection c, String subject, List<Pending> entries) throws SQLException {
        long newestId = -1;
        String newestQuery = null;
        String newestSystems = null;
        try (PreparedStatement ps = c.prepareStatement("select id, query, systems from user_search_history "
                + "where subject = ? order by searched_at desc, id desc limit 1")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    newestId = rs.getLong(1);
                    newestQuery = rs.getString(2);
                    newestSystems = rs.getString(3);
                }
            }
        }
        try (PreparedStatement refresh = c.prepareStatement(
                "update user_search_history set searched_at = ?, result_count = ? where id = ?");
             PreparedStatement insert = c.prepareStatement("insert into user_search_history "
                     + "(subject, query, systems, result_count, searched_at) values (?, ?, ?, ?, ?) returning id")) {
            for (Pending p : entries) {
                if (newestId >= 0 && p.query().equals(newestQuery) && Objects.equals(p.systems(), newestSystems)) {
                    refresh.setTimestamp(1, p.at());
                    refresh.setLong(2, p.total());
                    refresh.setLong(3, newestId);
                    refresh.executeUpdate();
                    continue;
                }
                insert.setString(1, subject);
                insert.setString(2, p.query());
                insert.setString(3, p.systems());
                insert.setLong(4, p.total());
                insert.setTimestamp(5, p.at());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    newestId = rs.getLong(1);
                }
                newestQuery = p.query();
                newestSystems = p.systems();
            }
        }
        try (PreparedStatement trim = c.prepareStatement("delete from user_search_history where id in (select id "
                + "from user_search_history where subject = ? order by searched_at desc, id desc offset ?)")) {
            trim.setString(1, subject);
            trim.setInt(2, config.historySize());
            trim.executeUpdate();
        }
    }
}
