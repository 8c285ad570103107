package com.casecoding.codes.imports.codesets;

import com.casecoding.codes.imports.CopyWriter;
import com.casecoding.codes.imports.ImportContext;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes {@code code_entry} rows of one release with COPY. For files in tabular order (ICD order files) the parent
 * of each code is the nearest earlier code that is a prefix of it, found with a stack in the same single pass.
 */
final class CodeEntryWriter implements AutoCloseable {

    private final CopyWriter copy;
    private final long releaseId;
    private final String system;
    private final Deque<String> ancestors = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private int seq;

    CodeEntryWriter(ImportContext context, String system) throws SQLException {
        this.copy = context.copy("codes.code_entry", "release_id", "system", "code", "header", "short_title",
                "long_title", "parent_code", "seq", "attrs");
        this.releaseId = context.releaseId();
        this.system = system;
    }

    /** False if the code was already written in this release (the caller refuses the file). */
    boolean firstTime(String code) {
        return seen.add(code);
    }

    /** Writes a code whose parent is the nearest earlier prefix (tabular order). */
    void writeInTabularOrder(String code, boolean header, String shortTitle, String longTitle, String attrsJson)
            throws SQLException {
        while (!ancestors.isEmpty() && !code.startsWith(ancestors.peek())) {
            ancestors.pop();
        }
        String parent = ancestors.peek();
        ancestors.push(code);
        write(code, header, shortTitle, longTitle, parent, attrsJson);
    }

    void write(String code, boolean header, String shortTitle, String longTitle, String parent, String attrsJson)
            throws SQLException {
        copy.row(releaseId, system, code, header, shortTitle, longTitle, parent, ++seq, attrsJson);
    }

    long rows() {
        return copy.rows();
    }

    @Override
    public void close() throws SQLException {
        copy.close();
    }
}
