package com.casecoding.codes.edits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The payment-related sections of a CPT or HCPCS code page (for registered users): payment, unit limits (MUE),
 * add-on rules with related codes, and the modifiers the fee schedule ties to the code. Other code systems have none
 * of these: the list is empty.
 */
@ApplicationScoped
public class PaymentSections {

    public static final String PAYMENT = "payment";
    public static final String UNIT_LIMITS = "unit-limits";
    public static final String ADD_ON = "add-on-rules";
    public static final String MODIFIERS = "modifiers";

    /** One page section; {@code body} is null when the tables hold nothing for the code, and {@code note} says so. */
    public record Section(String key, String title, String note, Object body) {
    }

    public record UnitLimit(String setting, String settingLabel, Integer value, Integer adjudicationIndicator,
                            String adjudicationExplained, String rationale, EditRelease release) {
    }

    public record Primary(String code, int type, LocalDate effective, LocalDate deleted, LocalDate primaryDeleted,
                          String notes, boolean activeToday) {
    }

    public record AddOnRules(boolean addOn, List<String> types, boolean contractorDefinedPrimaries,
                             List<Primary> eligiblePrimaries, List<String> addOnCodesForThisCode,
                             EditRelease release) {
    }

    @Inject
    EditTables tables;

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
        List<Section> sections = new ArrayList<>();
        sections.add(payment(c, locality));
        sections.add(unitLimits(c));
        sections.add(addOnRules(c));
        sections.add(modifiers(c));
        return sections;
    }

    /** The payment section; {@code locality} optional. @throws IllegalArgumentException for an unknown locality */
    public Section payment(String code, String locality) {
        return tables.payment(code, locality)
                .map(p -> new Section(PAYMENT, "Medicare payment", p.feeNote(), (Object) p))
                .orElseGet(() -> new Section(PAYMENT, "Medicare payment", tables.release(EditDataset.MPFS_RVU).isEmpty()
                        ? "The Medicare fee schedule has not been imported."
                        : "This code is not in the Medicare Physician Fee Schedule.", null));
    }

    /** MUE per setting with the adjudication indicator explained. */
    public Section unitLimits(String code) {
        List<UnitLimit> limits = new ArrayList<>();
        for (CareSetting setting : CareSetting.values()) {
            limits.add(tables.mue(code, setting)
                    .map(m -> new UnitLimit(setting.id(), setting.label(), m.value(), m.adjudicationIndicator(),
                            m.adjudicationExplained(), m.rationale(), m.release()))
                    .orElseGet(() -> new UnitLimit(setting.id(), setting.label(), null, null,
                            "No MUE for this code in this setting.", null,
                            tables.release(EditDataset.mue(setting)).orElse(null))));
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
        ModifierRules rules = ModifierRules.of(rows);
        String note = rules.applies().isEmpty() && rules.notPaid().isEmpty()
                ? "The fee schedule sets no modifier rule for this code (its indicators say the concepts do not apply)."
                : null;
        return new Section(MODIFIERS, "Modifiers", note, rules);
    }

    /** Whether the code is an add-on, its eligible primaries, and the add-ons that list it as primary. */
    public Section addOnRules(String code) {
        List<AddOnEdit> edits = tables.addOnPrimaries(code);
        Set<String> addOns = tables.addOnsOf(code);
        LocalDate today = LocalDate.now();
        List<Primary> primaries = edits.stream().filter(e -> !e.contractorDefined())
                .map(e -> new Primary(e.primaryCode(), e.type(), e.effective(), e.deleted(), e.primaryDeleted(),
                        e.notes(), e.activeOn(today)))
                .sorted(Comparator.comparing(Primary::activeToday).reversed().thenComparing(Primary::code))
                .toList();
        List<String> types = edits.stream().map(AddOnEdit::type).distinct().sorted()
                .map(Explanations::aocType).toList();
        boolean contractor = edits.stream().anyMatch(AddOnEdit::contractorDefined);
        AddOnRules rules = new AddOnRules(!edits.isEmpty(), types, contractor, primaries, List.copyOf(addOns),
                tables.release(EditDataset.NCCI_AOC).orElse(null));
        String note = edits.isEmpty()
                ? (addOns.isEmpty() ? "This code is not an add-on code." : "This code is not an add-on code; it is a primary code for the add-on codes listed.")
                : null;
        return new Section(ADD_ON, "Add-on code rules", note, rules);
    }
}
