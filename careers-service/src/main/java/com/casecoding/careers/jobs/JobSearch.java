package com.casecoding.careers.jobs;

import com.casecoding.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public job search in PostgreSQL: full-text match ({@code websearch_to_tsquery}, so any user input parses),
 * filters on indexed columns, and facet counts by grouping over the same filtered set.
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

    private static final String TS_QUERY = "websearch_to_tsquery('english', ?)";

    @Inject
    DataSource dataSource;

    public SearchResult search(SearchCriteria c, Sort requested, int page, int size, boolean facets,
                               Instant publishedAfter) {
        Sort sort = requested == null ? (c.hasKeywords() ? Sort.RELEVANCE : Sort.NEWEST) : requested;
        if (sort == Sort.RELEVANCE && !c.hasKeywords()) {
            sort = Sort.NEWEST;
        }
        Where where = where(c, publishedAfter);
        String order = switch (sort) {
            case NEWEST -> "p.published_at desc, p.id desc";
            case SALARY -> "p.salary_max_annual desc nulls last, p.published_at desc, p.id desc";
            case RELEVANCE -> "ts_rank_cd(p.search_vector, " + TS_QUERY + ") desc, p.published_at desc, p.id desc";
        };
        String sql = "select p.id, p.title, p.employer_name, e.website, e.logo_url, e.verified, p.city, p.state, "
                + "p.country, p.workplace, p.remote_states, p.employment_type, p.credentials_required, "
                + "p.credentials_preferred, p.specialties, p.experience_years, p.salary_min, p.salary_max, "
                + "p.salary_currency, p.salary_period, p.apply_method, p.published_at, p.valid_through "
                + "from job_posting p join employer_profile e on e.account_id = p.employer_id "
                + "where " + where.sql + " order by " + order + " limit ? offset ?";
        try (Connection conn = dataSource.getConnection()) {
            List<SearchResult.Hit> hits = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                int i = where.bind(ps, conn, 1);
                if (sort == Sort.RELEVANCE) {
                    ps.setString(i++, c.q());
                }
                ps.setInt(i++, size);
                ps.setInt(i, page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hits.add(hit(rs));
                    }
                }
            }
            Map<String, Map<String, Long>> facetCounts = null;
            long total;
            if (facets) {
                facetCounts = facets(conn, where);
                total = facetCounts.remove("total").getOrDefault("all", 0L);
            } else {
                total = count(conn, where);
            }
            return new SearchResult(total, page, size, sort.wire(), hits, facetCounts);
        } catch (SQLException e) {
            throw new IllegalStateException("job search failed", e);
        }
    }

    private long count(Connection conn, Where where) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select count(*) from job_posting p where " + where.sql)) {
            where.bind(ps, conn, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Map<String, Map<String, Long>> facets(Connection conn, Where where) throws SQLException {
        StringBuilder buckets = new StringBuilder();
        for (int b : SALARY_BUCKETS) {
            buckets.append(buckets.isEmpty() ? "" : ",").append("(").append(b).append(")");
        }
        String sql = "with f as materialized (select p.workplace, p.employment_type, p.state, p.credentials_all, "
                + "p.specialties, p.salary_max_annual from job_posting p where " + where.sql + ") "
                + "select 'total', 'all', count(*) from f "
                + "union all select 'workplace', workplace, count(*) from f group by workplace "
                + "union all select 'employmentType', employment_type, count(*) from f group by employment_type "
                + "union all select 'state', state, count(*) from f where state is not null group by state "
                + "union all select 'credential', c, count(*) from f cross join unnest(f.credentials_all) c group by c "
                + "union all select 'specialty', s, count(*) from f cross join unnest(f.specialties) s group by s "
                + "union all select 'minSalary', b::text, count(*) from f cross join (values " + buckets
                + ") v(b) where f.salary_max_annual >= b group by b";
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String name : List.of("total", "workplace", "employmentType", "state", "credential", "specialty", "minSalary")) {
            out.put(name, new LinkedHashMap<>());
        }
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            where.bind(ps, conn, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.get(rs.getString(1)).put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        // largest counts first, so a frontend can show the top values as they come
        out.replaceAll((k, v) -> k.equals("total") || k.equals("minSalary") ? v : sortedByCount(v));
        return out;
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
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

    private static Where where(SearchCriteria c, Instant publishedAfter) {
        Where w = new Where();
        w.sql.append("p.status = 'published' and not p.hidden and p.valid_through > now()");
        if (c.hasKeywords()) {
            w.sql.append(" and p.search_vector @@ ").append(TS_QUERY);
            w.params.add(c.q());
        }
        if (!c.credentials().isEmpty()) {
            w.sql.append(" and p.credentials_all && ?");
            w.params.add(new TextArray(c.credentials()));
        }
        if (!c.specialties().isEmpty()) {
            w.sql.append(" and p.specialties && ?");
            w.params.add(new TextArray(c.specialties()));
        }
        if (!c.workplaces().isEmpty()) {
            w.sql.append(" and p.workplace = any(?)");
            w.params.add(new TextArray(c.workplaces().stream().map(Workplace::wire).toList()));
        }
        if (!c.employmentTypes().isEmpty()) {
            w.sql.append(" and p.employment_type = any(?)");
            w.params.add(new TextArray(c.employmentTypes().stream().map(EmploymentType::wire).toList()));
        }
        if (c.state() != null) {
            // located in the state, or remote and open to applicants there
            w.sql.append(" and (p.state = ? or (p.workplace = 'remote' and (p.remote_states = '{}' or p.remote_states @> ?)))");
            w.params.add(c.state());
            w.params.add(new TextArray(List.of(c.state())));
        }
        if (c.city() != null && !c.city().isBlank()) {
            w.sql.append(" and lower(p.city) = lower(?)");
            w.params.add(c.city().trim());
        }
        if (c.minSalary() != null) {
            w.sql.append(" and p.salary_max_annual >= ?");
            w.params.add(c.minSalary());
        }
        if (c.experience() != null) {
            w.sql.append(" and p.experience_years <= ?");
            w.params.add(c.experience());
        }
        if (c.postedSince() != null) {
            w.sql.append(" and p.published_at >= ?");
            w.params.add(Timestamp.from(c.postedSince().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (publishedAfter != null) {
            w.sql.append(" and p.published_at > ?");
            w.params.add(Timestamp.from(publishedAfter));
        }
        return w;
    }

    private record TextArray(List<String> values) {
    }

    private static final class Where {
        final StringBuilder sql = new StringBuilder();
        final List<Object> params = new ArrayList<>();

        int bind(PreparedStatement ps, Connection conn, int start) throws SQLException {
            int i = start;
            for (Object p : params) {
                if (p instanceof TextArray a) {
                    ps.setArray(i++, conn.createArrayOf("text", a.values().toArray()));
                } else if (p instanceof Integer n) {
                    ps.setInt(i++, n);
                } else if (p instanceof Timestamp t) {
                    ps.setTimestamp(i++, t);
                } else {
                    ps.setString(i++, (String) p);
                }
            }
            return i;
        }
    }

    static void requireWindow(int page, int size, int maxWindow) {
        if ((long) page * size + size > maxWindow) {
            throw ProblemException.invalidField("page",
                    "reaches past result " + maxWindow + "; narrow the search instead of paging deeper");
        }
    }
}
