package com.casecoding.codes.plain;

import com.casecoding.codes.catalog.Sql;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.common.list.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The admins' texts ({@code common_language}, its versions and the submissions) and the codes they cover (JDBC). */
@ApplicationScoped
public class PlainLanguageRepository {

    @Inject
    DataSource dataSource;

    /** The newest row of a code: what a structure text is built from. */
    public record Entry(String title, boolean header, String version) {
    }

    public record Submission(long id, String system, String code, String text, String author, Instant submittedAt,
                             String status, String reviewedBy, Instant reviewedAt, Integer version) {
    }

    public record Version(int version, String text, String author, String reviewedBy, Instant approvedAt) {
    }

    /** A code that has neither an admin nor an editorial text. */
    /** A code without text; {@code code} is shown as coders write it (E11.9). */
    public record Missing(String system, String code, String title, boolean header, long frequency) {
    }

    public PlainText current(CodeSystem system, String code) {
        List<PlainText> out = new ArrayList<>(1);
        query("select text, coalesce(author, updated_by), coalesce(reviewed_by, updated_by), version, updated_at "
                + "from codes.common_language where system = ? and code = ?", ps -> {
            ps.setString(1, system.id());
            ps.setString(2, code);
        }, rs -> out.add(admin(rs)));
        return out.isEmpty() ? null : out.get(0);
    }

    /** Every current admin text, by "system:code" (a few thousand at most: what the search index reads). */
    public Map<String, PlainText> allCurrent() {
        Map<String, PlainText> out = new HashMap<>();
        query("select text, coalesce(author, updated_by), coalesce(reviewed_by, updated_by), version, updated_at, "
                + "system, code from codes.common_language", ps -> {
        }, rs -> out.put(rs.getString(6) + ":" + rs.getString(7), admin(rs)));
        return out;
    }

    private static PlainText admin(ResultSet rs) throws SQLException {
        return new PlainText(rs.getString(1), PlainText.ADMIN, rs.getString(2), rs.getString(3), rs.getInt(4), null,
                rs.getTimestamp(5).toInstant());
    }

    public Entry newestEntry(CodeSystem system, String code) {
        List<Entry> out = new ArrayList<>(1);
        query("""
                select coalesce(e.long_title, e.short_title), e.header, r.version
                from codes.code_entry e join codes.code_release r on r.id = e.release_id
                where e.system = ? and e.code = ?
                order by coalesce(r.valid_from, r.effective_date) desc, r.id desc limit 1""", ps -> {
            ps.setString(1, system.id());
            ps.setString(2, code);
        }, rs -> out.add(new Entry(rs.getString(1), rs.getBoolean(2), rs.getString(3))));
        return out.isEmpty() ? null : out.get(0);
    }

    public Submission submit(CodeSystem system, String code, String text, String author, Instant now) {
        long[] id = new long[1];
        query("insert into codes.common_language_submission (system, code, text, author, submitted_at) "
                + "values (?, ?, ?, ?, ?) returning id", ps -> {
            ps.setString(1, system.id());
            ps.setString(2, code);
            ps.setString(3, text);
            ps.setString(4, author);
            ps.setTimestamp(5, Timestamp.from(now));
        }, rs -> id[0] = rs.getLong(1));
        return new Submission(id[0], system.id(), code, text, author, now, "pending", null, null, null);
    }

    public Submission submission(long id) {
        List<Submission> out = new ArrayList<>(1);
        query(SUBMISSION + " where id = ?", ps -> ps.setLong(1, id), rs -> out.add(submission(rs)));
        return out.isEmpty() ? null : out.get(0);
    }

    public List<Submission> submissions(CodeSystem system, String code) {
        List<Submission> out = new ArrayList<>();
        query(SUBMISSION + " where system = ? and code = ? order by id desc", ps -> {
            ps.setString(1, system.id());
            ps.setString(2, code);
        }, rs -> out.add(submission(rs)));
        return out;
    }

    private static final String SUBMISSION = "select id, system, code, text, author, submitted_at, status, "
            + "reviewed_by, reviewed_at, version from codes.common_language_submission";

