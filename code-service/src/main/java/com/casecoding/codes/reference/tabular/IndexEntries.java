package com.casecoding.codes.reference.tabular;

import com.casecoding.codes.reference.RefRelease;
import com.casecoding.codes.reference.ReferenceDatasets;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ICD-10-CM Alphabetic Index entries that lead to a code: index terms whose code (or manifestation code) it is,
 * and the rows of the Table of Neoplasms and the Table of Drugs and Chemicals that name it in a column. One indexed
 * query per file; at most {@value #LIMIT} entries per file.
 */
@ApplicationScoped
public class IndexEntries {

    public static final int LIMIT = 25;

    @Inject
    DataSource dataSource;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String path, String nemod, String column, boolean manifestation, boolean incomplete) {
    }

    public record FileEntries(String file, RefRelease release, List<Entry> entries, boolean truncated) {
    }

    /** Which loaded index files exist for the fiscal year (newest release of each dataset in it). */
    public Map<String, RefRelease> releases(int fiscalYear) {
        Map<String, RefRelease> out = new LinkedHashMap<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        load(fiscalYear, out, ids);
        return out;
    }

    public List<FileEntries> entries(String code, int fiscalYear) {
        Map<String, RefRelease> releases = new LinkedHashMap<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        List<FileEntries> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            load(c, fiscalYear, releases, ids);
            for (Map.Entry<String, Long> e : ids.entrySet()) {
                boolean table = e.getKey().equals(ReferenceDatasets.NEOPLASM) || e.getKey().equals(ReferenceDatasets.DRUG);
                String sql = table ? """
                        select t.path, t.nemod, c.heading, false, c.incomplete from codes.icd10cm_index_cell c
                        join codes.icd10cm_index_term t on t.release_id = c.release_id and t.term_id = c.term_id
                        where c.release_id = ? and c.code = ? order by t.term_id, c.col limit ?"""
                        : """
                        select path, nemod, null, manif = ?, code_incomplete from codes.icd10cm_index_term
                        where release_id = ? and (code = ? or manif = ?) order by term_id limit ?""";
                List<Entry> entries = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = 1;
                    if (!table) {
                        ps.setString(i++, code);
                    }
                    ps.setLong(i++, e.getValue());
                    ps.setString(i++, code);
                    if (!table) {
                        ps.setString(i++, code);
                    }
                    ps.setInt(i, LIMIT + 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            entries.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                                    rs.getBoolean(4), rs.getBoolean(5)));
                        }
                    }
                }
                boolean truncated = entries.size() > LIMIT;
                out.add(new FileEntries(label(e.getKey()), releases.get(e.getKey()),
                        List.copyOf(truncated ? entries.subList(0, LIMIT) : entries), truncated));
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("reading the ICD-10-CM index failed", ex);
        }
        return out;
    }

    private void load(int fiscalYear, Map<String, RefRelease> releases, Map<String, Long> ids) {
        try (Connection c = dataSource.getConnection()) {
            load(c, fiscalYear, releases, ids);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ICD-10-CM index releases failed", e);
        }
    }

    private static void load(Connection c, int fiscalYear, Map<String, RefRelease> releases, Map<String, Long> ids)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select id, dataset, version, effective_date, source_file from codes.code_release
                where dataset in (?, ?, ?, ?) order by dataset, effective_date desc, version desc, id desc""")) {
            ps.setString(1, ReferenceDatasets.INDEX);
            ps.setString(2, ReferenceDatasets.EINDEX);
            ps.setString(3, ReferenceDatasets.NEOPLASM);
            ps.setString(4, ReferenceDatasets.DRUG);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate effective = rs.getObject(4, LocalDate.class);
                    String dataset = rs.getString(2);
                    if (TabularNotes.fiscalYear(effective) != fiscalYear || ids.containsKey(dataset)) {
                        continue;
                    }
                    ids.put(dataset, rs.getLong(1));
                    releases.put(dataset, new RefRelease(dataset, rs.getString(3), effective,
                            label(dataset) + " " + rs.getString(3), rs.getString(5)));
                }
            }
        }
    }

    public static String label(String dataset) {
        return switch (dataset) {
            case ReferenceDatasets.INDEX -> "Index to Diseases and Injuries";
            case ReferenceDatasets.EINDEX -> "External Cause of Injuries Index";
            case ReferenceDatasets.NEOPLASM -> "Table of Neoplasms";
            default -> "Table of Drugs and Chemicals";
        };
    }
}
