package com.casecoding.codes.user;

import com.casecoding.common.codes.CodeSystem;
import com.casecoding.codes.search.SearchDocument;
import com.casecoding.codes.search.SearchEngine;
import com.casecoding.common.problem.ProblemException;

/** Resolves a {system}/{code} path to a code that exists in the loaded data (never a made-up code). */
record CodeRef(String system, String code, SearchDocument document) {

    static CodeRef resolve(SearchEngine engine, String system, String code) {
        CodeSystem cs = CodeSystem.fromId(system)
                .orElseThrow(() -> ProblemException.notFound("Unknown code system '" + system + "'."));
        SearchDocument doc = engine.find(cs.id(), code == null ? "" : code)
                .orElseThrow(() -> ProblemException.notFound("No " + cs.label() + " code '" + code + "' is loaded."));
        return new CodeRef(cs.id(), doc.code(), doc);
    }
}
