package com.casecoding.codes.page;

import com.casecoding.common.codes.CodeSystem;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only queries over the imported code sets (JDBC: every query is one indexed lookup). */
@ApplicationScoped
public class CodeRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;

    /** A code's row in one release. */
    public record Found(CodePageContext.ReleaseRef release, CodePageContext.Entry entry) {
    }

    /** A code with its titles, for lists (children, siblings, suggestions, crosswalk targets). */
    public record CodeTitle(String code, String title, boolean header) {
    }

    /** Every release holding the code (or hierarchy node), newest first. */
    public List<Found> find(CodeSystem system, String code) {
        List<Found> out = new ArrayList<>();
        query("""
                select r.id, r.version, r.effective_date, e.header, e.short_title, e.long_title, e.parent_code,
                       e.attrs::text, r.dataset
                from codes.code_entry e join codes.code_release r on r.id = e.release_id
                where e.system = ? and e.code = ?
                order by coalesce(r.valid_from, r.effective_date) desc, r.id desc""", ps -> {
            ps.setString(1, system.id());
            ps.setString(2, code);
        }, rs -> {
            while (rs.next()) {
                out.add(new Found(new CodePageContext.ReleaseRef(rs.getLong(1), rs.getString(9), rs.getString(2),
                        rs.getObject(3, LocalDate.class), false),
                        new CodePageContext.Entry(rs.getBoolean(4), rs.getString(5), rs.getString(6),
                                rs.getString(7), attrs(rs.getString(8)))));
            }
        });
        return out;
    }

    public List<CodeTitle> children(long releaseId, CodeSystem system, String code, int limit) {
        List<CodeTitle> out = new ArrayList<>();
        query("select code, coalesce(long_title, short_title), header from codes.code_entry "
                + "where release_id = ? and system = ? and parent_code = ? order by seq limit ?", ps -> {
            ps.setLong(1, releaseId);
            ps.setString(2, system.id());
            ps.setString(3, code);
            ps.setInt(4, limit);
        }, rs -> collect(rs, out));
        return out;
    }

    public long countChildren(long releaseId, CodeSystem system, String code) {
        long[] n = new long[1];
        query("select count(*) from codes.code_entry where release_id = ? and system = ? and parent_code = ?", ps -> {
            ps.setLong(1, releaseId);
            ps.setString(2, system.id());
            ps.setString(3, code);
        }, rs -> {
            rs.next();
            n[0] = rs.getLong(1);
        });
        return n[0];
    }

    /** Titles of codes in a release (absent codes are left out). */
    public Map<String, CodeTitle> titles(long releaseId, CodeSystem system, Collection<String> codes) {
        Map<String, CodeTitle> out = new LinkedHashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        query("select code, coalesce(long_title, short_title), header from codes.code_entry "
                + "where release_id = ? and system = ? and code = any (?)", ps -> {
            ps.setLong(1, releaseId);
            ps.setString(2, system.id());
            ps.setArray(3, ps.getConnection().createArrayOf("varchar", codes.toArray()));
        }, rs -> {
            while (rs.next()) {
                out.put(rs.getString(1), new CodeTitle(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
            }
        });
        return out;
    }

    /** Codes of a release sorting at or after {@code from} (ascending) or before it (descending). */
    public List<CodeTitle> neighbours(long releaseId, CodeSystem system, String from, boolean after, int limit) {
        List<CodeTitle> out = new ArrayList<>();
        String sql = "select code, coalesce(long_title, short_title), header from codes.code_entry "
                + "where release_id = ? and system = ? and code " + (after ? ">=" : "<") + " ? order by code "
                + (after ? "asc" : "desc") + " limit ?";
        query(sql, ps -> {
            ps.setLong(1, releaseId);
            ps.setString(2, system.id());
            ps.setString(3, from);
            ps.setInt(4, limit);
        }, rs -> collect(rs, out));
        return out;
    }

    /** Derived changes of a code, oldest first. */
    public record Change(String change, String version, LocalDate effectiveDate, String previousVersion,
                         LocalDate previousEffectiveDate, Boolean oldHeader, Boolean newHeader, String oldShortTitle,
                         String newShortTitle, String oldLongTitle, String newLongTitle) {
    }

    public List<Change> changes(CodeSystem system, String code) {
        List<Change> out = new ArrayList<>();
        query("""
                select ch.change, r.version, r.effective_date, p.version, p.effective_date, ch.old_header,
                       ch.new_header, ch.old_short_title, ch.new_short_title, ch.old_long_title, ch.new_long_title
                from codes.code_change ch
                join codes.code_release r on r.id = ch.release_id
                join codes.code_release p on p.id = ch.previous_release_id
                where ch.system = ? and ch.code = ? order by r.effective_date""", ps -> {
            ps.setString(1, system.id());
            ps.setString(2, code);
        }, rs -> {
            while (rs.next()) {
                out.add(new Change(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getObject(5, LocalDate.class), (Boolean) rs.getObject(6),
                        (Boolean) rs.getObject(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11)));
            }
        });
        return out;
    }

    /** One GEM row. */
    public record Mapping(String version, String sourceCode, String targetSystem, String targetCode,
                          boolean approximate, boolean noMap, boolean combination, int scenario, int choiceList) {
    }

    /** GEM rows whose source ({@code bySource}) or target is the code, in the newest GEM release of each file. */
    public List<Mapping> mappings(CodeSystem system, String code, boolean bySource) {
        List<Mapping> out = new ArrayList<>();
        String column = bySource ? "source" : "target";
        String sql = """
                select r.version, g.source_code, g.target_system, g.target_code, g.approximate, g.no_map,
                       g.combination, g.scenario, g.choice_list, g.source_system
                from codes.gem_mapping g join codes.code_release r on r.id = g.release_id
                where g.%1$s_system = ? and g.%1$s_code = ?
                  and r.effective_date = (select max(r2.effective_date) from codes.code_release r2
                                          where r2.dataset = r.dataset)
                order by g.scenario, g.choice_list, g.target_code""".formatted(column);
        query(sql, ps -> {
            ps.setString(1, system.id());
            ps.setString(2, code);
        }, rs -> {
            while (rs.next()) {
                out.add(new Mapping(rs.getString(1), rs.getString(2), bySource ? rs.getString(3) : rs.getString(10),
                        bySource ? rs.getString(4) : rs.getString(2), rs.getBoolean(5), rs.getBoolean(6),
                        rs.getBoolean(7), rs.getInt(8), rs.getInt(9)));
            }
        });
        return out;
    }

    /** Our plain-language text for a code. */
    public record CommonLanguage(String text, String updatedBy, java.time.Instant updatedAt) {
    }

    public CommonLanguage commonLanguage(CodeSystem system, String code) {
        CommonLanguage[] out = new CommonLanguage[1];
        query("select text, updated_by, updated_at from codes.common_language where system = ? and code = ?", ps -> {
            ps.setString(1, system.id());
            ps.setString(2, code);
        }, rs -> {
            if (rs.next()) {
                out[0] = new CommonLanguage(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant());
            }
        });
        return out[0];
    }

    public CommonLanguage saveCommonLanguage(CodeSystem system, String code, String text, String by) {
        java.time.Instant now = java.time.Instant.now();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into codes.common_language (system, code, text, updated_by, updated_at) values (?, ?, ?, ?, ?)
                on conflict (system, code) do update set text = excluded.text, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at, author = null, reviewed_by = null""")) {
            ps.setString(1, system.id());
            ps.setString(2, code);
            ps.setString(3, text);
            ps.setString(4, by);
            ps.setTimestamp(5, java.sql.Timestamp.from(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save common-language text", e);
        }
        return new CommonLanguage(text, by, now);
    }

    private static void collect(ResultSet rs, List<CodeTitle> out) throws SQLException {
        while (rs.next()) {
            out.add(new CodeTitle(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
        }
    }

    private static Map<String, Object> attrs(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored attributes are not JSON", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Reader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Binder binder, Reader reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("code query failed", e);
        }
    }
}
