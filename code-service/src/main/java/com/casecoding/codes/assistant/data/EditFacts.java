package com.casecoding.codes.assistant.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** NCCI edits and Medicare payment facts for CPT/HCPCS codes, from the newest loaded releases. */
public interface EditFacts {

    record Ptp(String column1, String column2, int modifierIndicator, String modifierMeaning, LocalDate effective,
               LocalDate deleted, String rationale, String setting, ReleaseRef release) {
    }

    record Mue(String code, String setting, int units, int adjudicationIndicator, String adjudicationMeaning,
               String rationale, ReleaseRef release) {
    }

    record AddOn(int type, String typeMeaning, String addOnCode, String primaryCode, LocalDate effective,
                 String notes, ReleaseRef release) {
    }

    record Indicator(String name, String value, String meaning) {
    }

    record Locality(String id, String state, String name) {
    }

    record Payment(String code, String modifier, Indicator status, BigDecimal workRvu, BigDecimal nonFacilityPeRvu,
                   BigDecimal facilityPeRvu, BigDecimal mpRvu, BigDecimal nonFacilityTotal, BigDecimal facilityTotal,
                   Indicator globalDays, BigDecimal conversionFactor, BigDecimal nationalNonFacilityFee,
                   BigDecimal nationalFacilityFee, Locality locality, BigDecimal localityNonFacilityFee,
                   BigDecimal localityFacilityFee, String feeNote, ReleaseRef release, ReleaseRef gpciRelease) {
    }

    /** The release of the PTP table if one is loaded; without it no "can I bill X with Y" answer is possible. */
    Optional<ReleaseRef> ptpRelease();

    /** The PTP edit between the two codes in either column order, active on the date, for any setting. */
    List<Ptp> ptp(String codeA, String codeB, LocalDate date);

    /** The MUE rows of the code, one per setting that publishes one. */
    List<Mue> mue(String code);

    Optional<ReleaseRef> mueRelease();

    /** Add-on edit rows naming the code as the add-on (empty when it is not an add-on code). */
    List<AddOn> addOnPrimaries(String addOnCode);

    /** Add-on codes that list the code as an eligible primary. */
    List<String> addOnsOf(String primaryCode);

    Optional<ReleaseRef> addOnRelease();

    /** Fee schedule facts of the code (no modifier), at the locality when one is given. */
    Optional<Payment> payment(String code, Optional<String> localityId);

    List<Locality> localities();
}
