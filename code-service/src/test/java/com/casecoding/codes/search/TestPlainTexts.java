package com.casecoding.codes.search;

import com.casecoding.common.codes.CodeSystem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * A plain-language lookup for tests (enabled by {@link PlainTextProfile} only): invented words for CPT 27447, so a
 * test can see them reach the index through {@link DatabaseDocumentSource}.
 */
@Alternative
@ApplicationScoped
public class TestPlainTexts implements PlainTextLookup {

    static final String TEXT = "Invented test words: zebra crossing, and cholera only to compare with an official title";

    @Override
    public String plainText(CodeSystem system, String code, String officialTitle) {
        return system == CodeSystem.CPT && code.equals("27447") ? TEXT : null;
    }
}
