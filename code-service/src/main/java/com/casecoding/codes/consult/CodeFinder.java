package com.casecoding.codes.consult;

import java.util.List;
import java.util.Optional;

/**
 * Finds codes for the instant draft. Anything it returns exists in the loaded code sets.
 */
public interface CodeFinder {

    /** False when no code data or search is connected: the draft then says that no suggestions could be made. */
    boolean available();

    /** The best codes for a clinical phrase, best first. */
    List<Draft.CodeSuggestion> find(String phrase, int limit);

    /** The best ICD-10-CM codes for a diagnosis phrase, best first (default: {@link #find} filtered to ICD-10-CM). */
    default List<Draft.CodeSuggestion> findDiagnoses(String phrase, int limit) {
        return find(phrase, limit * 3).stream().filter(s -> "icd10cm".equals(s.system())).limit(limit).toList();
    }

    /** The code as typed (with or without dot, any case), if it exists in a current release. */
    Optional<Draft.CodeSuggestion> lookup(String code);
}
