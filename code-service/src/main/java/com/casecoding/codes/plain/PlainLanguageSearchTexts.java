package com.casecoding.codes.plain;

import com.casecoding.codes.search.PlainTextLookup;
import com.casecoding.common.codes.CodeSystem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Our plain-language texts for the search index (replaces search's default, which has none). */
@ApplicationScoped
public class PlainLanguageSearchTexts implements PlainTextLookup {

    @Inject
    PlainLanguage plainLanguage;

    @Override
    public String plainText(CodeSystem system, String code, String officialTitle) {
        return plainLanguage.textForIndex(system, code, officialTitle).map(PlainText::text).orElse(null);
    }
}
