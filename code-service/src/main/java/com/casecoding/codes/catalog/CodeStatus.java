package com.casecoding.codes.catalog;

import com.casecoding.codes.release.Currency;
import com.casecoding.codes.release.LoadedRelease;
import com.casecoding.common.codes.CodeSystem;

import java.time.LocalDate;

/**
 * What the loaded data says about one code on one date, and from which release.
 *
 * @param code     stored form ({@code E119}); also a hierarchy node such as the ICD-10-PCS table {@code 0DT}
 * @param asOf     the date asked about
 * @param state    see {@link State}
 * @param header   the code is a header (not billable) in {@code record}
 * @param release  the release that decides: the one in effect that lists the code, the one that no longer lists
 *                 it, the first one that does; null when no release decides
 * @param record   the release whose row describes the code (the one a page shows); null when none holds the code
 * @param since      the first day the code is known to be valid, when an official field or a release says it
 * @param sinceBasis what says so ("added by the ICD-10-CM addenda FY2025", "HCPCS Level II file: code added ...")
 * @param until      the last day it was valid (terminated or deleted), when known
 * @param untilBasis what says so
 * @param basis    the fact that decided, in words ("HCPCS termination date", "not listed in ICD-10-CM FY2025")
 * @param currency whether a loaded release of the code's dataset covers {@code asOf}
 * @param message  one sentence for a coder
 */
public record CodeStatus(CodeSystem system, String code, LocalDate asOf, State state, boolean header, LoadedRelease release,
                         LoadedRelease record, LocalDate since, String sinceBasis, LocalDate until,
                         String untilBasis, String basis, Currency currency, String message) {

    public enum State {
        /** Valid on the date (a header too: see {@link #header}). */
        VALID,
        /** Not valid yet on the date: it begins on {@link #since}. */
        NOT_YET_VALID,
        /** Deleted or terminated: last valid on {@link #until}. */
        TERMINATED,
        /** Not a code of the release in effect on the date, which lists its whole code set. */
        UNKNOWN,
        /**
         * The loaded data cannot say: no loaded release covers the date (the newest ended, or the oldest begins
         * later), or the release in effect is a partial list without the code. {@link #currency} says which.
         */
        UNVERIFIED,
        /** No release of the code's dataset is loaded at all. */
        NOT_LOADED
    }

    /** Valid on the date and not a header. */
    public boolean billable() {
        return state == State.VALID && !header;
    }

    public boolean exists() {
        return record != null;
    }

    /** The code as people write it ({@code E11.9}). */
    public String display() {
        return system.display(code);
    }
}
