package com.casecoding.codes.catalog;

import com.casecoding.codes.release.CodeKinds;
import com.casecoding.codes.catalog.CodeStatus.State;
import com.casecoding.codes.release.Currency;
import com.casecoding.codes.release.LoadedRelease;
import com.casecoding.common.codes.CodeSystem;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a code's status on a date from the releases of its dataset (with their periods), the releases that hold
 * the code and the code's own official dates. In this order:
 * <ol>
 * <li>the code's official dates (HCPCS added and termination dates, ICD addenda, AOC deletion dates) when the date
 * is outside them;</li>
 * <li>a release in effect on the date that lists the code: valid;</li>
 * <li>the release in effect on the date lists its whole code set (for the code's kind) and not this code: deleted
 * (an earlier release had it), not yet valid (a later one has it) or unknown;</li>
 * <li>no such release covers the date: the official dates (a HCPCS code added in 2011 was valid in 2024 although
 * the oldest loaded HCPCS file is from 2025), the releases on both sides of a gap, a deletion already published
 * before the date; otherwise the data cannot say, and the status says why (the newest release ended, the oldest
 * began later, the release in effect is a partial list).</li>
 * </ol>
 */
final class StatusJudge {

    /** The code's row in one release: header flag and the official dates the row carries. */
    record Holding(boolean header, LocalDate added, LocalDate terminated) {
    }

    /** The code's own validity from official fields, with the field that says it. */
    record Official(LocalDate from, String fromBasis, LocalDate to, String toBasis) {
        static final Official NONE = new Official(null, null, null, null);
    }

    /** The code judged: a code or hierarchy node of its system in stored form. */
    private record Key(CodeSystem system, String code) {
        String display() {
            return system.display(code);
        }
    }

    private StatusJudge() {
    }

    static CodeStatus judge(CodeSystem system, String stored, List<LoadedRelease> releases, Map<Long, Holding> holdings,
                            Official official, LocalDate date, Currency currency) {
        Key key = new Key(system, stored);
        String code = key.display();
        if (releases.isEmpty()) {
            return new CodeStatus(system, stored, date, State.NOT_LOADED, false, null, null, null, null, null, null, null,
                    currency,
                    currency.notice());
        }
        String kind = CodeKinds.kind(system, stored);
        List<LoadedRelease> holders = releases.stream().filter(r -> holdings.containsKey(r.id())).toList();
        LoadedRelease record = recordFor(holders, date);
        boolean header = record != null && holdings.get(record.id()).header();
        Official o = consistent(official, holders, holdings);

        if (o.to() != null && date.isAfter(o.to())) {
            // the release that no longer lists it, when one is loaded: the one in effect the day after
            LocalDate dayAfter = o.to().plusDays(1);
            LoadedRelease gone = releases.stream().filter(r -> r.listsAll(kind) && !holdings.containsKey(r.id())
                    && r.period().covers(dayAfter)).max(inEffectOrder()).orElse(record);
            return status(o, key, date, State.TERMINATED, header, gone, record, o.from(), o.to(), o.toBasis(),
                    currency, code + " was valid until " + o.to() + " (" + o.toBasis() + "); it is not valid on "
                            + date + ".");
        }
        if (o.from() != null && date.isBefore(o.from())) {
            return status(o, key, date, State.NOT_YET_VALID, header, record, record, o.from(), o.to(), o.fromBasis(),
                    currency, code + " is not valid until " + o.from() + " (" + o.fromBasis() + ").");
        }
        // the release in effect for this kind of code: it supersedes older releases that still cover the date
        Optional<LoadedRelease> inEffect = releases.stream()
                .filter(r -> r.period().covers(date) && r.listsAll(kind)).max(inEffectOrder());
        LocalDate since = inEffect.map(r -> r.period().from()).orElse(LocalDate.MIN);
        Optional<LoadedRelease> listing = holders.stream().filter(r -> r.period().covers(date)
                && !r.period().from().isBefore(since)).max(inEffectOrder());
        if (listing.isPresent()) {
            LoadedRelease r = listing.get();
            boolean h = holdings.get(r.id()).header();
            return status(o, key, date, State.VALID, h, r, r, o.from(), o.to(), "listed in " + r.label(), currency,
                    code + " is " + (h ? "a header (not billable) " : "valid ") + "in " + r.label() + " ("
                            + r.period() + ").");
        }
        if (inEffect.isPresent()) {
            LoadedRelease now = inEffect.get();
            Optional<CodeStatus> dropped = droppedBefore(key, releases, holders, holdings, kind, date, o, currency);
            if (dropped.isPresent()) {
                return dropped.get();
            }
            Optional<LoadedRelease> later = holders.stream().filter(r -> r.period().from().isAfter(date))
                    .min(Comparator.comparing((LoadedRelease r) -> r.period().from()));
            if (later.isPresent()) {
                LoadedRelease first = later.get();
                return status(o, key, date, State.NOT_YET_VALID, holdings.get(first.id()).header(), first, first,
                        first.period().from(), o.to(), "first listed in " + first.label(), currency,
                        code + " is not valid until " + first.period().from() + ": " + now.label()
                                + ", in effect on " + date + ", does not list it; " + first.label() + " does.");
            }
            return status(o, key, date, State.UNKNOWN, false, now, record, null, null, "not listed in " + now.label(),
                    currency, code + " is not a " + key.system().label() + " code in " + now.label()
                            + ", the release in effect on " + date + ".");
        }
        // no release that lists this kind of code in full covers the date
        if (!holders.isEmpty() && o.from() != null && !o.from().isAfter(date)
                && date.isBefore(holders.get(0).period().from())) {
            LoadedRelease first = holders.get(0);
            return status(o, key, date, State.VALID, holdings.get(first.id()).header(), first, first, o.from(), o.to(),
                    o.fromBasis(), currency, code + " was valid on " + date + ": " + o.fromBasis() + " dates it from "
                            + o.from() + (o.to() == null ? " with no termination" : " to " + o.to()) + ". "
                            + currency.notice());
        }
        Optional<LoadedRelease> before = releases.stream()
                .filter(r -> (r.listsAll(kind) || holdings.containsKey(r.id())) && r.period().to() != null
                        && r.period().to().isBefore(date))
                .max(Comparator.comparing((LoadedRelease r) -> r.period().to()));
        Optional<LoadedRelease> after = releases.stream()
                .filter(r -> (r.listsAll(kind) || holdings.containsKey(r.id())) && r.period().from().isAfter(date))
                .min(Comparator.comparing((LoadedRelease r) -> r.period().from()));
        if (before.isPresent() && after.isPresent() && holdings.containsKey(before.get().id())
                && holdings.containsKey(after.get().id())) {
            LoadedRelease prev = before.get();
            return status(o, key, date, State.VALID, holdings.get(prev.id()).header(), prev, prev, o.from(), o.to(),
                    "listed in " + prev.label() + " and in " + after.get().label(), currency,
                    code + " is listed in " + prev.label() + " (to " + prev.period().to() + ") and in "
                            + after.get().label() + " (from " + after.get().period().from() + "), so it was valid on "
                            + date + " in between.");
        }
        Optional<CodeStatus> dropped = droppedBefore(key, releases, holders, holdings, kind, date, o, currency);
        if (dropped.isPresent()) {
            return dropped.get();
        }
        if (!holders.isEmpty() && date.isBefore(holders.get(0).period().from())) {
            LoadedRelease first = holders.get(0);
            Optional<LoadedRelease> without = releases.stream().filter(r -> r.listsAll(kind)
                    && r.period().from().isAfter(date) && r.period().from().isBefore(first.period().from())
                    && !holdings.containsKey(r.id())).findFirst();
            if (without.isPresent()) {
                return status(o, key, date, State.NOT_YET_VALID, holdings.get(first.id()).header(), first, first,
                        first.period().from(), o.to(), "first listed in " + first.label(), currency,
                        code + " is not valid until " + first.period().from() + ": " + without.get().label()
                                + " does not list it, " + first.label() + " is the first that does.");
            }
        }
        return status(o, key, date, State.UNVERIFIED, header, null, record, o.from(), o.to(), null, currency,
                unverified(key, record, date, currency));
    }

    /**
     * Deleted by the date: a release that lists the code's kind in full, begins after the last release holding the
     * code and not after the date, and no longer lists it.
     */
    private static Optional<CodeStatus> droppedBefore(Key key, List<LoadedRelease> releases,
                                                      List<LoadedRelease> holders, Map<Long, Holding> holdings,
                                                      String kind, LocalDate date, Official o, Currency currency) {
        Optional<LoadedRelease> lastHolder = holders.stream().filter(r -> !r.period().from().isAfter(date))
                .max(Comparator.comparing((LoadedRelease r) -> r.period().from()).thenComparingLong(LoadedRelease::id));
        if (lastHolder.isEmpty()) {
            return Optional.empty();
        }
        LoadedRelease last = lastHolder.get();
        Optional<LoadedRelease> without = releases.stream().filter(r -> r.listsAll(kind)
                && !holdings.containsKey(r.id()) && r.period().from().isAfter(last.period().from())
                && !r.period().from().isAfter(date)).min(Comparator.comparing((LoadedRelease r) -> r.period().from()));
        if (without.isEmpty()) {
            return Optional.empty();
        }
        LoadedRelease gone = without.get();
        LocalDate until = o.to() != null && o.to().isBefore(gone.period().from()) ? o.to()
                : gone.period().from().minusDays(1);
        return Optional.of(status(o, key, date, State.TERMINATED, holdings.get(last.id()).header(), gone, last,
                o.from(), until, "not listed in " + gone.label(), currency,
                key.display() + " was deleted effective " + until.plusDays(1) + ": " + gone.label()
                        + " no longer lists it (last listed in " + last.label() + ")."));
    }

    private static String unverified(Key key, LoadedRelease record, LocalDate date, Currency currency) {
        String label = key.system().label();
        if (currency.covered()) {
            // the release in effect is a partial list without the code
            return key.display() + " is not in " + label + " " + currency.inEffect().version()
                    + ", the release in effect on " + date + ", which is a partial list"
                    + (record == null ? "; no loaded release lists it." : "; it was last listed in " + record.label()
                    + ".") + " Its status on " + date + " is not known here.";
        }
        String tail = currency.state() == Currency.State.FINAL ? ""
                : record == null ? " A code added since is not known here." : " Its status on " + date
                + " is not known here.";
        return (record == null ? key.display() + " is not in any loaded " + label + " release. "
                : key.display() + " is listed in " + record.label() + " (" + record.period() + "). ")
                + currency.notice() + tail;
    }

    /** The release whose row describes the code on the date: the one in effect, else the latest before, else the first. */
    private static LoadedRelease recordFor(List<LoadedRelease> holders, LocalDate date) {
        if (holders.isEmpty()) {
            return null;
        }
        return holders.stream().filter(r -> r.period().covers(date)).max(inEffectOrder())
                .or(() -> holders.stream().filter(r -> !r.period().from().isAfter(date)).max(inEffectOrder()))
                .orElse(holders.get(0));
    }

    /**
     * Drops official dates the releases contradict: a code listed, without a termination date of its own, by a
     * release that begins after its termination was re-activated (HCPCS files list terminated codes with their
     * termination date, which is no contradiction).
     */
    private static Official consistent(Official o, List<LoadedRelease> holders, Map<Long, Holding> holdings) {
        LocalDate officialTo = o.to();
        LocalDate officialFrom = o.from();
        LocalDate to = officialTo != null && holders.stream().anyMatch(r -> r.period().from().isAfter(officialTo)
                && holdings.get(r.id()).terminated() == null) ? null : officialTo;
        LocalDate from = officialFrom != null && holders.stream()
                .anyMatch(r -> r.period().to() != null && r.period().to().isBefore(officialFrom)) ? null : officialFrom;
        return new Official(from, from == null ? null : o.fromBasis(), to, to == null ? null : o.toBasis());
    }

    /** Which of several releases covering a date answers: a whole code set over a partial list, then the newest. */
    static Comparator<LoadedRelease> inEffectOrder() {
        return Comparator.comparing(LoadedRelease::complete).thenComparing(r -> r.period().from())
                .thenComparingLong(LoadedRelease::id);
    }

    private static CodeStatus status(Official o, Key key, LocalDate date, State state, boolean header,
                                     LoadedRelease release, LoadedRelease record, LocalDate since, LocalDate until,
                                     String basis, Currency currency, String message) {
        String sinceBasis = since == null ? null : since.equals(o.from()) ? o.fromBasis() : basis;
        String untilBasis = until == null ? null : until.equals(o.to()) ? o.toBasis() : basis;
        return new CodeStatus(key.system(), key.code(), date, state, header, release, record, since, sinceBasis,
                until, untilBasis, basis, currency, message);
    }
}
