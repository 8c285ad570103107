package com.casecoding.codes.reference.tabular;

import com.casecoding.codes.reference.RefRelease;
import com.casecoding.codes.reference.ReferenceDatasets;
import com.casecoding.codes.release.DerivedCache;
import com.casecoding.codes.release.ImportCompleted;
import com.casecoding.common.codes.CodeSystem;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the loaded ICD-10-CM Tabular List: for a code, its nearest node (the code itself, or for a code the Tabular
 * List does not print, such as a 7th-character extension, the node it extends) and that node's chain up to its
 * chapter, each with its notes, the code ranges the notes name and its 7th-character table. Notes of a category, its
 * section (block) and its chapter apply to every code below them. Chains are kept per release and code (at most
 * {@value #MAX_CACHED} at a time) until the next import.
 */
@ApplicationScoped
public class TabularNotes {

    static final int MAX_CACHED = 20_000;

    @Inject
    DataSource dataSource;

    /** A loaded Tabular List release. */
    public record TabularRelease(long id, RefRelease ref, int fiscalYear) {
    }

    public record Note(TabularNoteKind kind, String text, List<CodeRange> codes) {
    }

    /** A chapter, section or diag node with what is printed at it. */
    public record Node(int id, String kind, String name, String title, List<Note> notes,
                       Map<String, String> seventhCharacters) {

        public String display() {
            return kind.equals("diag") ? CodeSystem.ICD10CM.display(name) : name;
        }
    }

    /** The code's nearest node first, then its parents up to the chapter. */
    public record Chain(TabularRelease release, String code, List<Node> nodes) {

        public boolean exact() {
            return !nodes.isEmpty() && nodes.get(0).kind().equals("diag") && nodes.get(0).name().equals(code);
        }
    }

    private volatile List<TabularRelease> releases;
    private final DerivedCache<String, Optional<Chain>> chains = DerivedCache.ofSize(MAX_CACHED);

    void onImport(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) ImportCompleted event) {
        releases = null;
        chains.invalidateAll();
    }

    /** Loaded releases, newest first. */
    public List<TabularRelease> releases() {
        List<TabularRelease> r = releases;
        if (r == null) {
            r = loadReleases();
            releases = r;
        }
        return r;
    }

    /** US federal fiscal year of a date (October starts the next one). */
    public static int fiscalYear(LocalDate date) {
        return date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    }

    /** The newest loaded release of the fiscal year. */
    public Optional<TabularRelease> forFiscalYear(int fy) {
        return releases().stream().filter(t -> t.fiscalYear() == fy).findFirst();
    }

    /** The release in effect on a date of service: same fiscal year, already effective. */
    public Optional<TabularRelease> inEffectOn(LocalDate date) {
        int fy = fiscalYear(date);
        return releases().stream().filter(t -> t.fiscalYear() == fy && !t.ref().effectiveDate().isAfter(date))
                .findFirst();
    }

    /** The chain of a code (stored form) in a release; empty when no node of the release holds the code. */
    public Optional<Chain> chain(TabularRelease release, String code) {
        return chains.get(release.id() + "|" + code, key -> load(release, code));
    }

    private List<TabularRelease> loadReleases() {
        List<TabularRelease> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select id, version, effective_date, source_file from codes.code_release where dataset = ?
                order by effective_date desc, version desc, id desc""")) {
            ps.setString(1, ReferenceDatasets.TABULAR);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate effective = rs.getObject(3, LocalDate.class);
                    out.add(new TabularRelease(rs.getLong(1), new RefRelease(ReferenceDatasets.TABULAR,
                            rs.getString(2), effective, "ICD-10-CM Tabular List " + rs.getString(2),
                            rs.getString(4)), fiscalYear(effective)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the Tabular List releases failed", e);
        }
        return List.copyOf(out);
    }

    private Optional<Chain> load(TabularRelease release, String code) {
        List<String> candidates = new ArrayList<>();
        for (int len = code.length(); len >= 3; len--) {
            candidates.add(code.substring(0, len));
        }
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            Integer start = null;
            int best = -1;
            try (PreparedStatement ps = c.prepareStatement("select node_id, name from codes.icd10cm_tabular_node "
                    + "where release_id = ? and kind = 'diag' and name = any (?)")) {
                ps.setLong(1, release.id());
                ps.setArray(2, c.createArrayOf("varchar", candidates.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(2).length() > best) {
                            best = rs.getString(2).length();
                            start = rs.getInt(1);
                        }
                    }
                }
            }
            if (start == null) {
                return Optional.empty();
            }
            Map<Integer, Node> nodes = new LinkedHashMap<>();
            Map<Integer, String[]> raw = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    with recursive up as (
                        select node_id, parent_id, kind, name, title, 0 as depth from codes.icd10cm_tabular_node
                        where release_id = ? and node_id = ?
                        union all
                        select n.node_id, n.parent_id, n.kind, n.name, n.title, up.depth + 1
                        from codes.icd10cm_tabular_node n join up on n.node_id = up.parent_id
                        where n.release_id = ? and up.depth < 20)
                    select node_id, kind, name, title from up order by depth""")) {
                ps.setLong(1, release.id());
                ps.setInt(2, start);
                ps.setLong(3, release.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        raw.put(rs.getInt(1), new String[]{rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
            }
            Array ids = c.createArrayOf("integer", raw.keySet().toArray());
            Map<String, List<CodeRange>> refs = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select node_id, seq, first_code, last_code from "
                    + "codes.icd10cm_tabular_note_ref where release_id = ? and node_id = any (?)")) {
                ps.setLong(1, release.id());
                ps.setArray(2, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refs.computeIfAbsent(rs.getInt(1) + "|" + rs.getInt(2), k -> new ArrayList<>())
                                .add(new CodeRange(rs.getString(3), rs.getString(4)));
                    }
                }
            }
            Map<Integer, List<Note>> notes = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select node_id, seq, kind, text from "
                    + "codes.icd10cm_tabular_note where release_id = ? and node_id = any (?) order by node_id, seq")) {
                ps.setLong(1, release.id());
                ps.setArray(2, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        TabularNoteKind kind = TabularNoteKind.ofElement(rs.getString(3)).orElse(TabularNoteKind.NOTES);
                        notes.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new Note(kind,
                                rs.getString(4), List.copyOf(refs.getOrDefault(rs.getInt(1) + "|" + rs.getInt(2),
                                List.of()))));
                    }
                }
            }
            Map<Integer, Map<String, String>> seventh = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select node_id, character, meaning from "
                    + "codes.icd10cm_tabular_seventh where release_id = ? and node_id = any (?) "
                    + "order by node_id, character")) {
                ps.setLong(1, release.id());
                ps.setArray(2, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seventh.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                                rs.getString(3));
                    }
                }
            }
            for (Map.Entry<Integer, String[]> e : raw.entrySet()) {
                String[] n = e.getValue();
                nodes.put(e.getKey(), new Node(e.getKey(), n[0], n[1], n[2],
                        List.copyOf(notes.getOrDefault(e.getKey(), List.of())),
                        java.util.Collections.unmodifiableMap(seventh.getOrDefault(e.getKey(), Map.of()))));
            }
            return Optional.of(new Chain(release, code, List.copyOf(nodes.values())));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the Tabular List failed", e);
        }
    }
}
