package com.casecoding.careers.jobs;

import com.casecoding.careers.config.CareersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public postings' filterable fields, held in memory so filters, facet counts and sorting cost microseconds
 * instead of a scan of the table per request. Reloaded whenever the database's posting generation (bumped by a
 * trigger on every write to job_posting) has moved, so every search sees every committed change. Keyword matching
 * stays in PostgreSQL full-text search; its (id, rank) answers are cached per generation.
 */
@ApplicationScoped
public class PostingIndex {

    /** One public posting, reduced to what search filters, counts and sorts on. */
    public record Entry(long id, String workplace, String employmentType, String state, String city,
                        String[] credentials, String[] specialties, String[] remoteStates, double salaryAnnual,
                        int experience, long publishedAt, long validThrough, int[] ordinals) {

        boolean hasSalary() {
            return !Double.isNaN(salaryAnnual);
        }
    }

    /**
     * Published, not hidden postings, newest first, as of one generation. Each entry's {@code ordinals} number its
     * facet values (workplace, employment type, state, then credentials, then specialties) in {@link #facets()}, so
     * facet counting is array increments.
     */
    public record Snapshot(long generation, List<Entry> newestFirst, Dictionary facets, Map<Long, Integer> positions) {
    }

    /** Facet value names by ordinal, and the facet each ordinal belongs to. */
    public static final class Dictionary {
        final List<String> facet = new ArrayList<>();
        final List<String> value = new ArrayList<>();
        private int[] dimensions = new int[16];
        private final Map<String, Integer> ordinals = new java.util.HashMap<>();

        int ordinal(String facetName, String valueName) {
            return ordinals.computeIfAbsent(facetName + '\u0000' + valueName, k -> {
                facet.add(facetName);
                value.add(valueName);
                int ordinal = value.size() - 1;
                if (ordinal == dimensions.length) {
                    dimensions = java.util.Arrays.copyOf(dimensions, ordinal * 2);
                }
                dimensions[ordinal] = dimensionBit(facetName);
                return ordinal;
            });
        }

        public int size() {
            return value.size();
        }

        /** The {@code JobSearch} dimension bit of the facet the ordinal belongs to. */
        public int dimension(int ordinal) {
            return dimensions[ordinal];
        }

        private static int dimensionBit(String facetName) {
            return switch (facetName) {
                case "workplace" -> JobSearch.WORKPLACE;
                case "employmentType" -> JobSearch.EMPLOYMENT_TYPE;
                case "state" -> JobSearch.STATE;
                case "credential" -> JobSearch.CREDENTIAL;
                case "specialty" -> JobSearch.SPECIALTY;
                default -> throw new IllegalArgumentException("not a facet: " + facetName);
            };
        }

        public String facet(int ordinal) {
            return facet.get(ordinal);
        }

        public String value(int ordinal) {
            return value.get(ordinal);
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    CareersConfig config;

    private volatile Snapshot snapshot = new Snapshot(-1, List.of(), new Dictionary(), Map.of());
    private volatile long checkedAtNanos;
    private final Map<String, Keyword> keywordCache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Keyword> eldest) {
            return size() > config.search().keywordCacheSize();
        }
    });

    private record Keyword(long generation, float[] ranks) {
    }

    /** The current snapshot, reloaded first if the postings changed since it was taken. */
    public Snapshot current(Connection conn) throws SQLException {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s.generation() >= 0 && now - checkedAtNanos < config.search().generationCheckInterval().toNanos()) {
            return s;
        }
        long generation = generation(conn);
        checkedAtNanos = now;
        if (generation == s.generation()) {
            return s;
        }
        return reload(conn);
    }

    private synchronized Snapshot reload(Connection conn) throws SQLException {
        // the generation is read before the rows: a write in between leaves a newer generation, so a reload follows
        long generation = generation(conn);
        if (generation == snapshot.generation()) {
            return snapshot;
        }
        List<Entry> entries = new ArrayList<>();
        Dictionary dictionary = new Dictionary();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("select id, workplace, employment_type, state, lower(city), credentials_all, "
                     + "specialties, remote_states, salary_max_annual, experience_years, published_at, valid_through "
                     + "from job_posting where status = 'published' and not hidden "
                     + "order by published_at desc, id desc")) {
            while (rs.next()) {
                BigDecimal salary = rs.getBigDecimal(9);
                String workplace = rs.getString(2).intern();
                String type = rs.getString(3).intern();
                String state = rs.getString(4);
                String[] credentials = strings(rs.getArray(6));
                String[] specialties = strings(rs.getArray(7));
                int[] ordinals = new int[3 + credentials.length + specialties.length];
                int n = 0;
                ordinals[n++] = dictionary.ordinal("workplace", workplace);
                ordinals[n++] = dictionary.ordinal("employmentType", type);
                ordinals[n++] = state == null ? -1 : dictionary.ordinal("state", state);
                for (String c : credentials) {
                    ordinals[n++] = dictionary.ordinal("credential", c);
                }
                for (String sp : specialties) {
                    ordinals[n++] = dictionary.ordinal("specialty", sp);
                }
                entries.add(new Entry(rs.getLong(1), workplace, type, state, rs.getString(5), credentials,
                        specialties, strings(rs.getArray(8)), salary == null ? Double.NaN : salary.doubleValue(),
                        rs.getInt(10), rs.getTimestamp(11).getTime(), rs.getTimestamp(12).getTime(), ordinals));
            }
        }
        Map<Long, Integer> positions = new java.util.HashMap<>(entries.size() * 2);
        for (int i = 0; i < entries.size(); i++) {
            positions.put(entries.get(i).id(), i);
        }
        snapshot = new Snapshot(generation, List.copyOf(entries), dictionary, positions);
        return snapshot;
    }

    /**
     * Full-text rank of every posting of the snapshot, by position; NaN where the keywords do not match.
     * Cached per generation, so a repeated query costs no database work until postings change.
     */
    public float[] keywordRanks(Connection conn, Snapshot snapshot, String q) throws SQLException {
        String key = q.trim().toLowerCase(Locale.ROOT);
        Keyword cached = config.search().keywordCacheSize() > 0 ? keywordCache.get(key) : null;
        if (cached != null && cached.generation() == snapshot.generation()) {
            return cached.ranks();
        }
        float[] ranks = new float[snapshot.newestFirst().size()];
        java.util.Arrays.fill(ranks, Float.NaN);
        try (PreparedStatement ps = conn.prepareStatement("select id, ts_rank_cd(search_vector, query) from job_posting, "
                + "websearch_to_tsquery('english', ?) query where status = 'published' and not hidden "
                + "and search_vector @@ query")) {
            ps.setString(1, q);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer position = snapshot.positions().get(rs.getLong(1));
                    if (position != null) {  // published after the snapshot was taken: the next reload has it
                        ranks[position] = Math.max(0f, rs.getFloat(2));
                    }
                }
            }
        }
        if (config.search().keywordCacheSize() > 0) {
            keywordCache.put(key, new Keyword(snapshot.generation(), ranks));
        }
        return ranks;
    }

    private static long generation(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("select value from posting_generation where id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String[] strings(Array array) throws SQLException {
        if (array == null) {
            return new String[0];
        }
        String[] values = (String[]) array.getArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i].intern();
        }
        return values;
    }
}
