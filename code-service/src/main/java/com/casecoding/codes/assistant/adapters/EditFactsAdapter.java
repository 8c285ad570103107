package com.casecoding.codes.assistant.adapters;

import com.casecoding.codes.assistant.data.EditFacts;
import com.casecoding.codes.assistant.data.ReleaseRef;
import com.casecoding.codes.edits.AddOnEdit;
import com.casecoding.codes.edits.CareSetting;
import com.casecoding.codes.edits.EditDataset;
import com.casecoding.codes.edits.EditRelease;
import com.casecoding.codes.edits.EditTables;
import com.casecoding.codes.edits.GpciEntry;
import com.casecoding.codes.edits.Payment;
import com.casecoding.codes.edits.PtpEdit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link EditFacts} over the NCCI and fee schedule tables of {@code com.casecoding.codes.edits}. */
public class EditFactsAdapter implements EditFacts {

    private final EditTables tables;
    private final Clock clock;

    public EditFactsAdapter(EditTables tables, Clock clock) {
        this.tables = tables;
        this.clock = clock;
    }

    static ReleaseRef ref(EditRelease r) {
        return r == null ? null : new ReleaseRef(r.dataset(), r.version(), r.effectiveDate());
    }

    /** Explanations start with the indicator itself ("3 Date of service edit..."); the answer names it already. */
    static String withoutLeadingValue(String text) {
        return text.replaceFirst("^(Type )?\\d+:?\\s+", "");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    public Optional<ReleaseRef> ptpRelease() {
        return tables.release(EditDataset.PTP_PRACTITIONER).or(() -> tables.release(EditDataset.PTP_OUTPATIENT_HOSPITAL))
                .map(EditFactsAdapter::ref);
    }

    @Override
    public List<Ptp> ptp(String codeA, String codeB, LocalDate date) {
        List<Ptp> out = new ArrayList<>();
        for (CareSetting setting : List.of(CareSetting.PRACTITIONER, CareSetting.OUTPATIENT_HOSPITAL)) {
            for (PtpEdit e : tables.ptpEdits(List.of(codeA, codeB), date, setting)) {
                out.add(new Ptp(e.column1(), e.column2(), e.modifierIndicator(), withoutLeadingValue(e.modifierExplained()),
                        e.effective(), e.deleted(), e.rationale(), e.setting().label(), ref(e.release())));
            }
        }
        return out;
    }

    @Override
    public List<Mue> mue(String code) {
        List<Mue> out = new ArrayList<>();
        for (CareSetting s : CareSetting.values()) {
            tables.mue(code, s).ifPresent(m -> out.add(new Mue(m.code(), s.label(), m.value(),
                    m.adjudicationIndicator(), withoutLeadingValue(m.adjudicationExplained()), m.rationale(),
                    ref(m.release()))));
        }
        return out;
    }

    @Override
    public Optional<ReleaseRef> mueRelease() {
        return tables.release(EditDataset.MUE_PRACTITIONER).map(EditFactsAdapter::ref);
    }

    @Override
    public List<AddOn> addOnPrimaries(String addOnCode) {
        List<AddOn> out = new ArrayList<>();
        for (AddOnEdit e : tables.addOnPrimaries(addOnCode, today())) {
            out.add(new AddOn(e.type(), withoutLeadingValue(e.typeExplained()), e.addOnCode(), e.primaryCode(),
                    e.effective(), e.notes(), ref(e.release())));
        }
        return out;
    }

    @Override
    public List<String> addOnsOf(String primaryCode) {
        LocalDate today = today();
        return tables.addOnsOf(primaryCode).stream()
                .filter(addOn -> tables.addOnPrimaries(addOn, today).stream()
                        .anyMatch(e -> e.primaryCode().equals(primaryCode)))
                .sorted().toList();
    }

    @Override
    public Optional<ReleaseRef> addOnRelease() {
        return tables.release(EditDataset.NCCI_AOC).map(EditFactsAdapter::ref);
    }

    @Override
    public Optional<Payment> payment(String code, Optional<String> localityId) {
        Optional<com.casecoding.codes.edits.Payment> found;
        try {
            found = tables.payment(code, localityId.orElse(null));
        } catch (IllegalArgumentException unknownLocality) {
            found = tables.payment(code, null);
        }
        return found.map(EditFactsAdapter::convert);
    }

    private static Payment convert(com.casecoding.codes.edits.Payment p) {
        com.casecoding.codes.edits.Payment.LocalityFees lf = p.localityFee();
        return new Payment(p.code(), p.modifier(), indicator(p.status()), p.workRvu(), p.nonFacilityPeRvu(),
                p.facilityPeRvu(), p.mpRvu(), p.nonFacilityTotalRvu(), p.facilityTotalRvu(), indicator(p.globalDays()),
                p.conversionFactor(), p.nationalFee() == null ? null : p.nationalFee().nonFacility(),
                p.nationalFee() == null ? null : p.nationalFee().facility(),
                lf == null ? null : new Locality(lf.locality(), lf.state(), lf.name()),
                lf == null ? null : lf.nonFacility(), lf == null ? null : lf.facility(), p.feeNote(), ref(p.release()),
                lf == null ? null : ref(lf.release()));
    }

    private static Indicator indicator(com.casecoding.codes.edits.Payment.Indicator i) {
        return new Indicator(i.name(), i.value(), i.meaning());
    }

    @Override
    public List<Locality> localities() {
        return tables.localities().stream().map(EditFactsAdapter::locality).toList();
    }

    private static Locality locality(GpciEntry g) {
        return new Locality(g.id(), g.state(), g.name());
    }
}
