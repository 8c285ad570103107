package com.casecoding.codes.imports.codesets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives {@code code_change} for one system of one dataset by comparing each loaded release with the loaded
 * release before it (by the first day it applies): codes added, deleted, and revised (a title changed, or the
 * header/billable flag changed). Only releases that list their whole code set are compared (a partial list, such as
 * the CPT numbers that one quarter's NCCI files name, says nothing by leaving a code out). Header rows are compared
 * only when both releases list headers, short titles only when both have them, and a title only when both rows have
 * one, so a codes file (billable codes, long titles only) can follow an order file without inventing changes.
 */
public final class HistoryDeriver {

    private HistoryDeriver() {
    }

    private record Release(long id, boolean hasHeaders, boolean hasShortTitles) {
    }

    public static void rebuild(Connection c, String system, String dataset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from codes.code_change where system = ? and release_id "
                + "in (select id from codes.code_release where dataset = ?)")) {
            ps.setString(1, system);
            ps.setString(2, dataset);
            ps.executeUpdate();
        }
        List<Release> releases = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select r.id,
                       exists (select 1 from codes.code_entry e where e.release_id = r.id and e.system = ? and e.header),
                       exists (select 1 from codes.code_entry e where e.release_id = r.id and e.system = ?
                               and e.short_title is not null)
                from codes.code_release r where r.dataset = ? and r.complete_for is null
                order by coalesce(r.valid_from, r.effective_date), r.id""")) {
            ps.setString(1, system);
            ps.setString(2, system);
            ps.setString(3, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    releases.add(new Release(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3)));
                }
            }
        }
        for (int i = 1; i < releases.size(); i++) {
            diff(c, system, releases.get(i - 1), releases.get(i));
        }
    }

    private static void diff(Connection c, String system, Release old, Release now) throws SQLException {
        boolean headers = old.hasHeaders() && now.hasHeaders();
        boolean shorts = old.hasShortTitles() && now.hasShortTitles();
        String filter = headers ? "" : " and not header";
        String sql = """
                insert into codes.code_change (system, code, release_id, previous_release_id, change, old_header,
                    new_header, old_short_title, new_short_title, old_long_title, new_long_title)
                select ?, coalesce(n.code, o.code), ?, ?,
                       case when o.code is null then 'added' when n.code is null then 'deleted' else 'revised' end,
                       o.header, n.header, o.short_title, n.short_title, o.long_title, n.long_title
                from (select code, header, short_title, long_title from codes.code_entry
                      where release_id = ? and system = ?%1$s) n
                full join (select code, header, short_title, long_title from codes.code_entry
                      where release_id = ? and system = ?%1$s) o on o.code = n.code
                where o.code is null or n.code is null
                   or o.long_title <> n.long_title
                   or o.header <> n.header%2$s
                """.formatted(filter, shorts ? " or o.short_title <> n.short_title" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, system);
            ps.setLong(2, now.id());
            ps.setLong(3, old.id());
            ps.setLong(4, now.id());
            ps.setString(5, system);
            ps.setLong(6, old.id());
            ps.setString(7, system);
            ps.executeUpdate();
        }
    }
}
