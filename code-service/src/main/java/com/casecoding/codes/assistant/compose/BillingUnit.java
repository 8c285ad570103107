package com.casecoding.codes.assistant.compose;

import com.casecoding.codes.assistant.understand.Question;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The billing unit of a HCPCS drug or supply code as its long description states it ("..., per 15 mg", "..., 10 mg",
 * "..., up to 1 g"), and the unit math a coder does with it: units = dose / unit, rounded up (CMS: a partial unit is
 * billed as a whole one).
 */
public record BillingUnit(BigDecimal amount, String unit, String phrase) {

    private static final Pattern UNIT = Pattern.compile(
            "(?i)(?:\\b(per|up to)\\s+)?(\\d+(?:\\.\\d+)?|\\d*\\.\\d+)\\s*(mcg|mg|gm|g|ml|cc|units?|iu|meq|mmol)\\b");

    /** The last dose phrase of the description: that is where HCPCS states the billing unit. */
    public static Optional<BillingUnit> of(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher m = UNIT.matcher(description);
        BillingUnit last = null;
        while (m.find()) {
            last = new BillingUnit(new BigDecimal(m.group(2)), canonical(m.group(3)), m.group().trim());
        }
        return Optional.ofNullable(last);
    }

    static String canonical(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        return switch (u) {
            case "gm" -> "g";
            case "cc" -> "ml";
            case "unit" -> "units";
            default -> u;
        };
    }

    /** Units to bill for the dose, or empty when the dose and the billing unit measure different things. */
    public Optional<Long> unitsFor(Question.Dose dose) {
        Optional<BigDecimal> doseInUnit = convert(dose.amount(), canonical(dose.unit()), unit);
        if (doseInUnit.isEmpty() || amount.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(doseInUnit.get().divide(amount, 0, RoundingMode.CEILING).longValueExact());
    }

    private static Optional<BigDecimal> convert(BigDecimal amount, String from, String to) {
        if (from.equals(to)) {
            return Optional.of(amount);
        }
        Optional<Integer> f = massExponent(from);
        Optional<Integer> t = massExponent(to);
        if (f.isEmpty() || t.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(amount.scaleByPowerOfTen(f.get() - t.get()));
    }

    /** Powers of ten of a gram. */
    private static Optional<Integer> massExponent(String unit) {
        return switch (unit) {
            case "g" -> Optional.of(0);
            case "mg" -> Optional.of(-3);
            case "mcg" -> Optional.of(-6);
            default -> Optional.empty();
        };
    }
}
