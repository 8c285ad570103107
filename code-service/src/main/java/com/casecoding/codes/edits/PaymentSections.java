package com.casecoding.codes.edits;

import com.casecoding.codes.release.Currency;
import com.casecoding.codes.release.ReleaseCatalog;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The payment-related sections of a CPT or HCPCS code page (for registered users): payment (the global row and the
 * component rows -26/-TC/-53 with their fees), unit limits (MUE), add-on rules (the edits in effect on the page's
 * date, and the ended ones with their end dates) and the modifiers the fee schedule ties to the code. Other code
 * systems have none of these: the list is empty. Each section says when the table read is not in effect on the date.
 */
@ApplicationScoped
public class PaymentSections {

    public static final String PAYMENT = "payment";
    public static final String UNIT_LIMITS = "unit-limits";
    public static final String ADD_ON = "add-on-rules";
    public static final String MODIFIERS = "modifiers";

    /** One page section; {@code body} is null when the tables hold nothing for the code, and {@code note} says so. */
    public record Section(String key, String title, @Schema(nullable = true) String note, Object body) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitLimit(String setting, String settingLabel, Integer value, Integer adjudicationIndicator,
                            String adjudicationExplained, String rationale, EditRelease release, String notice) {
    }

    public record Primary(String code, int type, LocalDate effective, LocalDate deleted, LocalDate primaryDeleted,
                          String notes) {
    }

    /** An add-on edit that is no longer in effect: since when. */
    public record Ended(String code, int type, LocalDate ended) {
    }

    /**
     * @param asOf                   the date the edits are read for
     * @param eligiblePrimaries      primary codes of the edits in effect on {@code asOf}
     * @param endedPrimaries         primary codes whose edit ended before {@code asOf}, with the end date
     * @param addOnCodesForThisCode  add-on codes whose edits in effect list this code as a primary
     * @param endedAddOnCodes        add-on codes whose edits with this primary all ended, with the last end date
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AddOnRules(boolean addOn, LocalDate asOf, List<String> types, boolean contractorDefinedPrimaries,
                             List<Primary> eligiblePrimaries, List<Ended> endedPrimaries,
                             List<String> addOnCodesForThisCode, List<Ended> endedAddOnCodes, EditRelease release,
                             String note, String notice) {
    }

    /** Codes without a global row: their component rows only (a laboratory interpretation -26, for example). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComponentsOnly(String note, List<Payment> components, EditRelease release, String releaseNotice) {
    }

    @Inject
    EditTables tables;

    @Inject
    ReleaseCatalog releases;

    /**
     * @param system   code system id ({@code cpt} or {@code hcpcs}; others yield no sections)
     * @param locality optional {@code MAC-locality} for the locality fee
     * @throws IllegalArgumentException when the locality is unknown
     */
    public List<Section> forCode(String system, String code, String locality) {
        String s = system == null ? "" : system.trim().toLowerCase(Locale.ROOT);
        if (!s.equals("cpt") && !s.equals("hcpcs")) {
            return List.of();
        }
        String c = EditTables.normalize(code);
        LocalDate today = releases.today();
        List<Section> sections = new ArrayList<>();
        sections.add(payment(c, locality, today));
        sections.add(unitLimits(c, today));
        sections.add(addOnRules(c, today));
        sections.add(modifiers(c));
        return sections;
    }

    /** The notice when the table read is not in effect on the date; null when it is. */
    private String notice(Optional<EditRelease> read, LocalDate date) {
        if (read.isEmpty()) {
            return null;
        }
        Currency c = releases.currency(read.get().dataset(), date);
        if (c.covered()) {
            return c.inEffect().version().equals(read.get().version()) ? null
                    : "These values are from " + read.get().version() + "; " + c.inEffect().version()
                    + " is the release in effect on " + date + ".";
        }
        return c.notice() + " These values are from " + read.get().version() + ".";
    }

    /** The payment section on today's date; {@code locality} optional. */
    public Section payment(String code, String locality) {
        return payment(code, locality, releases.today());
    }

    /**
     * The payment section: the global row (national and locality fees) with the component rows (-26, -TC, -53) and
     * their own fees. @throws IllegalArgumentException for an unknown locality
     */
    public Section payment(String code, String locality, LocalDate date) {
        List<RvuEntry> rows = tables.rvu(code);
        if (rows.isEmpty()) {
            return new Section(PAYMENT, "Medicare payment", tables.release(EditDataset.MPFS_RVU).isEmpty()
                    ? "The Medicare fee schedule has not been imported."
                    : "This code is not in the Medicare Physician Fee Schedule.", null);
        }
        Optional<Payment> global = tables.payment(code, "", locality);
        List<Payment> components = new ArrayList<>();
        for (RvuEntry r : rows) {
            if (r.modifier() != null && !r.modifier().isBlank()) {
                tables.payment(code, r.modifier(), locality).ifPresent(components::add);
            }
        }
        String notice = notice(tables.release(EditDataset.MPFS_RVU), date);
        if (global.isPresent()) {
            Payment p = global.get().with(List.copyOf(components), notice);
            return new Section(PAYMENT, "Medicare payment", p.feeNote(), p);
        }
        String mods = String.join(", ", components.stream().map(Payment::modifier).toList());
        return new Section(PAYMENT, "Medicare payment", null, new ComponentsOnly("The fee schedule lists this code "
                + "only with modifier " + mods + ": bill it with that modifier.", List.copyOf(components),
                rows.get(0).release(), notice));
    }

    /** MUE per setting with the adjudication indicator explained, on today's date. */
    public Section unitLimits(String code) {
        return unitLimits(code, releases.today());
    }

