package com.casecoding.codes.edits;

import java.time.LocalDate;

/** The release a payment or edit answer comes from (one row of code_release). */
public record EditRelease(long id, String dataset, String version, LocalDate effectiveDate, String sourceFile) {
}
