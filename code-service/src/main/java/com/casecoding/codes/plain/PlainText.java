package com.casecoding.codes.plain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * The plain-language text of a code and where it came from.
 *
 * @param source     {@code admin} (approved through the workflow), {@code editorial} (our editors' files) or
 *                   {@code structure} (written from the code's structure by our lexicon and templates)
 * @param author     who wrote it (for structure texts: our templates)
 * @param reviewedBy who approved it (null for structure texts: nobody read this one)
 * @param version    admin: the approved version number; editorial: 1; structure: the template version
 * @param builtFrom  structure texts: the release whose title and characters it was built from
 * @param updatedAt  admin texts: when the version was approved
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlainText(String text, String source, String author, String reviewedBy, int version, String builtFrom,
                        Instant updatedAt) {

    public static final String ADMIN = "admin";
    public static final String EDITORIAL = "editorial";
    public static final String STRUCTURE = "structure";
}
