package com.casecoding.careers.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders an employer's markdown to HTML that is safe to put on a page: raw HTML in the source is escaped (shown as
 * text, never interpreted) and link and image URLs are sanitized (only http, https and mailto survive; links get
 * rel="nofollow").
 */
@ApplicationScoped
public class MarkdownRenderer {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String toHtml(String markdown) {
        return markdown == null ? "" : renderer.render(parser.parse(markdown));
    }
}
