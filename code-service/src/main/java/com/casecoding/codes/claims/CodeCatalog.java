package com.casecoding.codes.claims;

import com.casecoding.codes.imports.ImportCompleted;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Code validity on a date from the imported code sets (tables of {@code com.casecoding.codes.imports}): the release
 * of a system in effect on a date is the newest one effective on or before it; a code missing from it but present
 * in an older release was deleted, present only in a newer one is not yet effective. The releases holding a code
 * are read once per code (one indexed query for all new codes of a claim) and kept until the next import.
 */
@ApplicationScoped
public class CodeCatalog {

    public enum Status { VALID, HEADER, NOT_YET_EFFECTIVE, DELETED, UNKNOWN, NO_RELEASE_FOR_DATE, SYSTEM_NOT_LOADED }

    /** {@code date}: effective date (not yet effective) or the first day without the code (deleted). */
    public record Lookup(String system, String code, Status status, LocalDate date, Release release) {
    }

    public record Release(long id, String system, String version, LocalDate effectiveDate) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** Releases of each system, oldest first. */
    private volatile Map<String, List<Release>> releases = Map.of();

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    // before the code page drops its cached pages (default observer priority), so no page is rebuilt from old tables
    void onImport(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) ImportCompleted event) {
        reload();
    }

    /** Releases holding each code looked up so far (release id -> header flag); dropped on reload. */
    private volatile Map<Key, Map<Long, Boolean>> found = new ConcurrentHashMap<>();
    private static final int CACHE_CODES = 200_000;

    public void reload() {
        Map<String, List<Release>> map = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, dataset, version, effective_date from "
                     + "codes.code_release where dataset = any(?) order by effective_date, id")) {
            ps.setArray(1, c.createArrayOf("varchar", new String[]{"cpt", "hcpcs", "icd10cm"}));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Release r = new Release(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getDate(4).toLocalDate());
                    map.computeIfAbsent(r.system(), k -> new ArrayList<>()).add(r);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the code releases", e);
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        releases = Map.copyOf(map);
        found = new ConcurrentHashMap<>();
    }

    /** Level II modifiers come in the HCPCS release files: stored as system {@code modifier} of an {@code hcpcs} release. */
    static String dataset(String system) {
        return system.equals("modifier") ? "hcpcs" : system;
    }

    public boolean loaded(String system) {
        return releases.containsKey(dataset(system));
    }

    /** A key for {@link #lookup}: system and normalized code. */
    public record Key(String system, String code) {
    }

    /** Looks every code up with one indexed query. */
    public Map<Key, Lookup> lookup(Collection<Key> keys, LocalDate date) {
        Map<Key, Lookup> out = new HashMap<>();
        Map<String, List<Release>> rel = releases;
        List<Key> wanted = new ArrayList<>();
        for (Key k : keys) {
            if (!rel.containsKey(dataset(k.system()))) {
                out.put(k, new Lookup(k.system(), k.code(), Status.SYSTEM_NOT_LOADED, null, null));
            } else {
                wanted.add(k);
            }
        }
        Map<Key, Map<Long, Boolean>> cache = found;
        List<Key> missing = wanted.stream().filter(k -> !cache.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            load(missing, cache);
        }
        for (Key k : wanted) {
            out.put(k, judge(k, rel.get(dataset(k.system())), cache.getOrDefault(k, Map.of()), date));
        }
        return out;
    }

    private void load(List<Key> wanted, Map<Key, Map<Long, Boolean>> cache) {
        Map<Key, Map<Long, Boolean>> loaded = new HashMap<>();
        wanted.forEach(k -> loaded.put(k, new HashMap<>()));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select system, code, release_id, header from codes.code_entry "
                     + "where system = any(?) and code = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", wanted.stream().map(Key::system).distinct().toArray()));
            ps.setArray(2, c.createArrayOf("varchar", wanted.stream().map(Key::code).distinct().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<Long, Boolean> in = loaded.get(new Key(rs.getString(1), rs.getString(2)));
                    if (in != null) {
                        in.put(rs.getLong(3), rs.getBoolean(4));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("code lookup failed", e);
        }
        if (cache.size() > CACHE_CODES) {
            cache.clear();
        }
        loaded.forEach((k, v) -> cache.put(k, Map.copyOf(v)));
    }

    static Lookup judge(Key k, List<Release> systemReleases, Map<Long, Boolean> inReleases, LocalDate date) {
        Release current = null;
        for (Release r : systemReleases) {
            if (!r.effectiveDate().isAfter(date)) {
                current = r;
            }
        }
        if (current != null && inReleases.containsKey(current.id())) {
            return new Lookup(k.system(), k.code(), inReleases.get(current.id()) ? Status.HEADER : Status.VALID, null,
                    current);
        }
        Set<Long> ids = new HashSet<>(inReleases.keySet());
        Release later = null;
        Release lastBefore = null;
        for (Release r : systemReleases) {
            if (ids.contains(r.id())) {
                if (r.effectiveDate().isAfter(date)) {
                    if (later == null) {
                        later = r;
                    }
                } else {
                    lastBefore = r;
                }
            }
        }
        if (current == null) {
            return new Lookup(k.system(), k.code(), later != null ? Status.NOT_YET_EFFECTIVE : Status.NO_RELEASE_FOR_DATE,
                    later != null ? later.effectiveDate() : systemReleases.get(0).effectiveDate(), later);
        }
        if (lastBefore != null) {
            Release deletedIn = null;
            for (Release r : systemReleases) {
                if (r.effectiveDate().isAfter(lastBefore.effectiveDate()) && !ids.contains(r.id())) {
                    deletedIn = r;
                    break;
                }
            }
            Release d = deletedIn == null ? current : deletedIn;
            return new Lookup(k.system(), k.code(), Status.DELETED, d.effectiveDate(), d);
        }
        if (later != null) {
            return new Lookup(k.system(), k.code(), Status.NOT_YET_EFFECTIVE, later.effectiveDate(), later);
        }
        return new Lookup(k.system(), k.code(), Status.UNKNOWN, null, current);
    }
}
