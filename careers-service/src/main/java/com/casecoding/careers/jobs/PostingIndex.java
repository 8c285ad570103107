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
    public record Snapshot(long generation, List<Entry> newestFirst, Dictionary facets, Positions positions) {
    }

    /** Position in the snapshot by posting id: ids sorted with their positions alongside (no boxed map entries). */
    public static final class Positions {
        private final long[] ids;
        private final int[] positions;

        Positions(List<Entry> newestFirst) {
            ids = new long[newestFirst.size()];
            positions = new int[ids.length];
            Integer[] order = new Integer[ids.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (x, y) -> Long.compare(newestFirst.get(x).id(), newestFirst.get(y).id()));
            for (int i = 0; i < order.length; i++) {
                ids[i] = newestFirst.get(order[i]).id();
                positions[i] = order[i];
            }
        }

        /** The posting's position, or -1 if the snapshot does not hold it. */
        public int of(long id) {
            int i = java.util.Arrays.binarySearch(ids, id);
            return i < 0 ? -1 : positions[i];
        }
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

    private volatile Snapshot snapshot = new Snapshot(-1, List.of(), new Dictionary(), new Positions(List.of()));
    private volatile long checkedAtNanos;
    private final Map<String, Keyword> keywordCache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Keyword> eldest) {
            return size() > config.search().keywordCacheSize();
        }
    });

    private record Keyword(long generation, KeywordMatches matches) {
    }

    /**
     * The postings a keyword query matches: their positions in the snapshot, ascending (so newest first), and their
     * full-text ranks in the same order. Sparse, because a query usually matches a small part of the postings.
     */
    public record KeywordMatches(int[] positions, float[] ranks) {
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
        List<Entry> newestFirst = List.copyOf(entries);
        snapshot = new Snapshot(generation, newestFirst, dictionary, new Positions(newestFirst));
        return snapshot;
    }

    /**
     * The postings of the snapshot the keywords match, with their full-text ranks. Cached per generation, so a
     * repeated query costs no database work until postings change.
     */
    public KeywordMatches keywordMatches(Connection conn, Snapshot snapshot, String q) throws SQLException {
        String key = q.trim().toLowerCase(Locale.ROOT);
        Keyword cached = config.search().keywordCacheSize() > 0 ? keywordCache.get(key) : null;
        if (cached != null && cached.generation() == snapshot.generation()) {
            return cached.matches();
        }
        long[] packed = new long[64];
        int n = 0;
        try (PreparedStatement ps = conn.prepareStatement("select id, ts_rank_cd(search_vector, query) from job_posting, "
                + "websearch_to_tsquery('english', ?) query where status = 'published' and not hidden "
                + "and search_vector @@ query")) {
            ps.setString(1, q);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int position = snapshot.positions().of(rs.getLong(1));
                    if (position >= 0) {  // published after the snapshot was taken: the next reload has it
                        if (n == packed.length) {
                            packed = java.util.Arrays.copyOf(packed, n * 2);
                        }
                        // position in the high half so sorting orders by position; the rank's bits in the low half
                        packed[n++] = ((long) position << 32) | (Float.floatToIntBits(Math.max(0f, rs.getFloat(2))) & 0xFFFFFFFFL);
                    }
                }
            }
        }
        java.util.Arrays.sort(packed, 0, n);
        int[] positions = new int[n];
        float[] ranks = new float[n];
        for (int i = 0; i < n; i++) {
            positions[i] = (int) (packed[i] >>> 32);
            ranks[i] = Float.intBitsToFloat((int) packed[i]);
        }
        KeywordMatches matches = new KeywordMatches(positions, ranks);
        if (config.search().keywordCacheSize() > 0) {
            keywordCache.put(key, new Keyword(snapshot.generation(), matches));
        }
        return matches;
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
