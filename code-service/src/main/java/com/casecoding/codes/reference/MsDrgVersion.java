package com.casecoding.codes.reference;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An MS-DRG grouper version: version N is the grouper of federal fiscal year 1983 + N (v33 = FY2016, the first ICD-10
 * version), effective October 1 before that year; N.1 is the update of April 1 inside the year.
 */
public record MsDrgVersion(int major, int minor) {

    /** {@code v40}, {@code v40.1}. */
    public String version() {
        return "v" + major + (minor == 0 ? "" : "." + minor);
    }

    public int fiscalYear() {
        return 1983 + major;
    }

    public LocalDate effectiveDate() {
        return minor == 0 ? LocalDate.of(fiscalYear() - 1, 10, 1) : LocalDate.of(fiscalYear(), 4, 1);
    }

    /** Reads {@link #version()} back; empty for anything else. */
    public static Optional<MsDrgVersion> parse(String version) {
        if (version == null || version.length() < 3 || version.charAt(0) != 'v') {
            return Optional.empty();
        }
        String rest = version.substring(1);
        int dot = rest.indexOf('.');
        String major = dot < 0 ? rest : rest.substring(0, dot);
        String minor = dot < 0 ? "0" : rest.substring(dot + 1);
        if (major.isEmpty() || minor.isEmpty() || !(major + minor).chars().allMatch(ch -> ch >= '0' && ch <= '9')
                || major.length() > 3 || minor.length() > 1) {
            return Optional.empty();
        }
        return Optional.of(new MsDrgVersion(Integer.parseInt(major), Integer.parseInt(minor)));
    }
}
