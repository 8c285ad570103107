package com.casecoding.codes.plain;

import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** The page's plain-language explanation (guest access), and where it came from. */
@ApplicationScoped
public class CommonLanguageSection implements CodePageSection {

    static final String NONE = "No plain-language description has been written for this code yet.";

    @Inject
    PlainLanguage plainLanguage;

    /**
     * @param source     admin, editorial or structure
     * @param builtFrom  structure texts: the release they were written from
     * @param note       when there is no text, or a word on what a structure text is
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommonLanguage(String text, String source, String author, String reviewedBy, Integer version,
                                 String builtFrom, Instant updatedAt, String note) {
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
        CodePageContext.Entry e = ctx.entry();
        String title = e == null ? null : e.longTitle() != null && !e.longTitle().isBlank() ? e.longTitle()
                : e.shortTitle();
        return plainLanguage.text(ctx.system(), ctx.code(), title, e != null && e.header(),
                        ctx.release() == null ? null : ctx.release().version())
                .map(t -> new CommonLanguage(t.text(), t.source(), t.author(), t.reviewedBy(), t.version(),
                        t.builtFrom(), t.updatedAt(), PlainText.STRUCTURE.equals(t.source())
                        ? "Written from the code's structure by our templates (release " + t.builtFrom()
                        + "); no editor has reviewed it." : null))
                .orElse(new CommonLanguage(null, null, null, null, null, null, null, NONE));
    }
}
