package com.casecoding.codes.assistant.adapters;

import com.casecoding.codes.assistant.data.CodeCatalog;
import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.common.codes.CodeSystem;

import java.util.List;
import java.util.Optional;

/**
 * The assistant's code catalog: the imported code sets first; for CPT and HCPCS codes that no imported code set
 * holds (CPT without an AMA licence has no code file), the CMS fee schedule and NCCI tables that name them. A CPT
 * record never carries an official title.
 */
public class CatalogAdapter implements CodeCatalog {

    private final DbCodeData codes;
    private final EditFactsAdapter edits;

    public CatalogAdapter(DbCodeData codes, EditFactsAdapter edits) {
        this.codes = codes;
        this.edits = edits;
    }

    @Override
    public Optional<CodeRecord> lookup(CodeSystem system, String code) {
        Optional<CodeRecord> found = codes.lookup(system, code);
        if (found.isPresent() || !(system == CodeSystem.CPT || system == CodeSystem.HCPCS)) {
            return found;
        }
        return edits.releaseNaming(code).map(release -> new CodeRecord(system, code, null, true, null,
                codes.commonLanguage(system, code).orElse(null), false, release));
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
