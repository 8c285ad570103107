package com.casecoding.codes.edits;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The Medicare Physician Fee Schedule payment formula:
 * fee = (work RVU x work GPCI + PE RVU x PE GPCI + MP RVU x MP GPCI) x conversion factor, rounded to cents.
 * The national fee uses GPCIs of 1.0; the facility fee uses the facility PE RVU, the non-facility fee the
 * non-facility PE RVU.
 */
public final class FeeCalculator {

    public static final BigDecimal ONE = BigDecimal.ONE;

    private FeeCalculator() {
    }

    public static BigDecimal fee(BigDecimal workRvu, BigDecimal peRvu, BigDecimal mpRvu, BigDecimal workGpci,
                                 BigDecimal peGpci, BigDecimal mpGpci, BigDecimal conversionFactor) {
        BigDecimal adjusted = workRvu.multiply(workGpci).add(peRvu.multiply(peGpci)).add(mpRvu.multiply(mpGpci));
        return adjusted.multiply(conversionFactor).setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal nationalFee(BigDecimal workRvu, BigDecimal peRvu, BigDecimal mpRvu,
                                         BigDecimal conversionFactor) {
        return fee(workRvu, peRvu, mpRvu, ONE, ONE, ONE, conversionFactor);
    }
}
