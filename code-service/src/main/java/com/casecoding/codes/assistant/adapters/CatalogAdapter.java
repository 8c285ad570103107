package com.casecoding.codes.assistant.adapters;

import com.casecoding.codes.assistant.data.CodeCatalog;
import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.common.codes.CodeSystem;

import java.util.List;
import java.util.Optional;

/**
 * The assistant's code catalog over the platform's ({@code catalog.CodeCatalog} decides existence and status; CPT
 * numbers named by the CMS fee schedule and NCCI files are code entries there even without an AMA licence). A CPT
 * record never carries an official title.
 */
public class CatalogAdapter implements CodeCatalog {

    private final DbCodeData codes;

    public CatalogAdapter(DbCodeData codes) {
        this.codes = codes;
    }

    @Override
    public Optional<CodeRecord> lookup(CodeSystem system, String code) {
        return codes.lookup(system, code);
    }

    @Override
    public List<CodeRecord> children(CodeSystem system, String code, int limit) {
        return codes.children(system, code, limit);
    }

    @Override
    public List<CodeRecord> ancestors(CodeSystem system, String code) {
        return codes.ancestors(system, code);
    }
}
