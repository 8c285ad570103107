package com.casecoding.careers.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

import java.util.List;

/**
 * Renders an employer's markdown to HTML that is safe to put on a page: raw HTML in the source is escaped (shown as
 * text, never interpreted) and link and image URLs are sanitized (only http, https, mailto and relative URLs survive; {@code javascript:},
 * {@code data:} and every other scheme become empty; links get rel="nofollow").
 */
@ApplicationScoped
public class MarkdownRenderer {

    private final Parser parser = Parser.builder().build();
    /** commonmark's default sanitizer also keeps {@code data:} URLs (an HTML or SVG page in a link or image). */
    private static final UrlSanitizer URLS = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(URLS).build();

    public String toHtml(String markdown) {
        return markdown == null ? "" : renderer.render(parser.parse(markdown));
    }
}
