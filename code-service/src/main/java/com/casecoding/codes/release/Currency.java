package com.casecoding.codes.release;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a loaded release of a dataset covers a date, and if not, why not.
 *
 * @param inEffect the release in effect on {@code asOf} (null unless {@code state} is {@code current})
 * @param newest   the loaded release that began last (null when none is loaded)
 * @param notice   what a coder or operator should know, in plain words; null when a whole release covers the date
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Currency(String dataset, String label, LocalDate asOf, State state, @Schema(nullable = true) Ref inEffect,
                       @Schema(nullable = true) Ref newest, @Schema(nullable = true) String notice) {

    public enum State {
        /** A loaded release covers the date. */
        CURRENT("current"),
        /** Every loaded release ended before the date: a newer release exists but is not loaded. */
        STALE("stale"),
        /** The last release of a code set its publisher no longer updates (ICD-9-CM v32, GEMs FY2018) has ended. */
        FINAL("final"),
        /** The date is before the first day of the oldest loaded release. */
        BEFORE_OLDEST("before-oldest"),
        /** The date falls between two loaded releases (a quarterly file in between is missing). */
        GAP("gap"),
        NOT_LOADED("not-loaded");

        private final String id;

        State(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    /** A release as currency answers name it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ref(String version, @Schema(nullable = true) LocalDate validFrom,
                      @Schema(nullable = true) LocalDate validTo, @Schema(nullable = true) Boolean partial) {
        static Ref of(LoadedRelease r) {
            return r == null ? null : new Ref(r.version(), r.period().from(), r.period().to(),
                    r.complete() ? null : Boolean.TRUE);
        }
    }

    @JsonIgnore
    public boolean covered() {
        return state == State.CURRENT;
    }

    /** The currency of a dataset on a date, from its releases. */
    public static Currency of(String dataset, List<LoadedRelease> releases, LocalDate date) {
        String label = ReleaseCalendar.label(dataset);
        if (releases.isEmpty()) {
            return new Currency(dataset, label, date, State.NOT_LOADED, null, null,
                    "No " + label + " release is loaded.");
        }
        LoadedRelease newest = releases.stream().max(Comparator.comparing((LoadedRelease r) -> r.period().from())
                .thenComparingLong(LoadedRelease::id)).orElseThrow();
        Optional<LoadedRelease> inEffect = ReleaseCatalog.inEffect(releases, date);
        if (inEffect.isPresent()) {
            LoadedRelease r = inEffect.get();
            String notice = r.complete() ? null : label + " " + r.version() + " (" + r.period()
                    + ") is a partial list" + (r.note() == null ? "" : ": " + r.note())
                    + ". A code missing from it may still be valid.";
            return new Currency(dataset, label, date, State.CURRENT, Ref.of(r), Ref.of(newest), notice);
        }
        Optional<LoadedRelease> before = releases.stream()
                .filter(r -> r.period().to() != null && r.period().to().isBefore(date))
                .max(Comparator.comparing((LoadedRelease r) -> r.period().to()));
        Optional<LoadedRelease> after = releases.stream().filter(r -> r.period().from().isAfter(date))
                .min(Comparator.comparing((LoadedRelease r) -> r.period().from()));
        if (after.isEmpty()) {
            LoadedRelease last = before.orElse(newest);
            Optional<String> last0 = ReleaseCalendar.finalNotice(dataset, last.version());
            if (last0.isPresent()) {
                return new Currency(dataset, label, date, State.FINAL, null, Ref.of(newest), last0.get());
            }
            return new Currency(dataset, label, date, State.STALE, null, Ref.of(newest),
                    "The newest loaded " + label + " release is " + last.version() + ", which ended "
                            + last.period().to() + ".");
        }
        if (before.isEmpty()) {
            return new Currency(dataset, label, date, State.BEFORE_OLDEST, null, Ref.of(newest),
                    "The oldest loaded " + label + " release is " + after.get().version() + ", which began "
                            + after.get().period().from() + ".");
        }
        return new Currency(dataset, label, date, State.GAP, null, Ref.of(newest),
                "No loaded " + label + " release covers " + date + ": " + before.get().version() + " ended "
                        + before.get().period().to() + " and " + after.get().version() + " began "
                        + after.get().period().from() + ".");
    }
}
