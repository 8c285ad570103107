package com.casecoding.gateway.auth;

import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The revocations in force, in memory (see {@link Revocations}): ended sign-ins by {@code sid}, and per account the
 * lowest token version still accepted, each until a given time (epoch ms) after which every token it concerns has
 * expired anyway. At most {@code maxEntries}: beyond that, expired entries go first, then those that end soonest.
 */
final class RevocationSet {

    private static final Logger LOG = Logger.getLogger(RevocationSet.class);

    private record Raised(int version, long untilMillis) {
    }

    private final Map<String, Long> sessions = new ConcurrentHashMap<>();
    private final Map<String, Raised> accounts = new ConcurrentHashMap<>();
    private final int maxEntries;

    RevocationSet(int maxEntries) {
        this.maxEntries = Math.max(1, maxEntries);
    }

    boolean sessionEnded(String session, long nowMillis) {
        if (session == null || sessions.isEmpty()) {
            return false;
        }
        Long until = sessions.get(session);
        return until != null && nowMillis < until;
    }

    boolean versionOutdated(String account, int version, long nowMillis) {
        if (account == null || accounts.isEmpty()) {
            return false;
        }
        Raised raised = accounts.get(account);
        return raised != null && nowMillis < raised.untilMillis() && version < raised.version();
    }

    void endSession(String session, long untilMillis, long nowMillis) {
        sessions.merge(session, untilMillis, Math::max);
        bound(nowMillis);
    }

    void raiseVersion(String account, int version, long untilMillis, long nowMillis) {
        accounts.merge(account, new Raised(version, untilMillis), (a, b) -> new Raised(Math.max(a.version(),
                b.version()), Math.max(a.untilMillis(), b.untilMillis())));
        bound(nowMillis);
    }

    void dropExpired(long nowMillis) {
        sessions.values().removeIf(until -> until <= nowMillis);
        accounts.values().removeIf(r -> r.untilMillis() <= nowMillis);
    }

    int size() {
        return sessions.size() + accounts.size();
    }

    private void bound(long nowMillis) {
        if (size() <= maxEntries) {
            return;
        }
        synchronized (this) {
            dropExpired(nowMillis);
            int excess = size() - maxEntries;
            if (excess <= 0) {
                return;
            }
            LOG.warnf("More than %d token revocations are in force: the %d whose tokens expire soonest are dropped "
                    + "(raise gateway.revocation.max-entries)", maxEntries, excess);
            record Entry(long until, Runnable remove) {
            }
            Stream.concat(
                    sessions.entrySet().stream().map(e -> new Entry(e.getValue(), () -> sessions.remove(e.getKey()))),
                    accounts.entrySet().stream().map(e -> new Entry(e.getValue().untilMillis(),
                            () -> accounts.remove(e.getKey()))))
                    .sorted(Comparator.comparingLong(Entry::until)).limit(excess).toList()
                    .forEach(e -> e.remove().run());
        }
    }
}
