package com.casecoding.codes.assistant.data;

import com.casecoding.common.codes.CodeSystem;

import java.util.List;
import java.util.Optional;

/**
 * What the assistant needs to know about codes: does a code exist in the loaded data, its newest record, its
 * parents and children. Codes are passed normalized (upper case, no dot). This is also the authority of the
 * "never write a code that does not exist" check.
 */
public interface CodeCatalog {

    /** The newest loaded record of the code (deleted codes included, marked). */
    Optional<CodeRecord> lookup(CodeSystem system, String code);

    /** True when the code is in any loaded release of the system (CPT/HCPCS: also when an edit or fee table names it). */
    default boolean exists(CodeSystem system, String code) {
        return lookup(system, code).isPresent();
    }

    /** Codes directly under the code in the newest release, in tabular order, at most {@code limit}. */
    List<CodeRecord> children(CodeSystem system, String code, int limit);

    /** The chain of parents from the top down to the direct parent (empty at the top or without a hierarchy). */
    List<CodeRecord> ancestors(CodeSystem system, String code);

    /** How many billable codes sit below the code (0 for a billable leaf). */
    default int billableDescendants(CodeSystem system, String code) {
        return 0;
    }
}
