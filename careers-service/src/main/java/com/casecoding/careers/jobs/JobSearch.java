package com.casecoding.careers.jobs;

import com.casecoding.common.list.Paging;
import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.common.web.AfterStart;
import org.jboss.logging.Logger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public job search: keywords by PostgreSQL full-text search ({@code websearch_to_tsquery}, so any user input
 * parses; title weighs more than employer, employer more than description), filters, facet counts and sorting over
 * the in-memory {@link PostingIndex}, and the page's postings read by id.
 */
@ApplicationScoped
public class JobSearch {

    public enum Sort {
        NEWEST, SALARY, RELEVANCE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Salary thresholds (per year) the {@code minSalary} facet counts. */
    static final int[] SALARY_BUCKETS = {40_000, 50_000, 60_000, 70_000, 80_000, 100_000};

    private static final Logger LOG = Logger.getLogger(JobSearch.class);
    /** Later than the default observer priority ({@code APPLICATION + 500}): after the demo data are in. */
    private static final int PRELOAD_PRIORITY = jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000;

    /** Facet dimensions as bits: each has its own filter, and its counts ignore that filter (disjunctive facets). */
    static final int WORKPLACE = 1;
    static final int EMPLOYMENT_TYPE = 1 << 1;
    static final int STATE = 1 << 2;
    static final int CREDENTIAL = 1 << 3;
    static final int SPECIALTY = 1 << 4;
    static final int MIN_SALARY = 1 << 5;
    static final int ALL_DIMENSIONS = (1 << 6) - 1;

    @Inject
    DataSource dataSource;
    @Inject
    PostingIndex index;
    @Inject
    AfterStart afterStart;

    private static final int MAX_CACHED_HITS = 50_000;
    private volatile HitCache hitCache = new HitCache(-1);

