package com.casecoding.codes.assistant.data;

import com.casecoding.common.codes.CodeSystem;

import java.util.List;

/** CMS General Equivalence Mappings between ICD-9-CM and ICD-10. */
public interface Crosswalk {

    record Mapping(CodeSystem sourceSystem, String source, CodeSystem targetSystem, String target,
                   boolean approximate, boolean noMap, boolean combination, int scenario, int choiceList,
                   ReleaseRef release) {
    }

    /** The GEM rows whose source is the code (ICD-9-CM to ICD-10-CM, ICD-10-CM to ICD-9-CM, and the procedure GEMs). */
    List<Mapping> from(CodeSystem system, String code);
}