    /** MUE per setting with the adjudication indicator explained, and whether the MUE table read is in effect. */
    public Section unitLimits(String code, LocalDate date) {
        List<UnitLimit> limits = new ArrayList<>();
        for (CareSetting setting : CareSetting.values()) {
            Optional<EditRelease> read = tables.release(EditDataset.mue(setting));
            String notice = notice(read, date);
            limits.add(tables.mue(code, setting)
                    .map(m -> new UnitLimit(setting.id(), setting.label(), m.value(), m.adjudicationIndicator(),
                            m.adjudicationExplained(), m.rationale(), m.release(), notice))
                    .orElseGet(() -> new UnitLimit(setting.id(), setting.label(), null, null,
                            "No MUE for this code in this setting.", null, read.orElse(null), notice)));
        }
        boolean any = limits.stream().anyMatch(l -> l.value() != null);
        return new Section(UNIT_LIMITS, "Unit limits (MUE)", any ? null : "No MUE is published for this code.", limits);
    }

    /** The modifiers the fee schedule pays or refuses with this code (from its RVU rows and indicators). */
    public Section modifiers(String code) {
        List<RvuEntry> rows = tables.rvu(code);
        if (rows.isEmpty()) {
            return new Section(MODIFIERS, "Modifiers", tables.release(EditDataset.MPFS_RVU).isEmpty()
                    ? "The Medicare fee schedule has not been imported: no file that ties modifiers to codes is loaded."
                    : "This code is not in the Medicare Physician Fee Schedule, which is where modifier rules "
                    + "per code come from.", null);
        }
        return new Section(MODIFIERS, "Modifiers", null, ModifierRules.of(EditTables.normalize(code), rows));
    }

    /** The add-on rules on today's date. */
    public Section addOnRules(String code) {
        return addOnRules(code, releases.today());
    }

    /**
     * Whether the code is an add-on code, the primaries of its edits in effect on the date (the ended ones listed
     * apart with their end dates), and the add-on codes whose edits in effect list it as primary.
     */
    public Section addOnRules(String code, LocalDate date) {
        List<AddOnEdit> edits = tables.addOnPrimaries(code);
        List<AddOnEdit> active = edits.stream().filter(e -> e.activeOn(date)).toList();
        List<Primary> primaries = active.stream().filter(e -> !e.contractorDefined())
                .map(e -> new Primary(e.primaryCode(), e.type(), e.effective(), e.deleted(), e.primaryDeleted(),
                        e.notes()))
                .sorted(Comparator.comparing(Primary::code)).toList();
        List<Ended> endedPrimaries = edits.stream().filter(e -> !e.activeOn(date) && !e.contractorDefined()
                        && ended(e) != null && ended(e).isBefore(date))
                .filter(e -> active.stream().noneMatch(a -> a.primaryCode().equals(e.primaryCode())))
                .map(e -> new Ended(e.primaryCode(), e.type(), ended(e)))
                .sorted(Comparator.comparing(Ended::code)).toList();
        List<String> types = active.stream().map(AddOnEdit::type).distinct().sorted()
                .map(Explanations::aocType).toList();
        boolean contractor = active.stream().anyMatch(AddOnEdit::contractorDefined);
        List<String> addOns = new ArrayList<>();
        Map<String, LocalDate> endedAddOns = new TreeMap<>();
        String primary = EditTables.normalize(code);
        for (String addOn : tables.addOnsOf(code)) {
            List<AddOnEdit> withThis = tables.addOnPrimaries(addOn).stream()
                    .filter(e -> e.primaryCode().equals(primary)).toList();
            if (withThis.stream().anyMatch(e -> e.activeOn(date))) {
                addOns.add(addOn);
            } else {
                withThis.stream().map(PaymentSections::ended).filter(d -> d != null && d.isBefore(date))
                        .max(Comparator.naturalOrder()).ifPresent(d -> endedAddOns.put(addOn, d));
            }
        }
        Map<String, Integer> addOnType = new LinkedHashMap<>();
        endedAddOns.keySet().forEach(a -> addOnType.put(a, tables.addOnPrimaries(a).get(0).type()));
        Optional<EditRelease> read = tables.release(EditDataset.NCCI_AOC);
        String notice = notice(read, date);
        String note;
        if (edits.isEmpty()) {
            note = addOns.isEmpty() ? "This code is not an add-on code."
                    : "This code is not an add-on code; it is a primary code for the add-on codes listed.";
        } else if (active.isEmpty()) {
            LocalDate last = edits.stream().map(PaymentSections::ended).filter(d -> d != null)
                    .max(Comparator.naturalOrder()).orElse(null);
            note = "This add-on code has no add-on edit in effect on " + date
                    + (last == null ? "." : ": its edits ended " + last + ".");
        } else {
            note = null;
        }
        AddOnRules rules = new AddOnRules(!edits.isEmpty(), date, types, contractor, primaries,
                endedPrimaries.isEmpty() ? null : endedPrimaries, addOns.stream().sorted().toList(),
                endedAddOns.isEmpty() ? null : endedAddOns.entrySet().stream()
                        .map(e -> new Ended(e.getKey(), addOnType.get(e.getKey()), e.getValue())).toList(),
                read.orElse(null), note, notice);
        return new Section(ADD_ON, "Add-on code rules", note, rules);
    }

    /** The last day an add-on edit row applies: the earliest of its own, the add-on's and the primary's deletion. */
    static LocalDate ended(AddOnEdit e) {
        return java.util.stream.Stream.of(e.deleted(), e.addOnDeleted(), e.primaryDeleted())
                .filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }
}
