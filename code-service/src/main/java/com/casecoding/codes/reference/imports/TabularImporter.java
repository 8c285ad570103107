package com.casecoding.codes.reference.imports;

import com.casecoding.codes.imports.CopyWriter;
import com.casecoding.codes.imports.ImportContext;
import com.casecoding.codes.imports.SourceFile;
import com.casecoding.codes.reference.ReferenceDatasets;
import com.casecoding.codes.reference.tabular.CodeRange;
import com.casecoding.codes.reference.tabular.TabularNoteKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * CDC's ICD-10-CM Tabular List XML ({@link TabularParser} reads the schema): nodes, notes with the code ranges they
 * name, and 7th-character tables, streamed into {@code icd10cm_tabular_*} with COPY. A file that breaks the schema
 * (or is not well-formed XML) is refused with the line where it breaks.
 */
@ApplicationScoped
public class TabularImporter extends CdcXmlImporter {

    @Override
    boolean reads(String dataset) {
        return dataset.equals(ReferenceDatasets.TABULAR);
    }

    @Override
    long read(CdcXmlFile name, SourceFile source, ImportContext context) throws Exception {
        // one COPY at a time per connection: nodes stream straight in, notes, their code ranges and the
        // 7th-character tables (a fraction of the nodes) wait in memory until the nodes are written
        List<Object[]> notes = new ArrayList<>();
        List<Object[]> refs = new ArrayList<>();
        List<Object[]> seventh = new ArrayList<>();
        try (InputStream in = open(source.file());
             CopyWriter nodes = context.copy("codes.icd10cm_tabular_node", "release_id", "node_id", "parent_id",
                     "kind", "name", "title")) {
            TabularParser.parse(in, new TabularParser.Sink() {
                @Override
                public void version(String version) throws Exception {
                    name.checkVersion(version, 0);
                }

                @Override
                public void node(int id, Integer parent, String kind, String n, String title) throws Exception {
                    nodes.row(context.releaseId(), id, parent, kind, n, title);
                    context.progress(nodes.rows() + notes.size());
                }

                @Override
                public void note(int node, int seq, TabularNoteKind kind, String text, List<CodeRange> ranges) {
                    notes.add(new Object[]{node, seq, kind.element(), text});
                    for (CodeRange r : ranges) {
                        refs.add(new Object[]{node, seq, r.first(), r.last()});
                    }
                }

                @Override
                public void seventh(int node, String character, String meaning) {
                    seventh.add(new Object[]{node, character, meaning});
                }
            });
        }
        long rows = copy(context, "codes.icd10cm_tabular_note", notes, "node_id", "seq", "kind", "text");
        copy(context, "codes.icd10cm_tabular_note_ref", refs, "node_id", "seq", "first_code", "last_code");
        rows += copy(context, "codes.icd10cm_tabular_seventh", seventh, "node_id", "character", "meaning");
        return rows + countNodes(context);
    }

    private static long countNodes(ImportContext context) throws java.sql.SQLException {
        try (var ps = context.connection().prepareStatement(
                "select count(*) from codes.icd10cm_tabular_node where release_id = ?")) {
            ps.setLong(1, context.releaseId());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** COPYs buffered rows (each prefixed with the release id); returns how many. */
    static long copy(ImportContext context, String table, List<Object[]> rows, String... columns)
            throws java.sql.SQLException {
        String[] all = new String[columns.length + 1];
        all[0] = "release_id";
        System.arraycopy(columns, 0, all, 1, columns.length);
        try (CopyWriter out = context.copy(table, all)) {
            Object[] values = new Object[all.length];
            for (Object[] r : rows) {
                values[0] = context.releaseId();
                System.arraycopy(r, 0, values, 1, r.length);
                out.row(values);
            }
        }
        return rows.size();
    }

    static InputStream open(Path file) throws java.io.IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")
                ? new GZIPInputStream(in, 1 << 16) : new java.io.BufferedInputStream(in, 1 << 16);
    }
}
