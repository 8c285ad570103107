package com.casecoding.codes.search;

import com.casecoding.common.codes.CodeSystem;

/**
 * Our own plain-language text of a code, indexed for search with a lower weight than the official title (so a CPT
 * number, which has no descriptor without an AMA licence, is found by the words of its explanation). The
 * plain-language package supplies the bean; without it nothing is added ({@link NoPlainTexts}).
 */
public interface PlainTextLookup {

    /**
     * @param system        the code's set
     * @param code          the code in its stored form ({@link CodeSystem#normalize})
     * @param officialTitle the release's long title (blank for CPT numbers)
     * @return the text to index, or null when the code has none
     */
    String plainText(CodeSystem system, String code, String officialTitle);
}
