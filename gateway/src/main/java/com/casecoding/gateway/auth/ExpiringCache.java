package com.casecoding.gateway.auth;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded map whose entries each carry their own expiry (epoch milliseconds, normally a token's {@code exp}). An entry
 * is returned only while the given time is before its expiry, checked at every use; an expired entry is dropped when met.
 * At most {@code maxEntries}: when full, expired entries go first, and if it is still full about a quarter of the entries
 * are dropped (whatever they held is simply computed again on next use). A size of 0 turns the cache off.
 * <p>
 * Used by {@link TokenService} for the callers of verified access tokens (keyed by the exact token string).
 */
public final class ExpiringCache<V> {

    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final ConcurrentHashMap<String, Entry<V>> entries;
    private final int maxEntries;

    public ExpiringCache(int maxEntries) {
        this.maxEntries = Math.max(0, maxEntries);
        this.entries = new ConcurrentHashMap<>(Math.min(this.maxEntries, 1024));
    }

    /** The value stored under {@code key} if it does not expire before {@code atMillis}, else null. */
    public V get(String key, long atMillis) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (atMillis >= entry.expiresAtMillis()) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    /** Stores a value until {@code expiresAtMillis}; nothing is stored when that is not after {@code nowMillis}. */
    public void put(String key, V value, long expiresAtMillis, long nowMillis) {
        if (maxEntries == 0 || expiresAtMillis <= nowMillis) {
            return;
        }
        if (entries.size() >= maxEntries) {
            makeRoom(nowMillis);
        }
        entries.put(key, new Entry<>(value, expiresAtMillis));
    }

    private synchronized void makeRoom(long nowMillis) {
        if (entries.size() < maxEntries) {
            return;
        }
        entries.values().removeIf(e -> nowMillis >= e.expiresAtMillis());
        int target = maxEntries - Math.max(1, maxEntries / 4);
        Iterator<Map.Entry<String, Entry<V>>> it = entries.entrySet().iterator();
        while (entries.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
    }
}
