package com.casecoding.codes.reference.imports;

import com.casecoding.codes.imports.CopyWriter;
import com.casecoding.codes.imports.ImportContext;
import com.casecoding.codes.imports.SourceFile;
import com.casecoding.codes.reference.ReferenceDatasets;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * CDC's ICD-10-CM index XML files ({@link IndexParser} reads the schema), each its own dataset: the Index to Diseases
 * and Injuries, the External Cause index, the Table of Neoplasms and the Table of Drugs and Chemicals. Terms stream
 * into {@code icd10cm_index_term} with COPY; table cells wait in memory until the terms are in.
 */
@ApplicationScoped
public class IndexImporter extends CdcXmlImporter {

    @Override
    boolean reads(String dataset) {
        return ReferenceDatasets.isIndex(dataset);
    }

    @Override
    long read(CdcXmlFile name, SourceFile source, ImportContext context) throws Exception {
        List<Object[]> cells = new ArrayList<>();
        long terms;
        try (InputStream in = TabularImporter.open(source.file());
             CopyWriter out = context.copy("codes.icd10cm_index_term", "release_id", "term_id", "parent_id", "level",
                     "letter", "title", "nemod", "path", "code", "code_incomplete", "manif", "see", "see_also")) {
            IndexParser.parse(in, new IndexParser.Sink() {
                @Override
                public void version(String version) throws Exception {
                    name.checkVersion(version, 0);
                }

                @Override
                public void term(IndexParser.Term t) throws Exception {
                    out.row(context.releaseId(), t.id(), t.parent(), t.level(), truncate(t.letter(), 16), t.title(),
                            t.nemod(), t.path(), t.code() == null ? null : t.code().code(),
                            t.code() != null && t.code().incomplete(), t.manif() == null ? null : t.manif().code(),
                            t.see(), t.seeAlso());
                    context.progress(out.rows() + cells.size());
                }

                @Override
                public void cell(int term, int col, String heading, IndexParser.IndexCode code) {
                    cells.add(new Object[]{term, col, heading, code.code(), code.incomplete()});
                }
            });
            terms = out.rows();
        }
        return terms + TabularImporter.copy(context, "codes.icd10cm_index_cell", cells, "term_id", "col", "heading",
                "code", "incomplete");
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