    private static Submission submission(ResultSet rs) throws SQLException {
        Timestamp reviewed = rs.getTimestamp(9);
        return new Submission(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8),
                reviewed == null ? null : reviewed.toInstant(), (Integer) rs.getObject(10));
    }

    /**
     * Makes a pending submission the current text (the trigger of V60 keeps the previous one as a version).
     *
     * @return the approved submission, or null when it is not pending (approved already, or none)
     */
    public Submission approve(long id, String reviewer, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Submission s;
                try (PreparedStatement ps = c.prepareStatement(SUBMISSION + " where id = ? and status = 'pending' "
                        + "for update")) {
                    ps.setLong(1, id);
                    List<Submission> found = new ArrayList<>(1);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(submission(rs));
                        }
                    }
                    if (found.isEmpty()) {
                        c.rollback();
                        return null;
                    }
                    s = found.get(0);
                }
                int version;
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into codes.common_language (system, code, text, updated_by, updated_at, author, reviewed_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (system, code) do update set text = excluded.text,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at,
                            author = excluded.author, reviewed_by = excluded.reviewed_by
                        returning version""")) {
                    ps.setString(1, s.system());
                    ps.setString(2, s.code());
                    ps.setString(3, s.text());
                    ps.setString(4, reviewer);
                    ps.setTimestamp(5, Timestamp.from(now));
                    ps.setString(6, s.author());
                    ps.setString(7, reviewer);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        version = rs.getInt(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("update codes.common_language_submission set "
                        + "status = 'approved', reviewed_by = ?, reviewed_at = ?, version = ? where id = ?")) {
                    ps.setString(1, reviewer);
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setInt(3, version);
                    ps.setLong(4, id);
                    ps.executeUpdate();
                }
                c.commit();
                return new Submission(s.id(), s.system(), s.code(), s.text(), s.author(), s.submittedAt(), "approved",
                        reviewer, now, version);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot approve the submission", e);
        }
    }

    /** Every approved version of a code's text, newest first. */
    public List<Version> versions(CodeSystem system, String code) {
        List<Version> out = new ArrayList<>();
        query("select version, text, author, reviewed_by, approved_at from codes.common_language_version "
                + "where system = ? and code = ? order by version desc", ps -> {
            ps.setString(1, system.id());
            ps.setString(2, code);
        }, rs -> out.add(new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant())));
        return out;
    }

    /**
     * Codes of a set with no admin text and not in {@code editorial}, most used first. Use = favorites + notes +
     * searches whose query was the code itself (the platform's own per-code signals; page view counts live in the
     * gateway's schema and are not read across services).
     *
     * @param categories an ICD-10-CM category range {first, last} (a chapter), or null
     */
    /** One page of the codes with neither text, most used first, and how many such codes there are in all. */
    public record MissingPage(List<Missing> items, long total) {
    }

    public MissingPage missing(CodeSystem system, String[] categories, Collection<String> editorial, Paging paging) {
        MissingPage page = missingPage(system, categories, editorial, paging.limit(), paging.offset());
        if (page.items().isEmpty() && paging.offset() > 0) {
            // past the end no row carries the total: the first row of the list does
            return new MissingPage(List.of(), missingPage(system, categories, editorial, 1, 0).total());
        }
        return page;
    }

    private MissingPage missingPage(CodeSystem system, String[] categories, Collection<String> editorial, int limit,
                                    int offset) {
        List<Missing> out = new ArrayList<>();
        long[] total = {0};
        Map<String, Long> searched = searchedCodes(system);
        String sql = """
                with used as (
                    select code, count(*) as n from (
                        select code from codes.user_favorite where system = ?
                        union all select code from codes.user_code_note where system = ?) u group by code),
                searched as (select * from unnest(?::varchar[], ?::bigint[]) as s(code, n))
                select e.code, max(coalesce(e.long_title, e.short_title)), bool_or(e.header),
                       coalesce(max(u.n), 0) + coalesce(max(s.n), 0) as frequency,
                       count(*) over () as total
                from codes.code_entry e
                left join used u on u.code = e.code
                left join searched s on s.code = e.code
                where e.system = ?
                  and not exists (select 1 from codes.common_language c where c.system = e.system and c.code = e.code)
                  and e.code <> all (?)
                """ + (categories == null ? "" : " and substr(e.code, 1, 3) between ? and ?")
                + " group by e.code order by frequency desc, e.code limit ? offset ?";
        query(sql, ps -> {
            int i = 1;
            ps.setString(i++, system.id());
            ps.setString(i++, system.id());
            ps.setArray(i++, ps.getConnection().createArrayOf("varchar", searched.keySet().toArray()));
            ps.setArray(i++, ps.getConnection().createArrayOf("bigint", searched.values().toArray()));
            ps.setString(i++, system.id());
            ps.setArray(i++, ps.getConnection().createArrayOf("varchar", editorial.toArray()));
            if (categories != null) {
                ps.setString(i++, categories[0]);
                ps.setString(i++, categories[1]);
            }
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
        }, rs -> {
            out.add(new Missing(system.id(), system.display(rs.getString(1)), rs.getString(2), rs.getBoolean(3),
                    rs.getLong(4)));
            total[0] = rs.getLong(5);
        });
        return new MissingPage(out, total[0]);
    }

    /** Searches whose whole query was one code of the set, by the code's stored form (CodeSystem.normalize). */
    private Map<String, Long> searchedCodes(CodeSystem system) {
        Map<String, Long> out = new HashMap<>();
        query("select query, count(*) from codes.user_search_history group by query", ps -> {
        }, rs -> {
            long n = rs.getLong(2);
            system.normalize(rs.getString(1).strip()).ifPresent(code -> out.merge(code, n, Long::sum));
        });
        return out;
    }

    private void query(String sql, Sql.Binder binder, Sql.RowReader reader) {
        Sql.query(dataSource, "a plain-language query", sql, binder, reader);
    }
}