    /**
     * The page {@code paging} asks for of the postings matching {@code c} (and published after
     * {@code publishedAfter}, when given). {@code request} is the address the answer goes to, for its {@code next}
     * link; null when the search answers no HTTP request (a digest).
     */
    public SearchResult search(SearchCriteria c, Sort requested, Paging paging, boolean facets,
                               Instant publishedAfter, URI request) {
        Sort sort = requested == null ? (c.hasKeywords() ? Sort.RELEVANCE : Sort.NEWEST) : requested;
        if (sort == Sort.RELEVANCE && !c.hasKeywords()) {
            sort = Sort.NEWEST;
        }
        try (Connection conn = dataSource.getConnection()) {
            PostingIndex.Snapshot snapshot = index.current(conn);
            List<PostingIndex.Entry> entries = snapshot.newestFirst();
            // with keywords, only the postings they match are candidates (every facet counts within them too)
            PostingIndex.KeywordMatches keywords = c.hasKeywords() ? index.keywordMatches(conn, snapshot, c.webSearchKeywords()) : null;
            Filter filter = new Filter(c, publishedAfter, System.currentTimeMillis());
            PostingIndex.Dictionary dictionary = snapshot.facets();
            long[] counts = facets ? new long[dictionary.size()] : null;
            long[] salaryCounts = new long[SALARY_BUCKETS.length];
            int candidates = keywords == null ? entries.size() : keywords.positions().length;
            int[] matches = new int[candidates];
            float[] matchRanks = keywords == null ? null : new float[candidates];
            int matched = 0;
            for (int i = 0; i < candidates; i++) {
                int position = keywords == null ? i : keywords.positions()[i];
                PostingIndex.Entry e = entries.get(position);
                int failed = filter.failures(e);
                if (failed == 0) {
                    if (matchRanks != null) {
                        matchRanks[matched] = keywords.ranks()[i];
                    }
                    matches[matched++] = position;
                    if (counts != null) {
                        count(e, dictionary, counts, salaryCounts, ALL_DIMENSIONS);
                    }
                } else if (counts != null && failed > 0 && Integer.bitCount(failed) == 1) {
                    // fails only one facet's own filter: counts toward that facet's other values (disjunctive facets)
                    count(e, dictionary, counts, salaryCounts, failed);
                }
            }
            if (sort != Sort.NEWEST) {
                sort(entries, matches, matched, sort, matchRanks);
            }
            int from = Math.min(paging.offset(), matched);
            int to = (int) Math.min((long) from + paging.limit(), matched);
            List<Long> ids = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                ids.add(entries.get(matches[i]).id());
            }
            // next moves past this page's positions, even if a posting among them vanished before its row was read
            return SearchResult.of(hits(conn, snapshot.generation(), ids), ids.size(), matched, paging, request,
                    sort.wire(), counts == null ? null : facetMap(dictionary, counts, salaryCounts));
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("54")) {
                // a program limit of the full-text parser: the keywords, not the server, are the problem
                throw ProblemException.invalidField("q", "is too complex for the keyword search: use fewer operators "
                        + "(-, or, quotes)");
            }
            // typically no free connection within the acquisition timeout: an overload the client may retry
            LOG.warnf("Job search could not reach the database: %s", e.getMessage());
            throw new ProblemException(ProblemType.UPSTREAM_UNAVAILABLE, 503,
                    "Search is overloaded right now; retry in a few seconds.").header("Retry-After", "2");
        }
    }

    /**
     * Loads the index in the background once the HTTP server listens, so startup does not wait for it. A search
     * arriving first loads (or waits for) the same snapshot itself, so it is answered correctly either way. Starts
     * after the other startup observers (demo data), so it loads what they wrote.
     */
    void warmUp(@jakarta.enterprise.event.Observes @jakarta.annotation.Priority(PRELOAD_PRIORITY)
                io.quarkus.runtime.StartupEvent event) {
        afterStart.run("careers-search-preload", () -> {
            long started = System.nanoTime();
            try (Connection conn = dataSource.getConnection()) {
                int postings = index.current(conn).newestFirst().size();
                LOG.infof("Search index preloaded: %d postings in %d ms", postings,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Search index not preloaded (%s); the first search loads it", e.getMessage());
            }
        });
    }

    /**
     * Adds one entry to the facet counts of the dimensions in {@code dimensions} (bits {@link #WORKPLACE} ...
     * {@link #MIN_SALARY}).
     */
    private static void count(PostingIndex.Entry e, PostingIndex.Dictionary dictionary, long[] counts,
                              long[] salaryCounts, int dimensions) {
        for (int ordinal : e.ordinals()) {
            if (ordinal >= 0 && (dimensions & dictionary.dimension(ordinal)) != 0) {
                counts[ordinal]++;
            }
        }
        if ((dimensions & MIN_SALARY) != 0 && e.hasSalary()) {
            for (int b = 0; b < SALARY_BUCKETS.length && e.salaryAnnual() >= SALARY_BUCKETS[b]; b++) {
                salaryCounts[b]++;
            }
        }
    }

    /**
     * The page's postings in the order given. Rendered hits are kept for the current posting generation (any write
     * to a posting or an employer moves it), so a page of known postings needs no database work.
     */
    private List<SearchResult.Hit> hits(Connection conn, long generation, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        HitCache cache = hitCache;
        if (cache.generation != generation) {
            cache = new HitCache(generation);
            hitCache = cache;
        }
        Map<Long, SearchResult.Hit> byId = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            SearchResult.Hit hit = cache.hits.get(id);
            if (hit != null) {
                byId.put(id, hit);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (SearchResult.Hit hit : load(conn, missing)) {
                byId.put(hit.id(), hit);
                if (cache.hits.size() < MAX_CACHED_HITS) {
                    cache.hits.put(hit.id(), hit);
                }
            }
        }
        List<SearchResult.Hit> ordered = new ArrayList<>(ids.size());
        for (Long id : ids) {
            SearchResult.Hit hit = byId.get(id);
            if (hit != null) {
                ordered.add(hit);
            }
        }
        return ordered;
    }

    private record HitCache(long generation, Map<Long, SearchResult.Hit> hits) {
        HitCache(long generation) {
            this(generation, new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    private static List<SearchResult.Hit> load(Connection conn, List<Long> ids) throws SQLException {
        List<SearchResult.Hit> loaded = new ArrayList<>(ids.size());
        try (PreparedStatement ps = conn.prepareStatement("select p.id, p.title, p.employer_name, e.website, "
                + "e.logo_url, e.verified, p.city, p.state, p.country, p.workplace, p.remote_states, p.employment_type, "
                + "p.credentials_required, p.credentials_preferred, p.specialties, p.experience_years, p.salary_min, "
                + "p.salary_max, p.salary_currency, p.salary_period, p.apply_method, p.published_at, p.valid_through "
                + "from job_posting p join employer_profile e on e.account_id = p.employer_id where p.id = any(?)")) {
            ps.setArray(1, conn.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    loaded.add(hit(rs));
                }
            }
        }
        return loaded;
    }

    /** The criteria as a predicate over index entries. Every list means "any of". */
    private record Filter(SearchCriteria c, Instant publishedAfter, long now,
                          java.util.Set<String> workplaces, java.util.Set<String> types, long postedSince) {

        Filter(SearchCriteria c, Instant publishedAfter, long now) {
            this(c, publishedAfter, now,
                    c.workplaces().stream().map(Workplace::wire).collect(java.util.stream.Collectors.toSet()),
                    c.employmentTypes().stream().map(EmploymentType::wire).collect(java.util.stream.Collectors.toSet()),
                    c.postedSince() == null ? Long.MIN_VALUE
                            : c.postedSince().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        }

        /**
         * -1 if the entry fails a filter that is not a facet (expired, city, experience, dates); otherwise the bits
         * of the facet dimensions whose filter it fails, 0 when it matches every filter.
         */
        int failures(PostingIndex.Entry e) {
            if (e.validThrough() <= now) {
                return -1;
            }
            if (c.city() != null && !c.city().toLowerCase(java.util.Locale.ROOT).equals(e.city())) {
                return -1;
            }
            if (c.experience() != null && e.experience() > c.experience()) {
                return -1;
            }
            if (e.publishedAt() < postedSince) {
                return -1;
            }
            if (publishedAfter != null && e.publishedAt() <= publishedAfter.toEpochMilli()) {
                return -1;
            }
            int failed = 0;
            if (!c.credentials().isEmpty() && !anyOf(e.credentials(), c.credentials())) {
                failed |= CREDENTIAL;
            }
            if (!c.specialties().isEmpty() && !anyOf(e.specialties(), c.specialties())) {
                failed |= SPECIALTY;
            }
            if (!workplaces.isEmpty() && !workplaces.contains(e.workplace())) {
                failed |= WORKPLACE;
            }
            if (!types.isEmpty() && !types.contains(e.employmentType())) {
                failed |= EMPLOYMENT_TYPE;
            }
            if (c.state() != null && !c.state().equals(e.state()) && !(Workplace.REMOTE.wire().equals(e.workplace())
                    && (e.remoteStates().length == 0 || anyOf(e.remoteStates(), List.of(c.state()))))) {
                // neither located in the state nor a remote job open to it
                failed |= STATE;
            }
            if (c.minSalary() != null && (!e.hasSalary() || e.salaryAnnual() < c.minSalary())) {
                failed |= MIN_SALARY;
            }
            return failed;
        }

        private static boolean anyOf(String[] values, List<String> wanted) {
            for (String v : values) {
                if (wanted.contains(v)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Orders the first {@code matched} positions by salary (highest first, none last) or by rank (highest first;
     * {@code matchRanks[i]} is the rank of {@code matches[i]}); ties keep the index's newest-first order because the
     * position is the last part of each packed sort key.
     */
    private static void sort(List<PostingIndex.Entry> entries, int[] matches, int matched, Sort sort,
                             float[] matchRanks) {
        long[] packed = new long[matched];
        for (int i = 0; i < matched; i++) {
            int position = matches[i];
            long descending;
            if (sort == Sort.SALARY) {
                PostingIndex.Entry e = entries.get(position);
                long cents = e.hasSalary() ? Math.min((long) (e.salaryAnnual() * 100), (1L << 40) - 2) : -1;
                descending = (1L << 40) - 1 - (cents + 1);
            } else {
                descending = Integer.MAX_VALUE - (long) Float.floatToIntBits(matchRanks[i]);
            }
            packed[i] = (descending << 22) | position;
        }
        java.util.Arrays.sort(packed);
        for (int i = 0; i < matched; i++) {
            matches[i] = (int) (packed[i] & ((1 << 22) - 1));
        }
    }

    private static Map<String, Map<String, Long>> facetMap(PostingIndex.Dictionary dictionary, long[] counts,
                                                           long[] salaryCounts) {
        Map<String, Map<String, Long>> raw = new LinkedHashMap<>();
        for (String name : List.of("workplace", "employmentType", "state", "credential", "specialty")) {
            raw.put(name, new HashMap<>());
        }
        for (int o = 0; o < counts.length; o++) {
            if (counts[o] > 0) {
                raw.get(dictionary.facet(o)).put(dictionary.value(o), counts[o]);
            }
        }
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        raw.forEach((name, values) -> out.put(name, sortedByCount(values)));
        Map<String, Long> salary = new LinkedHashMap<>();
        for (int b = 0; b < SALARY_BUCKETS.length; b++) {
            if (salaryCounts[b] > 0) {
                salary.put(String.valueOf(SALARY_BUCKETS[b]), salaryCounts[b]);
            }
        }
        out.put("minSalary", salary);
        return out;
    }

    private static SearchResult.Hit hit(ResultSet rs) throws SQLException {
        JobRequest.Salary salary = null;
        if (rs.getBigDecimal("salary_min") != null && rs.getBigDecimal("salary_max") != null) {
            salary = new JobRequest.Salary(rs.getBigDecimal("salary_min"), rs.getBigDecimal("salary_max"),
                    rs.getString("salary_currency"), SalaryPeriod.of(rs.getString("salary_period")));
        }
        return new SearchResult.Hit(rs.getLong("id"), rs.getString("title"),
                new JobView.Employer(rs.getString("employer_name"), rs.getString("website"),
                        rs.getString("logo_url"), rs.getBoolean("verified")),
                new JobRequest.Location(rs.getString("city"), rs.getString("state"), rs.getString("country")),
                rs.getString("workplace"), strings(rs.getArray("remote_states")), rs.getString("employment_type"),
                strings(rs.getArray("credentials_required")), strings(rs.getArray("credentials_preferred")),
                strings(rs.getArray("specialties")), rs.getInt("experience_years"), salary,
                rs.getString("apply_method"), instant(rs.getTimestamp("published_at")),
                instant(rs.getTimestamp("valid_through")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        // largest counts first, so a frontend can show the top values as they come
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
