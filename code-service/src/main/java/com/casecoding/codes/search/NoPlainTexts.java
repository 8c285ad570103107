package com.casecoding.codes.search;

import com.casecoding.common.codes.CodeSystem;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** The lookup in use while no plain-language bean is present: no code has a text to index. */
@DefaultBean
@ApplicationScoped
public class NoPlainTexts implements PlainTextLookup {

    @Override
    public String plainText(CodeSystem system, String code, String officialTitle) {
        return null;
    }
}
