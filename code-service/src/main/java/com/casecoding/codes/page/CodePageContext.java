package com.casecoding.codes.page;

import com.casecoding.codes.catalog.CodeStatus;
import com.casecoding.common.codes.CodeSystem;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a section knows about the code being shown.
 *
 * @param system       the code system
 * @param code         normalized code: upper case, no dot ({@code E119})
 * @param displayCode  as people write it ({@code E11.9})
 * @param release      the release the page shows (the one in effect, or the one asked for with ?version= / ?date=)
 * @param entry        the code's row in that release
 * @param asOf         the date the page is about (today, or ?date=): sections show the rules in force on it
 * @param status       the code's status on {@code asOf} (from {@code catalog.CodeCatalog})
 */
public record CodePageContext(CodeSystem system, String code, String displayCode, ReleaseRef release,
                              Entry entry, LocalDate asOf, CodeStatus status) {

    /** A loaded release. */
    public record ReleaseRef(long id, String dataset, String version, LocalDate effectiveDate, boolean current) {
    }

    /** The code's row in a release: titles, header flag, parent and format-specific attributes. */
    public record Entry(boolean header, String shortTitle, String longTitle, String parentCode,
                        Map<String, Object> attrs) {
    }
}
