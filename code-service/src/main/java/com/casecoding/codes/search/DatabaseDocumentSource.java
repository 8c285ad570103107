package com.casecoding.codes.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads the imported code tables ({@code code_entry} per {@code code_release}, owned by the importers): every code
 * of the newest release of its system is active; a code that only older releases hold is deleted, shown with the
 * last release that had it. HCPCS rows the importer marked {@code terminated} are deleted too.
 */
@ApplicationScoped
public class DatabaseDocumentSource implements SearchDocumentSource {

    private static final String NEWEST = """
            select e.system, max(r.effective_date) as newest
            from codes.code_entry e join codes.code_release r on r.id = e.release_id
            group by e.system
            """;

    /** Every (system, code) once, from the newest release that holds it. */
    private static final String CODES = """
            select distinct on (e.system, e.code)
                   e.system, e.code, e.header, e.short_title, e.long_title, r.version, r.effective_date,
                   coalesce(e.attrs ->> 'terminated', 'false') = 'true' as terminated
            from codes.code_entry e join codes.code_release r on r.id = e.release_id
            order by e.system, e.code, r.effective_date desc, r.id desc
            """;

    /** Reference flags (HCC, CC, MCC, HAC) per system and code; a view over the reference tables. */
    private static final String FLAGS = "select system, code, flag from codes.code_search_flag";

    @Inject
    DataSource dataSource;

    @Override
    public String name() {
        return "database";
    }

    @Override
    public void load(Consumer<SearchDocument> sink) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            Map<String, java.sql.Date> newest = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(NEWEST); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    newest.put(rs.getString(1), rs.getDate(2));
                }
            }
            Map<String, Set<String>> flags = new HashMap<>();
            Map<Set<String>, Set<String>> shared = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(FLAGS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    flags.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new TreeSet<>())
                            .add(rs.getString(3));
                }
            }
            // a handful of distinct flag sets over tens of thousands of codes: one shared instance each
            flags.replaceAll((k, v) -> shared.computeIfAbsent(Set.copyOf(v), x -> x));
            try (PreparedStatement ps = c.prepareStatement(CODES)) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String system = rs.getString(1);
                        String longTitle = rs.getString(5);
                        String shortTitle = rs.getString(4);
                        String title = longTitle != null && !longTitle.isBlank() ? longTitle : shortTitle;
                        boolean deleted = !rs.getDate(7).equals(newest.get(system))
                                || rs.getBoolean(8);
                        sink.accept(new SearchDocument(system, rs.getString(2), title,
                                !rs.getBoolean(3), deleted, rs.getString(6),
                                flags.getOrDefault(system + "|" + rs.getString(2), Set.of())));
                    }
                }
            }
            c.rollback();
        }
    }
}
