package com.casecoding.codes.page.sections;

import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.codes.page.CodeRepository;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** Our own plain-language explanation of the code, edited by admins. */
@ApplicationScoped
public class CommonLanguageSection implements CodePageSection {

    @Inject
    CodeRepository repository;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommonLanguage(String text, Instant updatedAt, String note) {
    }

    @Override
    public String key() {
        return "commonLanguage";
    }

    @Override
    public String title() {
        return "Common language description";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Access access() {
        return Access.GUEST;
    }

    @Override
    public Object content(CodePageContext ctx) {
        CodeRepository.CommonLanguage text = repository.commonLanguage(ctx.system(), ctx.code());
        if (text == null) {
            return new CommonLanguage(null, null, "No plain-language description has been written for this code yet.");
        }
        return new CommonLanguage(text.text(), text.updatedAt(), null);
    }
}
