package com.casecoding.codes.release;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A bounded cache of what a feature derives from the loaded data (code statuses, serialized code pages, Tabular
 * chains, the assistant's code records, the admin texts the search index reads), emptied when the data changes ({@link ImportCompleted},
 * {@link CodeTextsChanged}, a new day). One policy for all of them: Caffeine's size-bounded eviction, by number of
 * entries or by weight (a page's bytes).
 * <p>
 * A value is kept under the generation of the data it was computed from. {@link #invalidateAll} starts a new
 * generation, so a computation that was already running when the data changed (a page built from the old release
 * while the import commits) cannot put its stale value where the next read would find it: with a map that is cleared
 * on import, that page would be served until the next import.
 */
public final class DerivedCache<K, V> {

    private record Slot<K>(long generation, K key) {
    }

    private final Cache<Slot<K>, V> cache;
    private final AtomicLong generation = new AtomicLong();

    private DerivedCache(Cache<Slot<K>, V> cache) {
        this.cache = cache;
    }

    /** At most {@code maxEntries} values. */
    public static <K, V> DerivedCache<K, V> ofSize(long maxEntries) {
        return new DerivedCache<>(Caffeine.newBuilder().maximumSize(Math.max(0, maxEntries))
                .executor(Runnable::run).build());
    }

    /** At most {@code maxEntries} values, each also forgotten {@code ttl} after it was computed. */
    public static <K, V> DerivedCache<K, V> ofSize(long maxEntries, Duration ttl) {
        return new DerivedCache<>(Caffeine.newBuilder().maximumSize(Math.max(0, maxEntries)).expireAfterWrite(ttl)
                .executor(Runnable::run).build());
    }

    /**
     * Values weighing at most {@code maxWeight} together ({@code weigher}: a page's length in bytes, say); a value
     * heavier than that alone is not kept.
     */
    public static <K, V> DerivedCache<K, V> ofWeight(long maxWeight, ToIntFunction<? super V> weigher) {
        return new DerivedCache<>(Caffeine.newBuilder().maximumWeight(Math.max(0, maxWeight))
                .weigher((Slot<K> slot, V value) -> weigher.applyAsInt(value)).executor(Runnable::run).build());
    }

    /** The value kept for {@code key} in this generation, or null (never computes: safe on an event loop). */
    public V getIfPresent(K key) {
        return cache.getIfPresent(new Slot<>(generation.get(), key));
    }

    /**
     * The value of {@code key}, computed and kept when absent. {@code compute} runs outside any lock of the cache (it
     * may read other caches, or this one); two callers that miss at once may both compute.
     */
    public V get(K key, Function<? super K, ? extends V> compute) {
        long now = generation.get();
        V value = cache.getIfPresent(new Slot<>(now, key));
        if (value == null) {
            value = compute.apply(key);
            put(now, key, value);
        }
        return value;
    }

    /** The generation now: read it before computing a value that {@link #put(long, Object, Object)} keeps. */
    public long generation() {
        return generation.get();
    }

    /** Keeps a value computed in {@code generation}; dropped when the data has changed since. */
    public void put(long generation, K key, V value) {
        if (value != null && generation == this.generation.get()) {
            cache.put(new Slot<>(generation, key), value);
        }
    }

    /** Forgets every value: the data they were derived from has changed. */
    public void invalidateAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /** The entries kept, or their total weight for a weighted cache (tests and metrics). */
    public long weight() {
        cache.cleanUp();
        var eviction = cache.policy().eviction();
        if (eviction.isPresent() && eviction.get().weightedSize().isPresent()) {
            return eviction.get().weightedSize().getAsLong();
        }
        return cache.estimatedSize();
    }

    /** Changes the bound (entries, or weight for a weighted cache); tests use a small one. */
    public void maximum(long maximum) {
        cache.policy().eviction().ifPresent(e -> e.setMaximum(Math.max(0, maximum)));
    }
}
