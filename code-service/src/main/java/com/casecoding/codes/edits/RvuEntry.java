package com.casecoding.codes.edits;

import java.math.BigDecimal;

/** One row of the Medicare Physician Fee Schedule RVU file: a code with an optional modifier (26, TC, 53). */
public record RvuEntry(String hcpcs, String modifier, String status, String notUsedForMedicare, BigDecimal work,
                       BigDecimal nonFacilityPe, boolean nonFacilityNa, BigDecimal facilityPe, boolean facilityNa,
                       BigDecimal mp, String pctc, String globalDays, BigDecimal preOp, BigDecimal intraOp,
                       BigDecimal postOp, String multipleProcedure, String bilateral, String assistant,
                       String coSurgeon, String team, String endoBase, BigDecimal conversionFactor,
                       String physicianSupervision, EditRelease release) {
}
