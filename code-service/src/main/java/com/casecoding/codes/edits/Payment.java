package com.casecoding.codes.edits;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The Medicare payment of a code: RVUs, global period and indicators explained, and the fees (national, and at a
 * locality when one was asked for). A fee is null when it does not apply (NA indicator, or a status that is not
 * paid from these RVUs) and {@code feeNote} says why.
 *
 * @param components    the code's other fee schedule rows: the professional (-26) and technical (-TC) components of a
 *                      diagnostic test, a discontinued procedure (-53), each with its own RVUs and fees
 * @param releaseNotice set when the fee schedule release read is not in effect on the date of the page
 */
public record Payment(String code, String modifier, Indicator status, BigDecimal workRvu,
                      BigDecimal nonFacilityPeRvu, BigDecimal facilityPeRvu, BigDecimal mpRvu,
                      BigDecimal nonFacilityTotalRvu, BigDecimal facilityTotalRvu, Indicator globalDays,
                      List<Indicator> indicators, BigDecimal conversionFactor, Fees nationalFee, LocalityFees localityFee,
                      String feeNote, EditRelease release,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Payment> components,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String releaseNotice) {

    /** The same payment with its component rows and the release notice. */
    Payment with(List<Payment> componentRows, String notice) {
        return new Payment(code, modifier, status, workRvu, nonFacilityPeRvu, facilityPeRvu, mpRvu,
                nonFacilityTotalRvu, facilityTotalRvu, globalDays, indicators, conversionFactor, nationalFee,
                localityFee, feeNote, release, componentRows, notice);
    }

    public record Indicator(String name, String value, String meaning) {
    }

    public record Fees(BigDecimal nonFacility, BigDecimal facility) {
    }

    public record LocalityFees(String locality, String name, String state, BigDecimal workGpci, BigDecimal peGpci,
                               BigDecimal mpGpci, BigDecimal nonFacility, BigDecimal facility, EditRelease release) {
    }

    /** Status codes whose RVUs are paid (T only when no other fee-schedule service is billed that day). */
    private static final Set<String> PAID = Set.of("A", "R", "T");

    static Payment of(RvuEntry r, GpciEntry gpci) {
        boolean paid = PAID.contains(r.status());
        String note = null;
        if (!paid) {
            note = "No fee: " + Explanations.status(r.status());
        } else if (r.nonFacilityNa() || r.facilityNa()) {
            note = r.nonFacilityNa()
                    ? "No non-facility fee: CMS does not price this service in an office setting (NA)."
                    : "No facility fee: CMS does not price this service in a facility setting (NA).";
        }
        Fees national = null;
        LocalityFees local = null;
        if (paid) {
            national = new Fees(
                    r.nonFacilityNa() ? null : FeeCalculator.nationalFee(r.work(), r.nonFacilityPe(), r.mp(), r.conversionFactor()),
                    r.facilityNa() ? null : FeeCalculator.nationalFee(r.work(), r.facilityPe(), r.mp(), r.conversionFactor()));
        }
        if (gpci != null) {
            BigDecimal nonFac = paid && !r.nonFacilityNa() ? FeeCalculator.fee(r.work(), r.nonFacilityPe(), r.mp(),
                    gpci.work(), gpci.pe(), gpci.mp(), r.conversionFactor()) : null;
            BigDecimal fac = paid && !r.facilityNa() ? FeeCalculator.fee(r.work(), r.facilityPe(), r.mp(),
                    gpci.work(), gpci.pe(), gpci.mp(), r.conversionFactor()) : null;
            local = new LocalityFees(gpci.id(), gpci.name(), gpci.state(), gpci.work(), gpci.pe(), gpci.mp(), nonFac,
                    fac, gpci.release());
        }
        List<Indicator> indicators = List.of(
                new Indicator("Professional/technical component", r.pctc(), Explanations.pctc(r.pctc())),
                new Indicator("Multiple procedures", r.multipleProcedure(), Explanations.multipleProcedure(r.multipleProcedure())),
                new Indicator("Bilateral surgery", r.bilateral(), Explanations.bilateral(r.bilateral())),
                new Indicator("Assistant at surgery", r.assistant(), Explanations.assistant(r.assistant())),
                new Indicator("Co-surgeons", r.coSurgeon(), Explanations.coSurgeon(r.coSurgeon())),
                new Indicator("Team surgery", r.team(), Explanations.team(r.team())));
        return new Payment(r.hcpcs(), r.modifier(), new Indicator("Status", r.status(), Explanations.status(r.status())),
                r.work(), r.nonFacilityPe(), r.facilityPe(), r.mp(),
                r.work().add(r.nonFacilityPe()).add(r.mp()), r.work().add(r.facilityPe()).add(r.mp()),
                new Indicator("Global days", r.globalDays(), Explanations.globalDays(r.globalDays())), indicators,
                r.conversionFactor(), national, local, note, r.release(), null, null);
    }
}
